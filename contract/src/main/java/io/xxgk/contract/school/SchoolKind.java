package io.xxgk.contract.school;

/** Kind of school, which decides which checklist items apply. */
public enum SchoolKind {
    /** 研究生培养单位: grants master's and doctoral degrees. */
    RESEARCH_UNIVERSITY("本科院校（含研究生教育）"),
    /** 普通本科院校 without graduate programmes. */
    UNDERGRADUATE("普通本科院校"),
    /** 高职高专院校. */
    VOCATIONAL("高职高专院校");

    private final String label;

    SchoolKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
