package io.xxgk.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.Outcome;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.ingest.event.OutboxWriter;
import io.xxgk.ingest.repository.DisclosureRequestRecord;
import io.xxgk.ingest.rest.ProblemException;
import io.xxgk.ingest.security.ApiKeys;
import io.xxgk.ingest.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The disclosure-on-request register (依申请公开) and complaints, administrative reviews and lawsuits about
 * disclosure. Each entry is recorded, then updated as it is answered; every version flows to Kafka for the
 * annual statistics.
 */
@ApplicationScoped
public class DisclosureRequestService {

    @Schema(description = "依申请公开登记 / a register entry")
    public record RequestInput(
            @Schema(example = "ysq-2025-007") String id,
            @Schema(example = "zzsz") String schoolCode,
            @Schema(description = "APPLICATION 依申请公开, COMPLAINT 举报投诉, ADMINISTRATIVE_REVIEW 行政复议, LAWSUIT 行政诉讼",
                    example = "APPLICATION") String type,
            @Schema(example = "2025-03-10") String receivedDate,
            @Schema(example = "NATURAL_PERSON") String applicantType,
            @Schema(example = "申请公开2024年学校收费项目及标准") String subject,
            @Schema(description = "DISCLOSED, WITHHELD, NOT_HELD, PARTIALLY_DISCLOSED, UNCLEAR_AMEND, REPEATED, OTHER",
                    example = "DISCLOSED") String answerType,
            @Schema(example = "2025-03-20") String answeredDate,
            @Schema(example = "0") BigDecimal feeYuan,
            @Schema(description = "UPHELD 维持, CORRECTED 纠正, OTHER 其他, PENDING 尚未审结") String outcome) {
    }

    private final OutboxWriter outbox;
    private final Clock clock;

    public DisclosureRequestService(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records a new entry or a new version of an existing one; the same content again changes nothing. */
    public DisclosureRequestEvent record(Caller caller, RequestInput in) {
        List<FieldError> errors = validate(in);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!caller.mayWriteFor(in.schoolCode())) {
            throw ProblemException.forbidden("此 API key 只能为本校登记 / this API key may only write for its own school");
        }
        String hash = ApiKeys.sha256(EventCodec.encode(in));
        return QuarkusTransaction.requiringNew().call(() -> {
            DisclosureRequestRecord r = DisclosureRequestRecord.findById(
                    new DisclosureRequestRecord.Key(in.schoolCode(), in.id()), LockModeType.PESSIMISTIC_WRITE);
            if (r != null && r.contentHash.equals(hash)) {
                return EventCodec.decode(r.event, DisclosureRequestEvent.class);
            }
            if (r == null) {
                r = new DisclosureRequestRecord();
                r.schoolCode = in.schoolCode();
                r.recordId = in.id();
                r.createdAt = clock.instant();
                r.revision = 0;
            }
            DisclosureRequestEvent event = new DisclosureRequestEvent(DisclosureRequestEvent.SCHEMA_VERSION, in.id(), r.revision + 1,
                    in.schoolCode(), RecordType.valueOf(in.type()), LocalDate.parse(in.receivedDate()),
                    in.applicantType() == null ? null : ApplicantType.valueOf(in.applicantType()), in.subject(),
                    in.answerType() == null ? null : AnswerType.valueOf(in.answerType()),
                    in.answeredDate() == null ? null : LocalDate.parse(in.answeredDate()),
                    in.feeYuan() == null ? BigDecimal.ZERO : in.feeYuan(),
                    in.outcome() == null ? null : Outcome.valueOf(in.outcome()), clock.instant());
            r.revision = event.revision();
            r.type = event.type().name();
            r.contentHash = hash;
            r.event = EventCodec.encode(event);
            r.updatedAt = event.submittedAt();
            r.persist();
            outbox.append(event);
            return event;
        });
    }

    private List<FieldError> validate(RequestInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            return List.of(new FieldError("$", "required", "request body is required", "请求体不能为空"));
        }
        if (in.id() == null || in.id().isBlank()) {
            errors.add(new FieldError("id", "required", "id is required", "编号 id 不能为空"));
        }
        if (in.schoolCode() == null) {
            errors.add(new FieldError("schoolCode", "required", "schoolCode is required", "学校代码不能为空"));
        }
        RecordType type = ItemValidator.parseEnum(RecordType.class, in.type());
        if (type == null) {
            errors.add(new FieldError("type", in.type() == null ? "required" : "unknown",
                    "type must be APPLICATION, COMPLAINT, ADMINISTRATIVE_REVIEW or LAWSUIT", "类型应为依申请公开、举报投诉、行政复议或行政诉讼"));
        }
        LocalDate received = date(in.receivedDate(), "receivedDate", "收到日期", true, errors);
        LocalDate answered = date(in.answeredDate(), "answeredDate", "答复日期", false, errors);
        if (received != null && answered != null && answered.isBefore(received)) {
            errors.add(new FieldError("answeredDate", "before-received", "answeredDate is before receivedDate", "答复日期早于收到日期"));
        }
        if (in.applicantType() != null && ItemValidator.parseEnum(ApplicantType.class, in.applicantType()) == null) {
            errors.add(new FieldError("applicantType", "unknown", "unknown applicantType", "未知的申请人类型"));
        }
        if (in.answerType() != null && ItemValidator.parseEnum(AnswerType.class, in.answerType()) == null) {
            errors.add(new FieldError("answerType", "unknown", "unknown answerType (one of the seven answers)", "未知的答复类型"));
        }
        if (in.answerType() != null && in.answeredDate() == null) {
            errors.add(new FieldError("answeredDate", "required", "an answer needs its answeredDate", "已答复的申请必须填写答复日期"));
        }
        if (in.outcome() != null && ItemValidator.parseEnum(Outcome.class, in.outcome()) == null) {
            errors.add(new FieldError("outcome", "unknown", "outcome must be UPHELD, CORRECTED, OTHER or PENDING", "结果应为维持、纠正、其他或尚未审结"));
        }
        if (in.feeYuan() != null && in.feeYuan().signum() < 0) {
            errors.add(new FieldError("feeYuan", "range", "feeYuan must not be negative", "收费金额不能为负"));
        }
        return errors;
    }

    private LocalDate date(String v, String field, String label, boolean required, List<FieldError> errors) {
        if (v == null || v.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required", field + " is required", label + "不能为空"));
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.isAfter(LocalDate.now(clock.withZone(ItemValidator.CHINA)))) {
                errors.add(new FieldError(field, "future", field + " is in the future", label + "晚于今天"));
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "format", field + " is not an ISO date (YYYY-MM-DD)", label + "格式应为 YYYY-MM-DD"));
            return null;
        }
    }
}
