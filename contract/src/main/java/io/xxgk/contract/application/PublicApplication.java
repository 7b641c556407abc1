package io.xxgk.contract.application;

import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An application for disclosure (依申请公开) as a member of the public fills it in on a school's site: what publish's
 * form sends to ingest's {@code POST /api/v1/public-applications}. One set of rules for both: publish checks it to
 * show the applicant a page naming each field, ingest checks it again because it is the one that stores it.
 *
 * <p>{@code name}, {@code idNumber}, {@code phone}, {@code email} and {@code address} are the applicant's personal
 * data: ingest keeps them for the office and puts none of them in an event.
 *
 * @param submissionKey the form's one-time key: the same key again (a double click, a retry after a timeout) is the
 *                      same application, not a second one
 */
public record PublicApplication(
        String schoolCode,
        String submissionKey,
        String applicantType,
        String name,
        String idNumber,
        String phone,
        String email,
        String address,
        String description,
        String medium,
        String delivery) {

    /** A field of the form: its name, its Chinese label and its limit in characters (code points). */
    public record Field(String name, String label, int maxChars, boolean multiLine) {
    }

    public static final Field SCHOOL_CODE = new Field("schoolCode", "学校代码", 32, false);
    public static final Field SUBMISSION_KEY = new Field("submissionKey", "表单编号", 64, false);
    public static final Field APPLICANT_TYPE = new Field("applicantType", "申请人类型", 64, false);
    public static final Field NAME = new Field("name", "姓名或名称", 50, false);
    public static final Field ID_NUMBER = new Field("idNumber", "证件名称及号码", 40, false);
    public static final Field PHONE = new Field("phone", "联系电话", 30, false);
    public static final Field EMAIL = new Field("email", "电子邮箱", 100, false);
    public static final Field ADDRESS = new Field("address", "通信地址", 200, false);
    public static final Field DESCRIPTION = new Field("description", "所需信息的内容描述", 2000, true);
    public static final Field MEDIUM = new Field("medium", "信息的载体形式", 32, false);
    public static final Field DELIVERY = new Field("delivery", "获取信息的方式", 32, false);

    /** 信息的载体形式 */
    public enum Medium {
        PAPER("纸质"), ELECTRONIC("电子文档");

        public final String label;

        Medium(String label) {
            this.label = label;
        }
    }

    /** 获取信息的方式 */
    public enum Delivery {
        POST("邮寄"), EMAIL("电子邮件"), IN_PERSON("当面领取");

        public final String label;

        Delivery(String label) {
            this.label = label;
        }
    }

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9+\\- ()（）]{5,30}");
    private static final Pattern MAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Every rule the application breaks, each naming its field in Chinese and English; empty when it is acceptable. */
    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (text(SCHOOL_CODE, schoolCode, true, errors)) {
            // the school's existence is the caller's to check: it knows the directory
        }
        if (text(SUBMISSION_KEY, submissionKey, true, errors) && !KEY.matcher(submissionKey.strip()).matches()) {
            errors.add(error(SUBMISSION_KEY, "format", "must be 16 to 64 letters, digits, '-' or '_'",
                    "格式不正确，请重新打开申请表"));
        }
        if (text(APPLICANT_TYPE, applicantType, true, errors) && parse(ApplicantType.class, applicantType) == null) {
            errors.add(error(APPLICANT_TYPE, "unknown", "must be one of " + List.of(ApplicantType.values()), "请选择申请人类型"));
        }
        text(NAME, name, true, errors);
        text(ID_NUMBER, idNumber, false, errors);
        if (text(PHONE, phone, true, errors) && !PHONE_CHARS.matcher(phone.strip()).matches()) {
            errors.add(error(PHONE, "format", "digits, spaces, '+', '-' and brackets only, 5 to 30", "只能包含数字、空格、+、- 和括号，5 至 30 位"));
        }
        if (text(EMAIL, email, false, errors) && !blank(email) && !MAIL.matcher(email.strip()).matches()) {
            errors.add(error(EMAIL, "format", "is not an e-mail address", "不是有效的电子邮箱地址"));
        }
        text(ADDRESS, address, false, errors);
        text(DESCRIPTION, description, true, errors);
        text(MEDIUM, medium, true, errors);
        if (!blank(medium) && parse(Medium.class, medium) == null) {
            errors.add(error(MEDIUM, "unknown", "must be PAPER or ELECTRONIC", "请选择纸质或电子文档"));
        }
        if (text(DELIVERY, delivery, true, errors)) {
            Delivery d = parse(Delivery.class, delivery);
            if (d == null) {
                errors.add(error(DELIVERY, "unknown", "must be POST, EMAIL or IN_PERSON", "请选择邮寄、电子邮件或当面领取"));
            } else if (d == Delivery.EMAIL && blank(email) && errors.stream().noneMatch(e -> e.field().equals(EMAIL.name()))) {
                errors.add(error(EMAIL, "required", "is required when the information is to be sent by e-mail", "选择电子邮件方式时必须填写"));
            } else if (d == Delivery.POST && blank(address) && errors.stream().noneMatch(e -> e.field().equals(ADDRESS.name()))) {
                errors.add(error(ADDRESS, "required", "is required when the information is to be posted", "选择邮寄方式时必须填写"));
            }
        }
        return errors;
    }

    /** The same application with every text stripped and every choice in its canonical spelling (for hashing and storing). */
    public PublicApplication normalized() {
        return new PublicApplication(strip(schoolCode), strip(submissionKey), canonical(ApplicantType.class, applicantType),
                strip(name), strip(idNumber), strip(phone), strip(email), strip(address), strip(description),
                canonical(Medium.class, medium), canonical(Delivery.class, delivery));
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> String canonical(Class<E> type, String value) {
        E e = parse(type, value);
        return e == null ? strip(value) : e.name();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Checks presence, characters and length; true when the value may be looked at further (present and acceptable). */
    private static boolean text(Field f, String value, boolean required, List<FieldError> errors) {
        if (blank(value)) {
            if (required) {
                errors.add(error(f, "required", "is required", "不能为空"));
            }
            return false;
        }
        String v = value.strip();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 && !(f.multiLine() && lineBreak)) || c == 0x7f
                    || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < v.length()
                    && Character.isLowSurrogate(v.charAt(++i)))) {
                errors.add(error(f, "control-character", "contains a character that is not allowed (position " + i + ")",
                        "第 " + i + " 个字符处含有不允许的控制字符" + (f.multiLine() ? "" : "或换行")));
                return false;
            }
        }
        int chars = v.codePointCount(0, v.length());
        if (chars > f.maxChars()) {
            errors.add(error(f, "too-long", "is " + chars + " characters; at most " + f.maxChars(),
                    "共 " + chars + " 个字，超过上限 " + f.maxChars() + " 个字"));
            return false;
        }
        return true;
    }

    private static FieldError error(Field f, String code, String en, String zh) {
        return new FieldError(f.name(), code, f.name() + " " + en, f.label() + zh);
    }
}
