package io.xxgk.console.service;

import io.xxgk.contract.event.WithholdReason;

import java.util.Map;

/** The Chinese (and English) words for classify's sign-off codes, as people in the office say them. */
public final class SignOffLabels {

    private static final Map<String, String> HOLD_REASONS = Map.ofEntries(
            Map.entry("SIGN_OFF_REQUIRED", "学校要求逐项审核"),
            Map.entry("LOW_CONFIDENCE", "分类置信度低"),
            Map.entry("HINT_DISAGREES", "与部门所选清单事项不一致"),
            Map.entry("PERSONAL_DATA", "含个人信息（已打码）"),
            Map.entry("PERSONAL_DATA_IN_ATTACHMENT", "附件含个人信息"),
            Map.entry("ATTACHMENT_NOT_SCREENED", "附件未能筛查个人信息"),
            Map.entry("RETURNED_TO_DEPARTMENT", "已退回部门"),
            Map.entry("WITHHELD_IN_SIGN_OFF", "审核决定不予公开"),
            Map.entry("REJECTED_IN_REVIEW", "审核驳回"));

    private static final Map<String, String> ACTIONS = Map.of(
            "APPROVE", "同意公开", "CORRECT", "更正清单事项后同意", "RETURN", "退回部门", "WITHHOLD", "不予公开");

    private static final Map<String, String> STAGES = Map.of("OFFICE", "信息公开办公室审核", "LEADER", "分管领导审定");

    private static final Map<String, String> ROLES = Map.of(
            "REVIEWER", "审核人", "LEADER", "分管领导", "OPERATOR", "运维（审核接口）", "ADMIN", "系统管理员");

    private static final Map<String, String> STATUSES = Map.of(
            "AWAITING_OFFICE", "待信息公开办公室审核", "AWAITING_LEADER", "待分管领导审定", "APPROVED", "已同意，公开",
            "RETURNED", "已退回部门", "WITHHELD", "不予公开");

    private static final Map<String, String> MODES = Map.of(
            "AUTO", "自动", "OFFICE", "信息公开办公室审核", "TWO_LEVEL", "两级审核（办公室审核 + 分管领导审定）");

    private SignOffLabels() {
    }

    public static String holdReason(String code) {
        return HOLD_REASONS.getOrDefault(code, code);
    }

    public static String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }

    public static String stage(String code) {
        return code == null ? "" : STAGES.getOrDefault(code, code);
    }

    public static String role(String code) {
        return code == null ? "" : ROLES.getOrDefault(code, code);
    }

    public static String status(String code) {
        return code == null ? "" : STATUSES.getOrDefault(code, code);
    }

    public static String mode(String code) {
        return code == null ? "" : MODES.getOrDefault(code, code);
    }

    public static String withholdReason(String code) {
        if (code == null) {
            return null;
        }
        try {
            return WithholdReason.valueOf(code).labelZh();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
