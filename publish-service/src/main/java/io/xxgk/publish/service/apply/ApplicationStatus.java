package io.xxgk.publish.service.apply;

import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.publish.repository.DisclosureRequest;
import io.xxgk.publish.service.statistics.StatisticsConfig;
import io.xxgk.publish.service.statistics.WorkingDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the public may know of an application: its tracking number, the day it was received, the day it must be
 * answered by, whether it is answered and how. Nothing else of the register entry (no subject, no applicant type,
 * no fee) leaves here.
 */
@ApplicationScoped
public class ApplicationStatus {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** One application as the status page shows it. */
    public record View(String trackingNumber, LocalDate receivedDate, LocalDate dueDate, String status, String statusEn,
                       String answer) {
    }

    private final WorkingDays workingDays;
    private final int answerWithin;
    private final Clock clock;

    public ApplicationStatus(WorkingDays workingDays, StatisticsConfig statistics) {
        this.workingDays = workingDays;
        this.answerWithin = statistics.answerWithinWorkingDays();
        this.clock = Clock.system(CHINA);
    }

    /** 15 working days (xxgk.statistics.answer-within-working-days) after the day of receipt. */
    public LocalDate dueDate(LocalDate received) {
        return workingDays.plusWorkingDays(received, answerWithin);
    }

    public int answerWithinWorkingDays() {
        return answerWithin;
    }

    @Transactional
    public Optional<View> find(String schoolCode, String trackingNumber) {
        DisclosureRequest r = DisclosureRequest.findRecord(schoolCode, trackingNumber);
        if (r == null || !RecordType.APPLICATION.name().equals(r.recordType)) {
            return Optional.empty();
        }
        LocalDate due = dueDate(r.receivedDate);
        AnswerType answer = r.answerType == null ? null : AnswerType.valueOf(r.answerType);
        if (answer != null) {
            return Optional.of(new View(trackingNumber, r.receivedDate, due, "已答复", "answered", label(answer)));
        }
        boolean late = LocalDate.now(clock).isAfter(due);
        return Optional.of(new View(trackingNumber, r.receivedDate, due, late ? "办理中（已超过答复期限）" : "办理中",
                late ? "in progress, past the due date" : "in progress", null));
    }

    /** The answers (the seven of 《高等学校信息公开办法》 and 不属于依申请公开范围) as the applicant reads them. */
    public static String label(AnswerType a) {
        return switch (a) {
            case DISCLOSED -> "予以公开";
            case WITHHELD -> "不予公开";
            case NOT_HELD -> "本校不掌握该信息或该信息不存在";
            case PARTIALLY_DISCLOSED -> "部分公开";
            case UNCLEAR_AMEND -> "申请内容不明确，请更改、补充申请";
            case REPEATED -> "重复申请，不予重复处理";
            case NOT_A_REQUEST -> "不属于依申请公开范围";
            case OTHER -> "其他处理";
        };
    }
}
