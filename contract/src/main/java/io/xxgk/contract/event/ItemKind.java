package io.xxgk.contract.event;

/** The kind of a disclosure item as the posting department declares it. */
public enum ItemKind {
    OFFICIAL_DOCUMENT("公文"),
    RULE("规章制度"),
    PLAN_REPORT("规划计划与报告"),
    ENROLLMENT_PLAN("招生计划"),
    ADMISSION_RESULT("录取结果"),
    TEACHING("教学"),
    RESEARCH("科研"),
    EMPLOYMENT("就业"),
    RECRUITMENT("人员招聘"),
    CADRE_APPOINTMENT("干部任免"),
    PROCUREMENT_NOTICE("采购招标公告"),
    TENDER_RESULT("中标结果"),
    BUDGET("预算"),
    FINAL_ACCOUNT("决算"),
    FEE_SCHEDULE("收费标准"),
    NEWS("新闻动态"),
    OTHER("其他");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
