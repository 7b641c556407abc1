package io.xxgk.classify.screening;

/**
 * The kinds of personal data the {@link PersonalDataScreener} detects. The declaration order is the order used in
 * {@link ScreeningResult#summary()}.
 */
public enum PersonalDataKind {

    /** 居民身份证号码 (GB 11643-1999, 18 characters; also the pre-1999 15-digit form). */
    RESIDENT_ID("身份证号", "resident ID", "resident IDs"),
    /** 中国大陆手机号码. */
    MOBILE("手机号", "mobile", "mobiles"),
    /** 银行卡号 (Luhn-valid, plausible IIN). */
    BANK_CARD("银行卡号", "bank card", "bank cards"),
    /** Personal e-mail address (office mailboxes such as zsb@… are not reported). */
    EMAIL("电子邮箱", "e-mail", "e-mails");

    private final String labelZh;
    private final String singularEn;
    private final String pluralEn;

    PersonalDataKind(String labelZh, String singularEn, String pluralEn) {
        this.labelZh = labelZh;
        this.singularEn = singularEn;
        this.pluralEn = pluralEn;
    }

    /** Chinese label, e.g. 身份证号. */
    public String labelZh() {
        return labelZh;
    }

    /** English label for {@code count} occurrences, e.g. "resident ID" / "resident IDs". */
    public String labelEn(int count) {
        return count == 1 ? singularEn : pluralEn;
    }
}
