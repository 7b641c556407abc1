package io.xxgk.publish.service.statistics;

import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.Outcome;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.school.StatisticsPeriod;

/** Chinese wording of the enums the annual report shows. */
public final class Labels {

    private Labels() {
    }

    /** Where the two wordings of the answers come from. */
    public static final String ANSWER_SOURCES = "《高等学校信息公开办法》（2010年）" + WorkingDays.ANSWER_ARTICLE.replace("《高等学校信息公开办法》", "")
            + "；《中华人民共和国政府信息公开条例》（2019年修订）第三十六条、第三十九条";

    /** The wording of 《高等学校信息公开办法》 (2010), as the school's annual report has used it. */
    public static String answer(AnswerType a) {
        return switch (a) {
            case DISCLOSED -> "予以公开";
            case WITHHELD -> "不予公开";
            case NOT_HELD -> "不属于本校职责范围或信息不存在";
            case PARTIALLY_DISCLOSED -> "部分公开";
            case UNCLEAR_AMEND -> "申请内容不明确，告知更改、补充";
            case REPEATED -> "重复申请，不予重复处理";
            case NOT_A_REQUEST -> "不属于依申请公开范围";
            case OTHER -> "其他处理";
        };
    }

    /** The wording of the 2019 《政府信息公开条例》 (art. 36, 39) and its report tables, which many schools now use. */
    public static String answer2019(AnswerType a) {
        return switch (a) {
            case DISCLOSED -> "予以公开";
            case WITHHELD -> "不予公开";
            case NOT_HELD -> "无法提供：本机关不掌握相关信息或信息不存在";
            case PARTIALLY_DISCLOSED -> "部分公开（区分处理）";
            case UNCLEAR_AMEND -> "告知作出补正：申请内容不明确";
            case REPEATED -> "不予处理：重复申请";
            case NOT_A_REQUEST -> "不予处理：信访举报投诉类申请，不作为信息公开申请处理";
            case OTHER -> "其他处理";
        };
    }

    public static String outcome(Outcome o) {
        return switch (o) {
            case UPHELD -> "维持";
            case CORRECTED -> "纠正";
            case OTHER -> "其他结果";
            case PENDING -> "尚未审结";
        };
    }

    public static String applicant(ApplicantType a) {
        return switch (a) {
            case NATURAL_PERSON -> "自然人";
            case BUSINESS -> "商业企业";
            case RESEARCH_INSTITUTION -> "科研机构";
            case PUBLIC_INTEREST_ORGANISATION -> "社会公益组织";
            case LEGAL_SERVICE_ORGANISATION -> "法律服务机构";
            case OTHER -> "其他";
        };
    }

    public static String recordType(RecordType t) {
        return switch (t) {
            case APPLICATION -> "依申请公开";
            case COMPLAINT -> "举报（投诉）";
            case ADMINISTRATIVE_REVIEW -> "行政复议";
            case LAWSUIT -> "行政诉讼";
        };
    }

    /** Grounds of 《高等学校信息公开办法》 art. 10, as ingest's WithholdReason names them. */
    public static String withholdReason(String reason) {
        if (reason == null) {
            return "未注明理由";
        }
        return switch (reason) {
            case "STATE_SECRET" -> "涉及国家秘密";
            case "COMMERCIAL_SECRET" -> "涉及商业秘密";
            case "PERSONAL_PRIVACY" -> "涉及个人隐私";
            case "OTHER" -> "其他依法不予公开的情形";
            default -> reason;
        };
    }

    /** "2021-2022学年" or "2022年度". */
    public static String period(StatisticsPeriod p, int year) {
        return p == StatisticsPeriod.SCHOOL_YEAR ? (year - 1) + "-" + year + "学年" : year + "年度";
    }

    public static String periodKind(StatisticsPeriod p) {
        return p == StatisticsPeriod.SCHOOL_YEAR ? "学年（9月1日至次年8月31日）" : "自然年（1月1日至12月31日）";
    }
}
