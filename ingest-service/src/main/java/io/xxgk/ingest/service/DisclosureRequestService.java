package io.xxgk.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.Outcome;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.ingest.config.IngestConfig;
import io.xxgk.ingest.event.OutboxWriter;
import io.xxgk.ingest.repository.DisclosureRequest;
import io.xxgk.contract.problem.ProblemException;
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
import java.util.Arrays;
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

    /** A register entry's subject (申请内容), in UTF-8 bytes. */
    static final int MAX_SUBJECT_BYTES = 8000;
    static final BigDecimal MAX_FEE = new BigDecimal("1000000000");

    private final OutboxWriter outbox;
    private final Clock clock;
    private final IngestConfig config;

    public DisclosureRequestService(OutboxWriter outbox, Clock clock, IngestConfig config) {
        this.config = config;
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
            DisclosureRequest r = DisclosureRequest.findById(
                    new DisclosureRequest.Key(in.schoolCode(), in.id()), LockModeType.PESSIMISTIC_WRITE);
            if (r != null && r.contentHash.equals(hash)) {
                return EventCodec.decode(r.event, DisclosureRequestEvent.class);
            }
            if (r == null) {
                r = new DisclosureRequest();
                r.schoolCode = in.schoolCode();
                r.recordId = in.id();
                r.createdAt = clock.instant();
                r.revision = 0;
            }
            DisclosureRequestEvent event = new DisclosureRequestEvent(DisclosureRequestEvent.SCHEMA_VERSION, in.id(), r.revision + 1,
                    in.schoolCode(), ItemValidator.parseEnum(RecordType.class, in.type()), LocalDate.parse(in.receivedDate().strip()),
                    ItemValidator.parseEnum(ApplicantType.class, in.applicantType()), in.subject(),
                    ItemValidator.parseEnum(AnswerType.class, in.answerType()),
                    blank(in.answeredDate()) ? null : LocalDate.parse(in.answeredDate().strip()),
                    in.feeYuan() == null ? BigDecimal.ZERO : in.feeYuan(),
                    ItemValidator.parseEnum(Outcome.class, in.outcome()), clock.instant());
            String encoded = EventCodec.encode(event);
            if (TextRules.utf8Length(encoded) > config.events().maxBytes()) {
                throw ProblemException.invalid(List.of(new FieldError("subject", "event-too-large",
                        "the entry's event would be " + TextRules.utf8Length(encoded) + " bytes; at most " + config.events().maxBytes(),
                        "登记编码后为 " + TextRules.utf8Length(encoded) + " 字节，超过上限 " + config.events().maxBytes() + " 字节")));
            }
            r.revision = event.revision();
            r.type = event.type().name();
            r.contentHash = hash;
            r.event = encoded;
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
        if (TextRules.check("id", in.id(), 128, errors) && blank(in.id())) {
            errors.add(new FieldError("id", "required", "id is required", "编号 id 不能为空"));
        } else if (in.id() != null && in.id().length() > 128) {
            errors.add(new FieldError("id", "too-long", "id is longer than 128 characters", "编号 id 超过 128 个字符"));
        }
        if (TextRules.check("schoolCode", in.schoolCode(), 32, errors) && blank(in.schoolCode())) {
            errors.add(new FieldError("schoolCode", "required", "schoolCode is required", "学校代码不能为空"));
        }
        if (TextRules.check("type", in.type(), 64, errors)) {
            RecordType type = ItemValidator.parseEnum(RecordType.class, in.type());
            if (type == null) {
                errors.add(new FieldError("type", in.type() == null ? "required" : "unknown",
                        "type must be one of " + Arrays.toString(RecordType.values()) + (in.type() == null ? "" : ", not '" + in.type() + "'"),
                        "类型应为依申请公开、举报投诉、行政复议或行政诉讼之一 " + Arrays.toString(RecordType.values())));
            }
        }
        LocalDate received = TextRules.check("receivedDate", in.receivedDate(), 32, errors)
                ? date(in.receivedDate(), "receivedDate", "收到日期", true, errors) : null;
        LocalDate answered = TextRules.check("answeredDate", in.answeredDate(), 32, errors)
                ? date(in.answeredDate(), "answeredDate", "答复日期", false, errors) : null;
        if (received != null && answered != null && answered.isBefore(received)) {
            errors.add(new FieldError("answeredDate", "before-received", "answeredDate is before receivedDate", "答复日期早于收到日期"));
        }
        enumField("applicantType", "申请人类型", in.applicantType(), ApplicantType.class, errors);
        boolean answerOk = enumField("answerType", "答复类型", in.answerType(), AnswerType.class, errors);
        if (answerOk && !blank(in.answerType()) && blank(in.answeredDate())) {
            errors.add(new FieldError("answeredDate", "required", "an answer needs its answeredDate", "已答复的申请必须填写答复日期"));
        }
        enumField("outcome", "结果", in.outcome(), Outcome.class, errors);
        TextRules.check("subject", in.subject(), MAX_SUBJECT_BYTES, errors);
        if (in.feeYuan() != null) {
            if (in.feeYuan().signum() < 0) {
                errors.add(new FieldError("feeYuan", "range", "feeYuan must not be negative", "收费金额不能为负"));
            } else if (in.feeYuan().compareTo(MAX_FEE) > 0 || in.feeYuan().stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError("feeYuan", "range", "feeYuan must be at most " + MAX_FEE.toPlainString() + " with at most 2 decimals",
                        "收费金额不能超过 " + MAX_FEE.toPlainString() + " 元，最多两位小数"));
            }
        }
        return errors;
    }

    private static <E extends Enum<E>> boolean enumField(String field, String label, String value, Class<E> type, List<FieldError> errors) {
        if (!TextRules.check(field, value, 64, errors)) {
            return false;
        }
        if (value != null && ItemValidator.parseEnum(type, value) == null) {
            errors.add(new FieldError(field, "unknown", "unknown " + field + " '" + value + "'; one of " + Arrays.toString(type.getEnumConstants()),
                    "未知的" + label + " " + value + "，应为 " + Arrays.toString(type.getEnumConstants()) + " 之一"));
            return false;
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private LocalDate date(String v, String field, String label, boolean required, List<FieldError> errors) {
        if (v != null && v.isBlank()) {
            errors.add(new FieldError(field, "blank", field + " is blank; omit it or give an ISO date (YYYY-MM-DD)",
                    label + "为空白，请省略该字段或填写 YYYY-MM-DD 格式的日期"));
            return null;
        }
        if (v == null) {
            if (required) {
                errors.add(new FieldError(field, "required", field + " is required", label + "不能为空"));
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v.strip());
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
