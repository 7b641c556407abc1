package io.xxgk.publish.service.coverage;

import io.xxgk.publish.service.SchoolView;
import io.xxgk.publish.service.statistics.StatisticsView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Coverage and deadlines of one school (or one department of it) in one period, as of a day: the 50 items with
 * their status (PUBLISHED in the period, STANDING from earlier, MISSING, NOT_APPLICABLE with the reason), what is
 * overdue and what is due next from the cadence of the school's checklist variant, and the entries held for review
 * longer than the limit.
 */
@Schema(description = "清单事项覆盖情况与期限 / checklist coverage and deadlines")
public record CoverageView(
        SchoolView school,
        StatisticsView.Period period,
        @Schema(description = "计算逾期、待办所依据的日期 / the day overdue and due next are computed for") LocalDate asOf,
        String checklistVariant,
        @Schema(description = "部门；为空表示全校 / the department, or null for the whole school") String department,
        Summary summary,
        @Schema(description = "全校各责任部门的情况 / every responsible department of the school") List<DepartmentSummary> departments,
        List<Category> categories,
        @Schema(description = "已逾期事项，逾期最久者在前 / overdue items, longest first") List<Due> overdue,
        @Schema(description = "即将到期事项，最早到期者在前 / items due next, soonest first") List<Due> dueNext,
        @Schema(description = "待审核超过该工作日数即列出 / held longer than this many working days is listed") int waitingLimitWorkingDays,
        @Schema(description = "待审核超过期限的信息 / entries waiting for review longer than the limit") List<Waiting> waiting,
        @Schema(description = "节假日日历未收录统计期某年时的说明，否则为空 / set when the holiday calendar does not cover the period") String calendarNote) {

    /**
     * covered = published + standing; percent = covered / applicable (不涉及 and items not for this kind of school
     * are outside the denominator).
     */
    public record Summary(int items, int applicable, int published, int standing, int covered, int missing, int notApplicable,
                          int notApplicableBySchool, BigDecimal percent, int overdue) {
    }

    public record DepartmentSummary(String department, int items, int covered, int missing, int overdue) {
    }

    public record Category(int number, String label, String name, List<Item> items) {
    }

    /**
     * status: PUBLISHED, STANDING, MISSING or NOT_APPLICABLE (statusLabel in Chinese); reason: why not applicable;
     * notApplicable: the school's 不涉及 mark with who and when; department: the variant's responsible department,
     * else the department of the newest entry; dueDate: from the cadence (null when it has no date in the period);
     * columnLink: the 栏目链接 the office set for the item, or null.
     */
    public record Item(int number, String text, String recurrence, String recurrenceLabel, String cadence, String department,
                       String status, String statusLabel, String reason, NotApplicableView notApplicable, long entriesInPeriod,
                       Entry latest, LocalDate dueDate, boolean overdue, int overdueWorkingDays, String columnLink) {
    }

    public record Entry(String id, String title, String department, LocalDate date, String link, boolean inPeriod) {
    }

    public record Due(int number, String text, String department, String cadence, LocalDate dueDate, int overdueWorkingDays) {
    }

    public record Waiting(String itemId, String title, String department, Integer checklistItem, Instant since,
                          int workingDays) {
    }
}
