package io.xxgk.contract.checklist;

/** Whether an entry of an item stays in force (STANDING) or each period needs its own (RECURRING). */
public enum Recurrence {
    /** A rule or standing document (章程, 学籍管理办法): published once, it counts until withdrawn or replaced. */
    STANDING("长期有效"),
    /** Needs this period's entry: budgets, final accounts, quality reports, admissions, notices. */
    RECURRING("定期更新");

    private final String label;

    Recurrence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
