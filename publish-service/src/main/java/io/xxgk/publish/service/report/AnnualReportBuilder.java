package io.xxgk.publish.service.report;

import io.xxgk.contract.school.School;
import io.xxgk.publish.repository.report.ReportTitleQueries.CategoryTitles;
import io.xxgk.publish.service.report.AnnualReport.Block;
import io.xxgk.publish.service.report.AnnualReport.Cell;
import io.xxgk.publish.service.report.AnnualReport.Paragraph;
import io.xxgk.publish.service.report.AnnualReport.Section;
import io.xxgk.publish.service.report.AnnualReport.Span;
import io.xxgk.publish.service.report.AnnualReport.SubHeading;
import io.xxgk.publish.service.report.AnnualReport.Table;
import io.xxgk.publish.service.statistics.StatisticsView;
import io.xxgk.publish.service.statistics.StatisticsView.Appeals;
import io.xxgk.publish.service.statistics.StatisticsView.ChecklistItemStat;
import io.xxgk.publish.service.statistics.StatisticsView.Coverage;
import io.xxgk.publish.service.statistics.StatisticsView.HeadingShare;
import io.xxgk.publish.service.statistics.StatisticsView.Requests;
import io.xxgk.publish.service.statistics.StatisticsView.Share;
import io.xxgk.publish.service.statistics.StatisticsView.Timeliness;
import io.xxgk.publish.service.yearend.YearEndFigure;
import io.xxgk.publish.service.yearend.YearEndFiguresView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.xxgk.publish.service.report.ReportText.date;
import static io.xxgk.publish.service.report.ReportText.items;
import static io.xxgk.publish.service.report.ReportText.para;
import static io.xxgk.publish.service.report.ReportText.pct;
import static io.xxgk.publish.service.report.ReportText.percent;
import static io.xxgk.publish.service.report.ReportText.row;
import static io.xxgk.publish.service.report.ReportText.table;

/**
 * Writes the draft annual report from the statistics: every figure comes from {@link StatisticsView}; what the
 * system cannot know (how the work was organised, the evaluation, experience, plans) is left as marked blanks
 * (【待填写：……】) for the disclosure office. Structure of 教办厅函〔2018〕80号: eight sections.
 */
public final class AnnualReportBuilder {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final School school;
    private final StatisticsView s;
    private final String baseUrl;
    private final String term;
    private final ReportFill fill;
    private final ReportProfile profile;
    private final List<CategoryTitles> titles;
    private final Set<ReportField> asked = EnumSet.noneOf(ReportField.class);

    /** How the report presents itself: the notice under the title and the date line at the end. */
    public record Stamp(String notice, String dateLine) {
    }

    /**
     * @param baseUrl absolute URL the relative links of the catalogue are resolved against, e.g.
     *                {@code https://xxgk.example.edu.cn}; no trailing slash
     * @param fill    the prose and year-end figures the office filled in; what it leaves empty stays a marked blank
     * @param profile the school's fixed wording (report-templates: title, preamble, provincial notice, part titles, contact)
     * @param titles  per checklist category, the period's count and newest titles: the draft of the 重点领域 narrative
     */
    public AnnualReportBuilder(School school, StatisticsView statistics, String baseUrl, ReportFill fill, ReportProfile profile,
                               List<CategoryTitles> titles) {
        this.fill = fill;
        this.school = school;
        this.s = statistics;
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.titles = titles == null ? List.of() : titles;
        this.term = "SCHOOL_YEAR".equals(statistics.period().kind()) ? "本学年" : "本年度";
    }

    /** The draft: statistics as of {@code generatedOn}. */
    public AnnualReport build(LocalDate generatedOn) {
        return build(generatedOn, new Stamp("草稿：本报告由信息公开系统根据统计数据自动生成，统计数据截至生成之日（" + date(generatedOn)
                + "）；标有【待填写】的内容请信息公开工作办公室补充、核实后删除标记。", date(generatedOn) + "（草稿）"));
    }

