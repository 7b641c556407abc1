package io.xxgk.publish.service.report.workflow;

/** DRAFT → FROZEN → APPROVED → SUBMITTED; an unfreeze takes FROZEN or APPROVED back to DRAFT. */
public enum ReportState {
    DRAFT("草稿（填写中）"), FROZEN("已冻结（待审定）"), APPROVED("已审定"), SUBMITTED("已报送省教育厅");

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
