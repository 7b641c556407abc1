package io.xxgk.publish.service.report.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One school's annual report of one year as the console shows it: state, what was filled in, who did what. */
@Schema(description = "年度报告工作流 / the annual report workflow")
public record ReportWorkflowView(
        String schoolCode,
        String schoolName,
        int year,
        @Schema(description = "统计期，如 2021-2022学年 / the period") String periodLabel,
        @Schema(description = "DRAFT、FROZEN、APPROVED、SUBMITTED") String state,
        String stateLabel,
        @Schema(description = "文字空白项 / the prose blanks") List<ProseField> prose,
        @Schema(description = "报告中仍为【待填写】的空白项（键） / blanks still open; freezing needs none") List<String> unfilled,
        @Schema(description = "当前操作人可做的操作：fill、freeze、unfreeze、approve、submit、download / what the acting person may do now")
        List<String> allowedActions,
        Step frozen,
        Step approved,
        Submission submission,
        @Schema(description = "全部操作记录，按时间 / every change, oldest first") List<HistoryEntry> history) {

    /** asked: the report of this school and year has this blank (e.g. missingReasons only when items are missing). */
    public record ProseField(String key, String label, String labelEn, String hint, boolean asked, String value) {
    }

    public record Step(String actor, String role, String roleLabel, Instant at) {
    }

    public record Submission(LocalDate submittedOn, String method, String methodLabel, String reference, String note,
                             String recordedBy, String recordedRole, Instant recordedAt) {
    }

    public record HistoryEntry(String action, String actionLabel, String actor, String role, String roleLabel,
                               Instant at, String detail) {
    }

    /** A school's reports, newest year first. */
    public record Summary(int year, String state, String stateLabel, Instant updatedAt) {
    }
}