    /** @param generatedOn the day the statistics were taken (for a frozen report: the day it was frozen) */
    public AnnualReport build(LocalDate generatedOn, Stamp stamp) {
        asked.clear();
        Map<String, String> words = new LinkedHashMap<>();
        words.put("school", school.name());
        words.put("period", s.period().label());
        words.put("year", String.valueOf(s.period().year()));
        words.put("from", date(s.period().from()));
        words.put("to", date(s.period().to()));
        String notice = profile.notice(s.period().year());
        words.put("notice", notice);
        words.put("noticeClause", notice.isEmpty() ? "" : profile.get("noticeClause").replace("{notice}", notice));
        words.put("office", profile.office(school.name()));
        String title = profile.fill("title", words);
        List<Block> preamble = new ArrayList<>();
        preamble.add(para(profile.fill("preamble", words)));
        preamble.add(contact(words));
        List<Section> sections = List.of(
                section(1, overview()),
                section(2, proactive()),
                section(3, onRequest()),
                section(4, evaluation()),
                section(5, appeals()),
                section(6, lessons()),
                section(7, prose(ReportField.OTHER_MATTERS)),
                section(8, checklistTable()));
        return new AnnualReport(school.code(), school.name(), s.period().year(), s.period().label(), s.period().from(),
                s.period().to(), title, stamp.notice(), generatedOn, stamp.dateLine(), List.copyOf(preamble), sections,
                asked.stream().map(ReportField::key).toList());
    }

    /** The office's contact: from the profile; without a phone or e-mail there, what the office filled in, or a blank. */
    private Block contact(Map<String, String> words) {
        String fromProfile = profile.contact();
        if (!fromProfile.isEmpty()) {
            Map<String, String> w = new LinkedHashMap<>(words);
            w.put("contact", fromProfile);
            return para(profile.fill("contactSentence", w));
        }
        asked.add(ReportField.OFFICE_CONTACT);
        String sentence = profile.fill("contactSentence", words);
        int at = sentence.indexOf("{contact}");
        Object contact = fill.text(ReportField.OFFICE_CONTACT).<Object>map(String::strip)
                .orElseGet(() -> new Span(AnnualReport.BLANK_OPEN + ReportField.OFFICE_CONTACT.hint() + AnnualReport.BLANK_CLOSE, true,
                        ReportField.OFFICE_CONTACT.key()));
        if (at < 0) {
            return para(sentence, contact);
        }
        return para(sentence.substring(0, at), contact, sentence.substring(at + "{contact}".length()));
    }

    // 一、概述: counts only; the shares and rates are in part 二 and in the statistics (issue 11)
    private List<Block> overview() {
        Coverage c = s.coverage();
        List<Block> b = new ArrayList<>(prose(ReportField.OVERVIEW));
        b.add(para(term, "，学校共主动公开信息", s.published(), "条；《高等学校信息公开事项清单》", c.items(), "项事项中适用于本校的",
                c.applicable(), "项，已公开", covered(c), "。收到信息公开申请", s.requests().received(), "件，因信息公开工作受到举报（投诉）",
                s.complaints().total(), "件、行政复议", s.administrativeReviews().total(), "件、行政诉讼", s.lawsuits().total(), "件。"));
        yearEndGroup(YearEndFigure.Group.TRAINING).ifPresent(b::add);
        return b;
    }

