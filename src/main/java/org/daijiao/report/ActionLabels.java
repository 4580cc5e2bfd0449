package org.daijiao.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.daijiao.coverage.WorklistAction;

/**
 * The one label table of the work-list actions: what a village clerk reads in the 事项 column. An
 * action that has no label here (one added to {@link WorklistAction} later, or a code the table
 * holds that this build does not know) is printed with its code, so that it still reaches the
 * clerk.
 */
final class ActionLabels {
  static final Map<WorklistAction, String> LABELS;

  /**
   * Short words for a column header of the 汇总 sheet, where one column per action must fit A4
   * landscape at a readable size; the sheet spells each out in full below its table.
   */
  static final Map<WorklistAction, String> HEADERS;

  static {
    Map<WorklistAction, String> labels = new EnumMap<>(WorklistAction.class);
    labels.put(WorklistAction.ENROL, "参保登记（未参加城乡居保）");
    labels.put(WorklistAction.PAY_SELF_PART, "缴纳个人缴费部分");
    labels.put(WorklistAction.REFUND, "退还代缴资金（已全额自缴，事后补助）");
    labels.put(WorklistAction.TRANSFER_FOLLOW_UP, "跨县参保，办理转移接续");
    labels.put(WorklistAction.REACHES_PENSION_AGE, "年满60周岁，办理待遇领取（达龄一个，发放一个）");
    labels.put(WorklistAction.FIX_ID, "核对身份证号码（部门名单中的号码无效，请对照身份证更正）");
    LABELS = Collections.unmodifiableMap(labels);
    Map<WorklistAction, String> headers = new EnumMap<>(WorklistAction.class);
    headers.put(WorklistAction.ENROL, "参保登记");
    headers.put(WorklistAction.PAY_SELF_PART, "缴个人部分");
    headers.put(WorklistAction.REFUND, "退还代缴");
    headers.put(WorklistAction.TRANSFER_FOLLOW_UP, "转移接续");
    headers.put(WorklistAction.REACHES_PENSION_AGE, "达龄领待遇");
    headers.put(WorklistAction.FIX_ID, "核对身份证号");
    HEADERS = Collections.unmodifiableMap(headers);
  }

  private ActionLabels() {}

  /** The clerk's words for an action code; the code itself when it has none. */
  static String label(String code) {
    return label(code, LABELS);
  }

  /** The short header of an action's column; the code itself when it has none. */
  static String header(String code) {
    return label(code, HEADERS);
  }

  static String label(String code, Map<WorklistAction, String> labels) {
    WorklistAction action = actionOrNull(code);
    String label = action == null ? null : labels.get(action);
    return label == null ? String.valueOf(code) : label;
  }

  /** The order of the actions on a list: the enum's, a code it does not know last. */
  static int order(String code) {
    WorklistAction action = actionOrNull(code);
    return action == null ? Integer.MAX_VALUE : action.ordinal();
  }

  private static WorklistAction actionOrNull(String code) {
    for (WorklistAction a : WorklistAction.values()) {
      if (a.name().equals(code)) {
        return a;
      }
    }
    return null;
  }

  /** What marks an action new on the list since the previous recorded as_of. */
  static final String NEW_MARK = "【新增】";

  /** The 事项 of a work list row: its label, marked when new since the previous as_of. */
  static String item(String action, boolean opened) {
    return opened ? NEW_MARK + label(action) : label(action);
  }

  /** How a closed action (销号) ended, in the clerk's words; an unknown code as it is. */
  static String resolution(String code) {
    if (code == null) {
      return "";
    }
    return switch (code) {
      case "DONE" -> "已办结";
      case "NO_LONGER_DUE" -> "不再需要办理（已退出对象/迁出）";
      default -> code;
    };
  }
}
