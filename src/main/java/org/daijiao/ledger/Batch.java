package org.daijiao.ledger;

/** §2(二) when the subsidy is settled, from the first qualifying day. */
public enum Batch {
  /** First qualifying day on or before the cut-off (8月31日前): settled with the September data. */
  REGULAR,
  /** Later (8月31日后动态更新, 即进立保): settled by the year's end. */
  DYNAMIC
}
