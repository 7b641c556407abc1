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
        this.term = profile.sentence("SCHOOL_YEAR".equals(statistics.period().kind()) ? "term.schoolYear" : "term.year", Map.of());
    }

    /** The draft: statistics as of {@code generatedOn}. */
    public AnnualReport build(LocalDate generatedOn) {
        return build(generatedOn, new Stamp(text("stamp.draft", "date", date(generatedOn)),
                text("stamp.draftDate", "date", date(generatedOn))));
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
        b.add(say("overview.summary", "published", s.published(), "items", c.items(), "applicable", c.applicable(),
                "covered", covered(c), "requests", s.requests().received(), "complaints", s.complaints().total(),
                "reviews", s.administrativeReviews().total(), "lawsuits", s.lawsuits().total()));
        yearEndGroup(YearEndFigure.Group.TRAINING).ifPresent(b::add);
        return b;
    }

    // 二、主动公开情况
    private List<Block> proactive() {
        List<Block> b = new ArrayList<>();
        b.add(heading("heading.2.1"));
        List<HeadingShare> kinds = s.byKind().stream().filter(h -> h.count() > 0).toList();
        if (kinds.isEmpty()) {
            b.add(say("published.none", "published", s.published()));
        } else {
            b.add(say("published.byKind", "published", s.published(), "kinds", kinds.stream()
                    .map(h -> text("published.kind.item", "label", h.label(), "count", h.count(), "percent", pct(h.percent())))
                    .collect(Collectors.joining("；"))));
        }
        if (s.internal() > 0) {
            b.add(say("published.internal", "internal", s.internal()));
        }
        procurement().ifPresent(b::add);
        b.add(table("表1 主动公开信息分类统计", List.of("信息类别", "条数", "占比"), List.of(50, 25, 25),
                withTotal(s.byKind().stream().map(h -> row(h.label(), h.count(), pct(h.percent()))).toList())));
        b.add(table("表2 按清单类别统计", List.of("清单类别", "条数", "占比"), List.of(50, 25, 25),
                withTotal(s.byCategory().stream().map(c -> row(c.label(), c.count(), pct(c.percent()))).toList())));
        // by department and by month: internal figures, in the statistics only (issue 11)

        b.add(heading("heading.2.2"));
        List<Share> channels = s.byChannel();
        if (!channels.isEmpty()) {
            b.add(say("channels.text", "channels", channels.stream().map(Share::label).collect(Collectors.joining("、")),
                    "counts", channels.stream().map(ch -> text("channels.item", "label", ch.label(), "count", ch.count(),
                            "percent", pct(ch.percent()))).collect(Collectors.joining("，")),
                    "union", s.channelUnion()));
        }
        List<Block> counted = yearEndFigures();
        b.addAll(counted);
        if (counted.isEmpty() || fill.text(ReportField.OTHER_CHANNELS).isPresent()) {
            b.addAll(prose(ReportField.OTHER_CHANNELS));
        } else {
            asked.add(ReportField.OTHER_CHANNELS); // the figures say it; prose is optional then
        }

        b.add(heading("heading.2.3"));
        Coverage c = s.coverage();
        StringBuilder cov = new StringBuilder(text("coverage.items", "items", c.items(), "applicable", c.applicable()));
        int byKind = c.notApplicable() - c.notApplicableBySchool();
        if (byKind > 0 || c.notApplicableBySchool() > 0) {
            List<String> na = new ArrayList<>();
            if (byKind > 0) {
                na.add(text("coverage.excluded.byKind", "count", byKind, "kind", school.kind().label()));
            }
            if (c.notApplicableBySchool() > 0) {
                na.add(text("coverage.excluded.bySchool", "count", c.notApplicableBySchool()));
            }
            cov.append(text("coverage.excluded", "excluded", String.join("、", na)));
        }
        cov.append(text("coverage.published", "covered", covered(c), "percent", pct(c.percent())));
        if (c.missing() == 0) {
            cov.append(text("coverage.complete"));
        } else {
            cov.append(text("coverage.missing", "missing", c.missing(), "items", items(c.missingItems())));
            if (!c.publishedEarlierItems().isEmpty()) {
                cov.append(text("coverage.missing.earlier", "items", items(c.publishedEarlierItems())));
            }
        }
        b.add(para(cov.toString()));
        if (c.missing() > 0) {
            b.addAll(prose(ReportField.MISSING_REASONS));
        }
        b.add(say("coverage.seeTable"));

        b.add(heading("heading.2.4"));
        Timeliness t = s.timeliness();
        String time = text(t.late() > 0 ? "timeliness.late" : "timeliness.onTime", "evaluated", t.evaluated(),
                "limit", t.limitWorkingDays(), "onTime", t.onTime(), "percent", pct(t.percentOnTime()), "late", t.late(),
                "max", t.maxWorkingDays());
        if (t.undated() > 0) {
            time += text("timeliness.undated", "undated", t.undated());
        }
        b.add(para(time));
        b.add(say("timeliness.rule", "rule", t.rule()));
        if (t.calendarNote() != null) {
            b.add(say("timeliness.calendarNote", "note", t.calendarNote()));
        }

        b.add(heading("heading.2.5"));
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
        StringBuilder sentence = new StringBuilder(text("procurement.notices", "notices", p.notices(), "results", p.results()));
        if (p.projects() > 0) {
            sentence.append(text("procurement.projects", "projects", p.projects(), "complete", p.projectsWithNoticeAndResult()));
            if (p.projectsAwaitingResult() > 0) {
                sentence.append(text("procurement.awaiting", "awaiting", p.projectsAwaitingResult()));
            }
        }
        sentence.append(p.unnumbered() > 0 ? text("procurement.end.unnumbered", "unnumbered", p.unnumbered()) : text("procurement.end"));
        return java.util.Optional.of(para(sentence.toString()));
    }

    // 三、依申请公开和不予公开情况
    private List<Block> onRequest() {
        List<Block> b = new ArrayList<>();
        Requests r = s.requests();
        b.add(heading("heading.3.1"));
        if (r.received() == 0) {
            b.add(say("requests.none"));
        } else {
            b.add(say("requests.some", "received", r.received(), "answered", r.answered(),
                    "pending", r.pending() > 0 ? text("requests.pending", "pending", r.pending()) : "",
                    "answers", r.byAnswer().stream().map(a -> text("requests.answer.item", "label", a.label(), "count", a.count()))
                            .collect(Collectors.joining("，")),
                    "limit", r.limitWorkingDays(), "withinLimit", r.answeredWithinLimit(), "percent", pct(r.percentWithinLimit())));
            List<Share> applicants = r.byApplicant().stream().filter(a -> a.count() > 0).toList();
            b.add(say("requests.applicants", "applicants", applicants.stream()
                    .map(a -> text("requests.applicant.item", "label", a.label(), "count", a.count())).collect(Collectors.joining("，"))));
            List<List<Cell>> rows = new ArrayList<>(r.byAnswer().stream().map(a -> row(a.label(), a.count(), pct(a.percent()))).toList());
            rows.add(row("尚未答复", r.pending(), pct(percent(r.pending(), r.received()))));
            rows.add(row("合计（收到申请）", r.received(), r.received() > 0 ? "100.0%" : "0.0%"));
            b.add(table("表3 依申请公开答复情况", List.of("答复类型", "件数", "占比"), List.of(50, 25, 25), rows));
        }
        b.add(r.feesYuan().signum() == 0 ? say("fees.none") : say("fees.some", "yuan", r.feesYuan().toPlainString()));
        b.add(heading("heading.3.2"));
        if (s.withheld() == 0) {
            b.add(say("withheld.none", "withheld", s.withheld()));
        } else {
            b.add(say("withheld.some", "withheld", s.withheld(), "reasons", s.withheldByReason().stream()
                    .map(w -> text("withheld.reason.item", "label", w.label(), "count", w.count())).collect(Collectors.joining("，"))));
        }
        b.addAll(prose(ReportField.CONFIDENTIALITY_REVIEW));
        return b;
    }

    // 五、举报、复议、诉讼
    private List<Block> appeals() {
        List<Block> b = new ArrayList<>();
        long total = s.complaints().total() + s.administrativeReviews().total() + s.lawsuits().total();
        if (total == 0) {
            b.add(say("appeals.none"));
        } else {
            b.add(say("appeals.some", "complaints", describe(s.complaints()), "reviews", describe(s.administrativeReviews()),
                    "lawsuits", describe(s.lawsuits())));
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

    private String describe(Appeals a) {
        if (a.total() == 0) {
            return text("appeals.count.none", "total", a.total());
        }
        return text("appeals.count.some", "total", a.total(), "outcomes", a.byOutcome().stream().filter(o -> o.count() > 0)
                .map(o -> text("appeals.outcome.item", "label", o.label(), "count", o.count())).collect(Collectors.joining("，")));
    }

    // 六、本年度信息公开工作的新做法新举措、主要经验、问题和改进措施
    private List<Block> lessons() {
        List<Block> b = new ArrayList<>();
        b.add(heading("heading.6.1"));
        b.addAll(prose(ReportField.NEW_PRACTICES));
        b.add(heading("heading.6.2"));
        b.addAll(prose(ReportField.EXPERIENCE));
        b.add(heading("heading.6.3"));
        List<String> hints = new ArrayList<>();
        Coverage c = s.coverage();
        if (c.missing() > 0) {
            hints.add(text("problems.missing", "missing", c.missing(), "items", items(c.missingItems())));
        }
        if (s.timeliness().late() > 0) {
            hints.add(text("problems.late", "late", s.timeliness().late(), "limit", s.timeliness().limitWorkingDays()));
        }
        if (s.requests().pending() > 0) {
            hints.add(text("problems.pending", "pending", s.requests().pending()));
        }
        long lateAnswers = s.requests().answered() - s.requests().answeredWithinLimit();
        if (lateAnswers > 0) {
            hints.add(text("problems.lateAnswers", "lateAnswers", lateAnswers, "limit", s.requests().limitWorkingDays()));
        }
        if (!hints.isEmpty()) {
            b.add(say("problems.text", "problems", String.join("；", hints)));
        }
        b.addAll(prose(ReportField.PROBLEMS));
        b.add(heading("heading.6.4"));
        b.addAll(prose(ReportField.IMPROVEMENTS));
        return b;
    }

    // 八、清单事项公开情况表
    private List<Block> checklistTable() {
        List<List<Cell>> rows = new ArrayList<>();
        for (ChecklistItemStat i : s.byChecklistItem()) {
            String status = switch (i.status()) {
                case "PUBLISHED" -> text("checklist.status.published", "count", i.count());
                case "STANDING" -> text("checklist.status.standing", "date", date(i.latest().date()));
                case "NOT_APPLICABLE" -> text(byKindOfSchool(i.notApplicableReason()) ? "checklist.status.notApplicable"
                        : "checklist.status.notInvolved");
                default -> text(i.latest() != null ? "checklist.status.noUpdate" : "checklist.status.unpublished");
            };
            String link = columnLink(i);
            Cell linkCell = link == null ? Cell.of("—") : new Cell(link, link, false);
            rows.add(List.of(Cell.of(i.number()), Cell.of(NUMERALS[i.category() - 1] + "、" + i.categoryName()), Cell.of(i.text()),
                    Cell.of(status), linkCell, Cell.of(explanation(i))));
        }
        return List.of(
                say("checklist.intro", "items", s.coverage().items(), "to", date(s.period().to())),
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
            case "NOT_APPLICABLE" -> byKindOfSchool(i.notApplicableReason())
                    ? text("checklist.note.notApplicable", "kind", school.kind().label()) : i.notApplicableReason();
            case "STANDING" -> text("checklist.note.standing");
            case "PUBLISHED" -> text("checklist.note.published");
            default -> i.latest() != null ? text("checklist.note.earlier", "date", date(i.latest().date()))
                    : text("checklist.note.unpublished");
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
        byGroup.forEach((group, figures) -> b.add(say("yearEnd.other", "group", group, "figures", String.join("，", figures))));
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
                : java.util.Optional.of(say("yearEnd.group", "group", group.label(), "figures", String.join("，", figures)));
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
            String name = names.containsKey(t.category()) ? names.get(t.category()) : text("keyAreas.unnamed", "category", t.category());
            b.add(say(t.count() > t.titles().size() ? "keyAreas.category.more" : "keyAreas.category", "n", n, "name", name,
                    "count", t.count(), "titles", t.titles().stream().map(x -> text("keyAreas.title", "title", x.strip()))
                            .collect(Collectors.joining("、"))));
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
            return text("covered.only", "covered", c.covered());
        }
        return text("covered.withStanding", "covered", c.covered(), "published", c.published(), "standing", c.standing());
    }

    /**
     * The sentence {@code key} of the profile with its placeholders: {term}, {school} and the given name/value pairs
     * (numbers as digits, as {@link String#valueOf} writes them).
     */
    private String text(String key, Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("term", term);
        values.put("school", school.name());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return profile.sentence(key, values);
    }

    private Paragraph say(String key, Object... namesAndValues) {
        return para(text(key, namesAndValues));
    }

    private SubHeading heading(String key) {
        return new SubHeading(text(key));
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
