package io.xxgk.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.application.PublicApplication;
import io.xxgk.contract.application.TrackingNumber;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.ingest.event.OutboxWriter;
import io.xxgk.ingest.repository.DisclosureRequest;
import io.xxgk.ingest.repository.PublicApplicationEntity;
import io.xxgk.ingest.security.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Applications for disclosure made by the public on a school's site (through publish-service's form). In one
 * transaction: the applicant's data in {@code public_application}, the register entry in {@code disclosure_request}
 * and its event in the outbox; only then does the caller get the tracking number, so an application that got one
 * cannot be lost. The event carries no personal data: no name, contact, ID or description, only what the annual
 * statistics count (type, received date, applicant type). The office answers through {@code POST /api/v1/requests}
 * with the tracking number as {@code id}, which records the next revision of the same entry.
 */
@ApplicationScoped
public class PublicApplicationService {

    @Schema(description = "受理回执 / what the applicant is told")
    public record Receipt(String trackingNumber, String schoolCode, LocalDate receivedDate) {
    }

    @Schema(description = "网上申请（仅信息公开办公室可见）/ an application as the office sees it, with the applicant's data")
    public record OfficeView(String trackingNumber, String schoolCode, LocalDate receivedDate, Instant createdAt,
                             String applicantType, String name, String idNumber, String phone, String email,
                             String address, String description, String medium, String delivery) {
    }

    private final OutboxWriter outbox;
    private final SchoolDirectory schools;
    private final Clock clock;

    public PublicApplicationService(OutboxWriter outbox, SchoolDirectory schools, Clock clock) {
        this.outbox = outbox;
        this.schools = schools;
        this.clock = clock;
    }

    /** Records the application, or returns the first receipt for the same form submitted again with the same content. */
    public Receipt submit(PublicApplication input) {
        if (input == null) {
            throw ProblemException.invalid(List.of(new FieldError("$", "required", "request body is required", "请求体不能为空")));
        }
        List<FieldError> errors = new ArrayList<>(input.validate());
        if (input.schoolCode() != null && errors.stream().noneMatch(e -> e.field().equals("schoolCode"))
                && schools.find(input.schoolCode().strip()).isEmpty()) {
            errors.add(new FieldError("schoolCode", "unknown", "unknown school '" + input.schoolCode() + "'", "未知的学校代码 " + input.schoolCode()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PublicApplication a = input.normalized();
        String hash = ApiKeys.sha256(EventCodec.encode(a));
        return QuarkusTransaction.requiringNew().call(() -> {
            PublicApplicationEntity earlier = PublicApplicationEntity.findBySubmissionKey(a.submissionKey()).orElse(null);
            if (earlier != null) {
                if (earlier.contentHash.equals(hash)) {
                    return new Receipt(earlier.trackingNumber, earlier.schoolCode, earlier.receivedDate);
                }
                throw new ProblemException(409, "conflict", "冲突 / Conflict",
                        "此申请表已用不同内容提交过，请重新打开申请表 / this form was already sent with other content; open a new form",
                        List.of(new FieldError("submissionKey", "already-used", "this form was already sent with other content",
                                "此申请表已用不同内容提交过，请重新打开申请表")));
            }
            Instant now = clock.instant();
            LocalDate received = LocalDate.ofInstant(now, ItemValidator.CHINA);
            String tracking = newTrackingNumber(a.schoolCode(), received);
            PublicApplicationEntity e = new PublicApplicationEntity();
            e.schoolCode = a.schoolCode();
            e.trackingNumber = tracking;
            e.submissionKey = a.submissionKey();
            e.contentHash = hash;
            e.applicantType = a.applicantType();
            e.name = a.name();
            e.idNumber = a.idNumber();
            e.phone = a.phone();
            e.email = a.email();
            e.address = a.address();
            e.description = a.description();
            e.medium = a.medium();
            e.delivery = a.delivery();
            e.receivedDate = received;
            e.createdAt = now;
            e.persist();

            DisclosureRequestEvent event = new DisclosureRequestEvent(DisclosureRequestEvent.SCHEMA_VERSION, tracking, 1,
                    a.schoolCode(), RecordType.APPLICATION, received, ApplicantType.valueOf(a.applicantType()),
                    null, null, null, BigDecimal.ZERO, null, now);
            DisclosureRequest r = new DisclosureRequest();
            r.schoolCode = a.schoolCode();
            r.recordId = tracking;
            r.revision = 1;
            r.type = RecordType.APPLICATION.name();
            r.contentHash = hash;
            r.event = EventCodec.encode(event);
            r.createdAt = now;
            r.updatedAt = now;
            r.persist();
            outbox.append(event);
            return new Receipt(tracking, a.schoolCode(), received);
        });
    }

    /** The school's newest applications with the applicants' data, for the office. */
    public List<OfficeView> newest(String schoolCode, int limit) {
        return PublicApplicationEntity.newest(schoolCode, limit).stream()
                .map(e -> new OfficeView(e.trackingNumber, e.schoolCode, e.receivedDate, e.createdAt, e.applicantType,
                        e.name, e.idNumber, e.phone, e.email, e.address, e.description, e.medium, e.delivery))
                .toList();
    }

    private static String newTrackingNumber(String school, LocalDate received) {
        for (int attempt = 0; ; attempt++) {
            String t = TrackingNumber.next(received);
            if (DisclosureRequest.findById(new DisclosureRequest.Key(school, t)) == null || attempt > 5) {
                return t;
            }
        }
    }
}