    // 二、主动公开情况
    private List<Block> proactive() {
        List<Block> b = new ArrayList<>();
        b.add(new SubHeading("（一）主动公开信息的数量"));
        List<Object> parts = new ArrayList<>(List.of(term, "，学校共主动公开信息", s.published(), "条"));
        List<HeadingShare> kinds = s.byKind().stream().filter(h -> h.count() > 0).toList();
        if (!kinds.isEmpty()) {
            parts.add("，其中，");
            for (int i = 0; i < kinds.size(); i++) {
                HeadingShare h = kinds.get(i);
                parts.add(h.label() + "信息" + h.count() + "条，占比" + pct(h.percent()) + (i < kinds.size() - 1 ? "；" : "。"));
            }
        } else {
            parts.add("。");
        }
        b.add(para(parts.toArray()));
        if (s.internal() > 0) {
            b.add(para("另有校内公开（仅在校内发布）的信息", s.internal(), "条，单独统计，不计入上述数量。"));
        }
        procurement().ifPresent(b::add);
        b.add(table("表1 主动公开信息分类统计", List.of("信息类别", "条数", "占比"), List.of(50, 25, 25),
                withTotal(s.byKind().stream().map(h -> row(h.label(), h.count(), pct(h.percent()))).toList())));
        b.add(table("表2 按清单类别统计", List.of("清单类别", "条数", "占比"), List.of(50, 25, 25),
                withTotal(s.byCategory().stream().map(c -> row(c.label(), c.count(), pct(c.percent()))).toList())));
        // by department and by month: internal figures, in the statistics only (issue 11)

        b.add(new SubHeading("（二）公开的渠道和方式"));
        List<Share> channels = s.byChannel();
        if (!channels.isEmpty()) {
            b.add(para(term, "，学校通过", channels.stream().map(Share::label).collect(Collectors.joining("、")),
                    "等渠道主动公开信息。按公开渠道统计（一条信息可同时通过多个渠道公开）：", channels.stream()
                    .map(ch -> ch.label() + ch.count() + "条（" + pct(ch.percent()) + "）").collect(Collectors.joining("，")),
                    "；各渠道去重合计", s.channelUnion(), "条。"));
        }
        List<Block> counted = yearEndFigures();
        b.addAll(counted);
        if (counted.isEmpty() || fill.text(ReportField.OTHER_CHANNELS).isPresent()) {
            b.addAll(prose(ReportField.OTHER_CHANNELS));
        } else {
            asked.add(ReportField.OTHER_CHANNELS); // the figures say it; prose is optional then
        }

        b.add(new SubHeading("（三）清单事项公开情况"));
        Coverage c = s.coverage();
        List<Object> cov = new ArrayList<>(List.of("对照《高等学校信息公开事项清单》", c.items(), "项事项，适用于本校的", c.applicable(), "项"));
        int byKind = c.notApplicable() - c.notApplicableBySchool();
        if (byKind > 0 || c.notApplicableBySchool() > 0) {
            List<String> na = new ArrayList<>();
            if (byKind > 0) {
                na.add(byKind + "项不适用于" + school.kind().label());
            }
            if (c.notApplicableBySchool() > 0) {
                na.add(c.notApplicableBySchool() + "项本校不涉及");
            }
            cov.add("（另有" + String.join("、", na) + "）");
        }
        cov.addAll(List.of("，", term, "已公开", covered(c), "，公开率", pct(c.percent())));
        if (c.missing() == 0) {
            cov.add("，适用事项已全部公开。");
        } else {
            cov.add("；" + term + "尚未公开的事项" + c.missing() + "项：" + items(c.missingItems()) + "。");
            if (!c.publishedEarlierItems().isEmpty()) {
                cov.add("其中" + items(c.publishedEarlierItems()) + "以往年度已公开，" + term + "无更新。");
            }
        }
        b.add(para(cov.toArray()));
        if (c.missing() > 0) {
            b.addAll(prose(ReportField.MISSING_REASONS));
        }
        b.add(para("各事项的公开情况及网址见第八部分清单事项公开情况表。"));

        b.add(new SubHeading("（四）公开的及时性"));
        Timeliness t = s.timeliness();
        List<Object> time = new ArrayList<>(List.of(term, "主动公开的", t.evaluated(), "条信息中，自信息形成或者变更之日起",
                t.limitWorkingDays(), "个工作日内公开的", t.onTime(), "条，及时公开率", pct(t.percentOnTime())));
        if (t.late() > 0) {
            time.add("；超过" + t.limitWorkingDays() + "个工作日公开的" + t.late() + "条，最长为" + t.maxWorkingDays() + "个工作日");
        }
        time.add("。");
        if (t.undated() > 0) {
            time.add("另有" + t.undated() + "条未填写公开日期，及时性不明，未计入及时公开。");
        }
        b.add(para(time.toArray()));
        b.add(para("（计算规则：" + t.rule() + "）"));
        if (t.calendarNote() != null) {
            b.add(para("（注意：" + t.calendarNote() + "）"));
        }

        b.add(new SubHeading("（五）主动公开的主要内容和重点领域"));
        List<Block> drafted = categoryNarrative();
        b.addAll(drafted);
        if (drafted.isEmpty() || fill.text(ReportField.KEY_AREAS).isPresent()) {
            b.addAll(prose(ReportField.KEY_AREAS));
        } else {
            asked.add(ReportField.KEY_AREAS); // drafted from the titles; the office's text is optional then
        }
        return b;
    }

