package io.xxgk.contract.event;

/**
 * Legal grounds for not publishing (《高等学校信息公开办法》第十条), shared by a department's own 不予公开 (ingest) and a
 * reviewer's WITHHOLD decision in sign-off (classify).
 */
public enum WithholdReason {
    STATE_SECRET("涉及国家秘密", "state secret"),
    COMMERCIAL_SECRET("涉及商业秘密", "commercial secret"),
    PERSONAL_PRIVACY("涉及个人隐私", "personal privacy"),
    OTHER("法律、法规、规章及学校规定不予公开的其他信息", "other grounds in law, regulation or school rules");

    private final String labelZh;
    private final String labelEn;

    WithholdReason(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
