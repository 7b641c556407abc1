package io.xxgk.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Event on {@link io.xxgk.contract.Topics#REQUESTS}: one entry of the disclosure-on-request register (依申请公开)
 * or a complaint, administrative review or lawsuit about disclosure, as ingest recorded it. A later revision
 * of the same {@code recordId} (e.g. when the answer is given) replaces the earlier one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DisclosureRequestEvent(
        int schemaVersion,
        String recordId,
        int revision,
        String schoolCode,
        RecordType type,
        LocalDate receivedDate,
        ApplicantType applicantType,
        String subject,
        AnswerType answerType,
        LocalDate answeredDate,
        BigDecimal feeYuan,
        Outcome outcome,
        Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "cn.xxgk.request.recorded.v1";

    public enum RecordType {
        /** 依申请公开申请 */
        APPLICATION,
        /** 举报/投诉 */
        COMPLAINT,
        /** 行政复议 */
        ADMINISTRATIVE_REVIEW,
        /** 行政诉讼 */
        LAWSUIT
    }

    /** Applicant kinds of the government-format tables (国办公开办函〔2021〕30号). */
    public enum ApplicantType {
        NATURAL_PERSON, BUSINESS, RESEARCH_INSTITUTION, PUBLIC_INTEREST_ORGANISATION, LEGAL_SERVICE_ORGANISATION, OTHER
    }

    /**
     * The answers to an application: the seven of 《高等学校信息公开办法》 (2010) and NOT_A_REQUEST, which schools use for a
     * complaint or petition sent as an application (the 2019 《政府信息公开条例》 art. 39: 不作为政府信息公开申请处理).
     */
    public enum AnswerType {
        /** 已主动公开的，告知获取的方式和途径 / 予以公开 */
        DISCLOSED,
        /** 属于不予公开范围的，告知申请人并说明理由 */
        WITHHELD,
        /** 不属于本校职责范围或者该信息不存在的，告知申请人 */
        NOT_HELD,
        /** 部分公开 */
        PARTIALLY_DISCLOSED,
        /** 申请内容不明确的，告知申请人更改、补充申请 */
        UNCLEAR_AMEND,
        /** 重复申请相同信息，不予重复处理 */
        REPEATED,
        /** 不属于依申请公开范围（信访、投诉、举报等以申请形式提出的，不作为信息公开申请处理） */
        NOT_A_REQUEST,
        /** 其他处理 */
        OTHER
    }

    /** Outcome of a complaint, review or lawsuit. */
    public enum Outcome {
        /** 维持 */
        UPHELD,
        /** 纠正 */
        CORRECTED,
        /** 其他结果 */
        OTHER,
        /** 尚未审结 */
        PENDING
    }
}