    /**
     * Procurement as notices and as projects (项目编号), as 荆楚理工's report counts 政府采购项目; none when the period
     * has no procurement notice or result (or the figures were frozen before they were counted).
     */
    private java.util.Optional<Block> procurement() {
        StatisticsView.Procurement p = s.procurement();
        if (p == null || p.notices() + p.results() == 0) {
            return java.util.Optional.empty();
        }
        List<Object> parts = new ArrayList<>(List.of(term, "，学校公开采购招标公告", p.notices(), "条、中标（成交）结果公告",
                p.results(), "条"));
        if (p.projects() > 0) {
            parts.addAll(List.of("，涉及采购项目", p.projects(), "项（按项目编号计），其中招标公告和结果公告均已公开的",
                    p.projectsWithNoticeAndResult(), "项"));
            if (p.projectsAwaitingResult() > 0) {
                parts.add("，尚待公开结果的" + p.projectsAwaitingResult() + "项");
            }
        }
        parts.add(p.unnumbered() > 0 ? "；另有" + p.unnumbered() + "条公告未载明项目编号，未计入项目数。" : "。");
        return java.util.Optional.of(para(parts.toArray()));
    }

    // 三、依申请公开和不予公开情况
    private List<Block> onRequest() {
        List<Block> b = new ArrayList<>();
        Requests r = s.requests();
        b.add(new SubHeading("（一）依申请公开情况"));
        if (r.received() == 0) {
            b.add(para(term, "，学校未收到信息公开申请。"));
        } else {
            List<Object> parts = new ArrayList<>(List.of(term, "，学校共收到信息公开申请", r.received(), "件，已答复", r.answered(), "件"));
            if (r.pending() > 0) {
                parts.add("，尚未答复" + r.pending() + "件");
            }
            parts.add("。答复情况：");
            parts.add(r.byAnswer().stream().map(a -> a.label() + a.count() + "件").collect(Collectors.joining("，")));
            parts.add("。在收到申请之日起" + r.limitWorkingDays() + "个工作日内答复的" + r.answeredWithinLimit() + "件，占已答复申请的"
                    + pct(r.percentWithinLimit()) + "。");
            b.add(para(parts.toArray()));
            List<Share> applicants = r.byApplicant().stream().filter(a -> a.count() > 0).toList();
            b.add(para("申请人类型：", applicants.stream().map(a -> a.label() + a.count() + "件").collect(Collectors.joining("，")), "。"));
            List<List<Cell>> rows = new ArrayList<>(r.byAnswer().stream().map(a -> row(a.label(), a.count(), pct(a.percent()))).toList());
            rows.add(row("尚未答复", r.pending(), pct(percent(r.pending(), r.received()))));
            rows.add(row("合计（收到申请）", r.received(), r.received() > 0 ? "100.0%" : "0.0%"));
            b.add(table("表3 依申请公开答复情况", List.of("答复类型", "件数", "占比"), List.of(50, 25, 25), rows));
        }
        if (r.feesYuan().signum() == 0) {
            b.add(para(term, "，信息公开工作未发生收费情况。"));
        } else {
            b.add(para(term, "，依申请提供信息共收取检索、复制、邮寄等费用", r.feesYuan().toPlainString(), "元。"));
        }
        b.add(new SubHeading("（二）不予公开情况"));
        if (s.withheld() == 0) {
            b.add(para(term, "，经审查决定不予公开的信息0条。"));
        } else {
            b.add(para(term, "，经审查决定不予公开的信息", s.withheld(), "条，其中", s.withheldByReason().stream()
                    .map(w -> w.label() + w.count() + "条").collect(Collectors.joining("，")), "。"));
        }
        b.addAll(prose(ReportField.CONFIDENTIALITY_REVIEW));
        return b;
    }

    // 五、举报、复议、诉讼
    private List<Block> appeals() {
        List<Block> b = new ArrayList<>();
        long total = s.complaints().total() + s.administrativeReviews().total() + s.lawsuits().total();
        if (total == 0) {
            b.add(para(term, "，学校未因信息公开工作受到举报（投诉）、行政复议或行政诉讼。"));
        } else {
            b.add(para(term, "，学校因信息公开工作受到举报（投诉）", describe(s.complaints()), "；行政复议", describe(s.administrativeReviews()),
                    "；行政诉讼", describe(s.lawsuits()), "。"));
            b.addAll(prose(ReportField.APPEALS_HANDLING));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (var e : List.of(new Object[]{"举报（投诉）", s.complaints()}, new Object[]{"行政复议", s.administrativeReviews()},
                new Object[]{"行政诉讼", s.lawsuits()})) {
            Appeals a = (Appeals) e[1];
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(e[0]));
            a.byOutcome().forEach(o -> row.add(Cell.of(o.count())));
            row.add(Cell.of(a.total()));
            rows.add(row);
        }
        List<String> headers = new ArrayList<>();
        headers.add("类型");
        s.complaints().byOutcome().forEach(o -> headers.add(o.label()));
        headers.add("合计");
        b.add(table("表4 因信息公开工作受到举报、复议、诉讼情况（件）", headers, List.of(24, 15, 15, 15, 16, 15), rows));
        return b;
    }

