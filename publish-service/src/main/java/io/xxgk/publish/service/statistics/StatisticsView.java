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
        @Schema(description = "信息公开办公室填报的年终数据（非清单信息） / the year-end figures the office recorded for the period") YearEndFiguresView yearEndFigures,
        @Schema(description = "信息类别标题只统计经该渠道公开的信息（学校设置，如 WEBSITE），为空时统计全部 / the channel the kind headings count over (a school's setting), null for all items") String byKindChannel,
        @Schema(description = "信息类别标题统计的信息条数，即其占比的分母 / the items the kind headings count (the base of their shares)") long byKindTotal,
        @Schema(description = "采购招标公告与中标（成交）结果，按条数和按项目（项目编号）统计 / procurement notices and results, counted as items and as projects (by project number)") Procurement procurement) {

    /**
     * Procurement counted as notices and as projects. A notice and its result are one project when they carry the
     * same 项目编号 (read from the title or body); an item without one is counted as a notice but not as a project.
     */
    @Schema(description = "采购统计 / procurement")
    public record Procurement(
            @Schema(description = "统计期内公开的采购招标公告 / procurement notices published in the period") long notices,
            @Schema(description = "统计期内公开的中标（成交）结果公告 / results published in the period") long results,
            @Schema(description = "其中未载明项目编号、未计入项目的公告 / of those, without a project number (not counted as projects)") long unnumbered,
            @Schema(description = "涉及的采购项目数（按项目编号去重） / distinct projects (by project number)") long projects,
            @Schema(description = "截至统计期末招标公告和结果公告均已公开的项目 / projects with both a notice and a result published by the end of the period") long projectsWithNoticeAndResult,
            @Schema(description = "仅公开招标公告、尚无结果公告的项目 / projects with a notice and no result yet") long projectsAwaitingResult,
            @Schema(description = "仅公开结果公告、未见招标公告的项目 / projects with a result and no notice") long projectsWithResultOnly) {
    }

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
     * Proactive disclosure within limitWorkingDays (第十八条), by the dates the departments declared for each item's first
     * publication: evaluated = published; an item without a published date is unknown (undated = unknown), never on
     * time; onTime = evaluated - late - unknown; percentOnTime = onTime / evaluated; percentOnTimeOfDated = onTime /
     * (evaluated - unknown); maxWorkingDays: the longest delay among dated items; calendarNote: set when the period
     * touches a year the holiday calendar does not cover. Beside it: madePublic (to the day the system made the first
     * publication public after its sign-off; unknown for entries stored before that was recorded), checklistItems and
     * otherItems (the declared figure split: items of the checklist apart from news and other items), and revisions
     * (corrections whose current revision is in the period, each from the day it was made to the day the system made
     * it public: their own working days).
     */
    public record Timeliness(int limitWorkingDays, long evaluated, long onTime, long late, long undated,
                             BigDecimal percentOnTime, int maxWorkingDays, String rule, String calendarNote,
                             long unknown, BigDecimal percentOnTimeOfDated,
                             @Schema(description = "按系统实际公开（审核通过后发布）之日计 / by the day the system made it public") Measure madePublic,
                             @Schema(description = "清单事项信息 / checklist items") Measure checklistItems,
                             @Schema(description = "清单外信息（新闻等） / items outside the checklist (news ...)") Measure otherItems,
                             @Schema(description = "更正（修订）信息，自更正之日起计 / corrections, from the day each was made") Measure revisions) {
    }

    /** One way of measuring: onTime = evaluated - late - unknown; percentOnTime = onTime / evaluated. */
    public record Measure(String basis, long evaluated, long onTime, long late, long unknown, BigDecimal percentOnTime,
                          int maxWorkingDays) {
    }

    /**
     * Applications for disclosure received in the period. byAnswer: every answer (share of received) in the wording of
     * the 2010 Measures, byAnswer2019 the same counts in the wording of the 2019 条例 (answerSources names both);
     * answeredWithinLimit: answered within limitWorkingDays working days of receipt (第十九条); percentWithinLimit of
     * answered, percentOfReceivedWithinLimit of received (what the rules ask); overduePending: applications still
     * without an answer more than limitWorkingDays working days after receipt as of asOf, oldest first.
     */
    public record Requests(long received, long answered, long pending, List<Share> byAnswer, List<Share> byApplicant,
                           int limitWorkingDays, long answeredWithinLimit, BigDecimal percentWithinLimit,
                           BigDecimal feesYuan,
                           @Schema(description = "按《政府信息公开条例》（2019）表述的答复类型 / the answers in the 2019 regulation's wording") List<Share> byAnswer2019,
                           String answerSources,
                           @Schema(description = "按期答复数占收到申请数的比例 / answered in time, share of received") BigDecimal percentOfReceivedWithinLimit,
                           LocalDate asOf,
                           @Schema(description = "已超过答复期限仍未答复的申请 / pending applications past the limit") List<OverdueApplication> overduePending) {
    }

    /** A pending application: received on receivedDate, workingDays working days ago (as of the statistics' asOf). */
    public record OverdueApplication(String id, LocalDate receivedDate, int workingDays) {
    }

    /** Received in the period, by outcome (share of total); an entry without outcome counts as PENDING. */
    public record Appeals(long total, List<Share> byOutcome) {
    }
}
