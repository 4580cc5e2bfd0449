package org.daijiao.ingest.clean;

import org.daijiao.quality.RejectReason;

/**
 * A row that cannot reach a clean table: the reason code and a detail that never holds a full ID.
 */
final class Rejected extends Exception {
  final RejectReason reason;
  final String detail;

  Rejected(RejectReason reason, String detail) {
    super(reason + ": " + detail, null, false, false);
    this.reason = reason;
    this.detail = detail;
  }
}