    private static String describe(Appeals a) {
        if (a.total() == 0) {
            return "0件";
        }
        return a.total() + "件（" + a.byOutcome().stream().filter(o -> o.count() > 0).map(o -> o.label() + o.count() + "件")
                .collect(Collectors.joining("，")) + "）";
    }

    // 六、本年度信息公开工作的新做法新举措、主要经验、问题和改进措施
    private List<Block> lessons() {
        List<Block> b = new ArrayList<>();
        b.add(new SubHeading("（一）新做法新举措"));
        b.addAll(prose(ReportField.NEW_PRACTICES));
        b.add(new SubHeading("（二）主要经验"));
        b.addAll(prose(ReportField.EXPERIENCE));
        b.add(new SubHeading("（三）存在的主要问题"));
        List<String> hints = new ArrayList<>();
        Coverage c = s.coverage();
        if (c.missing() > 0) {
            hints.add("清单适用事项中有" + c.missing() + "项" + term + "未公开（" + items(c.missingItems()) + "）");
        }
        if (s.timeliness().late() > 0) {
            hints.add("有" + s.timeliness().late() + "条信息超过" + s.timeliness().limitWorkingDays() + "个工作日公开");
        }
        if (s.requests().pending() > 0) {
            hints.add("有" + s.requests().pending() + "件信息公开申请尚未答复");
        }
        long lateAnswers = s.requests().answered() - s.requests().answeredWithinLimit();
        if (lateAnswers > 0) {
            hints.add("有" + lateAnswers + "件申请未在" + s.requests().limitWorkingDays() + "个工作日内答复");
        }
        if (!hints.isEmpty()) {
            b.add(para("根据统计数据，" + String.join("；", hints) + "。"));
        }
        b.addAll(prose(ReportField.PROBLEMS));
        b.add(new SubHeading("（四）改进措施"));
        b.addAll(prose(ReportField.IMPROVEMENTS));
        return b;
    }

    // 八、清单事项公开情况表
    private List<Block> checklistTable() {
        List<List<Cell>> rows = new ArrayList<>();
        for (ChecklistItemStat i : s.byChecklistItem()) {
            String status = switch (i.status()) {
                case "PUBLISHED" -> "已公开（" + i.count() + "条）";
                case "STANDING" -> "现行有效（" + date(i.latest().date()) + "公开）";
                case "NOT_APPLICABLE" -> byKindOfSchool(i.notApplicableReason()) ? "不适用" : "本校不涉及";
                default -> i.latest() != null ? term + "无更新" : "未公开";
            };
            String link = columnLink(i);
            Cell linkCell = link == null ? Cell.of("—") : new Cell(link, link, false);
            rows.add(List.of(Cell.of(i.number()), Cell.of(NUMERALS[i.category() - 1] + "、" + i.categoryName()), Cell.of(i.text()),
                    Cell.of(status), linkCell, Cell.of(explanation(i))));
        }
        return List.of(
                para("下表列出《高等学校信息公开事项清单》全部", s.coverage().items(), "项事项的公开情况。栏目链接为该事项在学校信息公开专栏的网址；"
                        + "尚未设置栏目链接的事项，列出截至", date(s.period().to()), "最新一条已公开信息的网址。"),
                table("表5 清单事项公开情况表", CHECKLIST_COLUMNS, List.of(6, 13, 30, 13, 22, 16), rows));
    }

    /** The columns of the 50-row table (part 八), as the golden test of the DOCX reads them. */
    public static final List<String> CHECKLIST_COLUMNS = List.of("序号", "类别", "清单事项", "公开情况", "栏目链接", "说明");

    /** 栏目链接: the column the office set for the item on the school's site; else the newest entry's public page. */
    private String columnLink(ChecklistItemStat i) {
        if (i.columnLink() != null) {
            return absolute(i.columnLink());
        }
        return i.latest() == null ? null : absolute(i.latest().link());
    }

    /** 说明: why an item is not applicable, or why nothing was published this period. */
    private String explanation(ChecklistItemStat i) {
        return switch (i.status()) {
            case "NOT_APPLICABLE" -> byKindOfSchool(i.notApplicableReason()) ? "不适用于" + school.kind().label()
                    : i.notApplicableReason();
            case "STANDING" -> "制度现行有效，" + term + "未修订";
            case "PUBLISHED" -> "";
            default -> i.latest() != null ? "往年已公开（" + date(i.latest().date()) + "），" + term + "未产生新的信息" : term + "未公开";
        };
    }

