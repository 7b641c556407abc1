package io.xxgk.publish.service.statistics;

import io.xxgk.publish.service.SchoolView;
import io.xxgk.publish.service.yearend.YearEndFiguresView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one school's annual report (信息公开工作年度报告) for one period. Every share is a percentage to
 * one decimal, rounded half-up, of {@link #published} unless said otherwise. Only PUBLISHED entries are counted
 * in the breakdowns; WITHHELD (不予公开) entries only as {@link #withheld}.
 */
@Schema(description = "年度信息公开统计 / annual disclosure statistics")
public record StatisticsView(
        SchoolView school,
        Period period,
        @Schema(description = "统计期内主动公开的信息条数（状态为已发布） / published items in the period") long published,
        @Schema(description = "统计期内不予公开的信息条数 / items withheld in the period") long withheld,
        @Schema(description = "统计期内校内公开（仅在校内发布，不向社会公开）的信息条数，单独统计，不计入其他各项 / items published inside the school only (校内公开), counted apart from every other figure") long internal,
        @Schema(description = "不予公开信息按理由 / withheld items by reason (share of withheld)") List<Share> withheldByReason,
        @Schema(description = "按清单类别（十类，另列清单外） / by checklist category, plus items outside the checklist") List<Share> byCategory,
        @Schema(description = "按清单事项（50项） / by checklist item") List<ChecklistItemStat> byChecklistItem,
        @Schema(description = "按信息类别标题（如公文类、教学类） / by kind heading") List<HeadingShare> byKind,
        @Schema(description = "按公开渠道（一条信息可计入多个渠道，合计可超过100%） / by channel; one item may count under several") List<Share> byChannel,
        @Schema(description = "通过任一渠道公开的信息条数（各渠道去重合计） / items published through any channel (the union)") long channelUnion,
        @Schema(description = "按发布部门 / by department") List<Share> byDepartment,
        @Schema(description = "按月份 / by month") List<Share> byMonth,
        Coverage coverage,
        Timeliness timeliness,
        Requests requests,
        @Schema(description = "因信息公开工作受到的举报（投诉） / complaints") Appeals complaints,
        @Schema(description = "行政复议 / administrative reviews") Appeals administrativeReviews,
        @Schema(description = "行政诉讼 / lawsuits") Appeals lawsuits,
        @Schema(description = "信息公开办公室填报的年终数据（非清单信息） / the year-end figures the office recorded for the period") YearEndFiguresView yearEndFigures) {

    /** kind: SCHOOL_YEAR or CALENDAR_YEAR; label e.g. 2021-2022学年 or 2022年度. */
    public record Period(int year, String kind, LocalDate from, LocalDate to, String label) {
    }

    public record Share(String key, String label, long count, BigDecimal percent) {
    }

    /** A heading (公文类 ...) with the kinds it groups and their own counts. */
    public record HeadingShare(String key, String label, long count, BigDecimal percent, List<Share> kinds) {
    }

    /**
     * status: PUBLISHED (at least one published entry in the period), STANDING (a standing item in force from an
     * earlier period), MISSING or NOT_APPLICABLE (notApplicableReason: the school's 不涉及 reason, or not for this
     * kind of school). latest: the newest published entry up to the end of the period (may be from an earlier year:
     * then inPeriod is false). recurrence: STANDING or RECURRING, from the checklist variant. columnLink: the
     * 栏目链接, the URL of the item's column on the school's website as the office set it (null when not set).
     */
    public record ChecklistItemStat(int number, int category, String categoryName, String text, String status,
                                    long count, BigDecimal percent, LatestEntry latest, String notApplicableReason,
                                    String recurrence,
                                    @Schema(description = "栏目链接：该事项在学校网站上的栏目网址 / the item's column on the school's website") String columnLink) {
    }

    public record LatestEntry(String id, String title, LocalDate date, String link, boolean inPeriod) {
    }

    /**
     * Of the checklist's items ("is it public now", ChecklistCoverage): applicable (less those not for this kind of
     * school and those the school marked 不涉及), published in the period, standing (a rule in force, published
     * earlier), covered = published + standing, missing (applicable and not covered), not applicable;
     * percent = covered / applicable. publishedEarlierItems: missing recurring items that have a published entry from
     * before the period (往年已公开，本期无更新).
     */
    public record Coverage(int items, int applicable, int published, int missing, int notApplicable, BigDecimal percent,
                           List<Integer> missingItems, List<Integer> publishedEarlierItems, int standing, int covered,
                           List<Integer> standingItems, int notApplicableBySchool) {
    }

    /**
     * evaluated = published; onTime includes the undated items (no publishedDate: taken as published the day they
     * were produced); percentOnTime = onTime / evaluated; maxWorkingDays: the longest delay among dated items;
     * calendarNote: set when the period touches a year the holiday calendar does not cover.
     */
    public record Timeliness(int limitWorkingDays, long evaluated, long onTime, long late, long undated,
                             BigDecimal percentOnTime, int maxWorkingDays, String rule, String calendarNote) {
    }

    /**
     * Applications for disclosure received in the period. byAnswer: the seven answers (share of received);
     * answeredWithinLimit: answered within limitWorkingDays working days of receipt (percentWithinLimit of answered).
     */
    public record Requests(long received, long answered, long pending, List<Share> byAnswer, List<Share> byApplicant,
                           int limitWorkingDays, long answeredWithinLimit, BigDecimal percentWithinLimit,
                           BigDecimal feesYuan) {
    }

    /** Received in the period, by outcome (share of total); an entry without outcome counts as PENDING. */
    public record Appeals(long total, List<Share> byOutcome) {
    }
}
