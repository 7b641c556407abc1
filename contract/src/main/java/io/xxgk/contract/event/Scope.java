package io.xxgk.contract.event;

/** Who may see an item: the public (社会公开), or only the school's own staff and students on its OA (校内公开). */
public enum Scope {
    PUBLIC("社会公开"),
    INTERNAL("校内公开");

    private final String label;

    Scope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