    private boolean byKindOfSchool(String reason) {
        return reason == null || reason.equals("不适用于" + school.kind().label());
    }

    private String absolute(String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        return baseUrl + (link.startsWith("/") ? link : "/" + link);
    }

    // 四、对信息公开的评议情况
    private List<Block> evaluation() {
        List<Block> b = new ArrayList<>();
        yearEndGroup(YearEndFigure.Group.SURVEY).ifPresent(b::add);
        b.addAll(prose(ReportField.EVALUATION));
        return b;
    }

    /**
     * 二（二）: the year-end figures that are not items, as the office recorded them for the period (the statistics'
     * yearEndFigures, their one source), one sentence per group; training is in 一 and the survey in 四.
     */
    private List<Block> yearEndFigures() {
        List<Block> b = new ArrayList<>();
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        yearEnd().stream().filter(f -> !ELSEWHERE.contains(f.group()))
                .forEach(f -> byGroup.computeIfAbsent(f.groupLabel(), g -> new ArrayList<>()).add(shown(f)));
        byGroup.forEach((group, figures) -> b.add(para(term, group, "：", String.join("，", figures), "。")));
        return b;
    }

    /** The year-end groups printed in their own part of the report rather than in 二（二）. */
    private static final Set<String> ELSEWHERE = Set.of(YearEndFigure.Group.TRAINING.name(), YearEndFigure.Group.SURVEY.name());

    private List<YearEndFiguresView.Figure> yearEnd() {
        return s.yearEndFigures() == null ? List.of() : s.yearEndFigures().figures();
    }

    /** One group's figures as a sentence ("本学年，满意度调查：……。"), or none when the office recorded none of them. */
    private java.util.Optional<Block> yearEndGroup(YearEndFigure.Group group) {
        List<String> figures = yearEnd().stream().filter(f -> group.name().equals(f.group())).map(AnnualReportBuilder::shown).toList();
        return figures.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(para(term, "，", group.label(), "：", String.join("，", figures), "。"));
    }

    private static String shown(YearEndFiguresView.Figure f) {
        return f.label() + (f.text() != null ? "：" + f.display() : f.display());
    }

    /** 二（五）: per checklist category with items this period, its count and its newest titles, as a draft to edit. */
    private List<Block> categoryNarrative() {
        Map<Integer, String> names = new LinkedHashMap<>();
        s.byChecklistItem().forEach(i -> names.putIfAbsent(i.category(), i.categoryName()));
        List<Block> b = new ArrayList<>();
        int n = 0;
        for (CategoryTitles t : titles) {
            if (t.count() == 0 || t.titles().isEmpty()) {
                continue;
            }
            n++;
            String name = names.getOrDefault(t.category(), "第" + t.category() + "类");
            b.add(para(n + "．" + name + "。" + term + "公开" + t.count() + "条，主要有"
                    + t.titles().stream().map(x -> "“" + x.strip() + "”").collect(Collectors.joining("、"))
                    + (t.count() > t.titles().size() ? "等。" : "。")));
        }
        return b;
    }

    /** The office's text for a blank, one paragraph per line; while it is empty, the marked blank. */
    private List<Block> prose(ReportField field) {
        asked.add(field);
        return fill.text(field)
                .map(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty()).<Block>map(l -> para(l)).toList())
                .orElseGet(() -> List.of(para(new Span(AnnualReport.BLANK_OPEN + field.hint() + AnnualReport.BLANK_CLOSE, true,
                        field.key()))));
    }

    // helpers that need the statistics

    /** Covered items: published in the period, plus standing ones in force from earlier (said apart when there are). */
    private String covered(Coverage c) {
        if (c.standing() == 0) {
            return c.covered() + "项";
        }
        return c.covered() + "项（其中" + term + "公开" + c.published() + "项，往年公开、现行有效" + c.standing() + "项）";
    }

    private Section section(int number, List<Block> blocks) {
        return new Section(NUMERALS[number - 1], profile.partTitle(number), blocks);
    }

    private List<List<Cell>> withTotal(List<List<Cell>> rows) {
        List<List<Cell>> out = new ArrayList<>(rows);
        out.add(row("合计", s.published(), s.published() > 0 ? "100.0%" : "0.0%"));
        return out;
    }
}
