package io.xxgk.publish.service.statistics;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistCategory;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.Outcome;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.StatisticsPeriod;
import io.xxgk.publish.repository.statistics.ProcurementQueries;
import io.xxgk.publish.repository.statistics.ProcurementQueries.ProcurementCounts;
import io.xxgk.publish.repository.statistics.StatisticsQueries;
import io.xxgk.publish.repository.statistics.StatisticsQueries.Breakdown;
import io.xxgk.publish.repository.statistics.StatisticsQueries.Figures;
import io.xxgk.publish.repository.statistics.StatisticsQueries.LatestRow;
import io.xxgk.publish.repository.statistics.StatisticsQueries.RequestCounts;
import io.xxgk.publish.repository.statistics.StatisticsQueries.TimelinessCounts;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.ChecklistCoverage;
import io.xxgk.publish.service.ItemLinks;
import io.xxgk.publish.service.Percent;
import io.xxgk.publish.service.SchoolView;
import io.xxgk.publish.service.coverage.NotApplicableService;
import io.xxgk.publish.service.links.ColumnLinkService;
import io.xxgk.publish.service.yearend.YearEndFiguresService;
import io.xxgk.publish.service.statistics.StatisticsView.Appeals;
import io.xxgk.publish.service.statistics.StatisticsView.ChecklistItemStat;
import io.xxgk.publish.service.statistics.StatisticsView.Coverage;
import io.xxgk.publish.service.statistics.StatisticsView.HeadingShare;
import io.xxgk.publish.service.statistics.StatisticsView.LatestEntry;
import io.xxgk.publish.service.statistics.StatisticsView.Requests;
import io.xxgk.publish.service.statistics.StatisticsView.Share;
import io.xxgk.publish.service.statistics.StatisticsView.Timeliness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual statistics of one school, assembled from the figures {@link StatisticsQueries} counts in PostgreSQL
 * (one read-only snapshot, so the figures of one answer add up): shares, labels, coverage, timeliness. Read through
 * {@link StatisticsService}, which keeps the views it builds.
 */
@ApplicationScoped
public class StatisticsBuilder {

    private static final List<RecordType> APPEALS = List.of(RecordType.COMPLAINT, RecordType.ADMINISTRATIVE_REVIEW,
            RecordType.LAWSUIT);

    private final StatisticsQueries queries;
    private final ChecklistCatalog checklists;
    private final KindHeadings kindHeadings;
    private final WorkingDays workingDays;
    private final StatisticsConfig config;
    private final NotApplicableService notApplicable;
    private final ColumnLinkService columnLinks;
    private final YearEndFiguresService yearEndFigures;
    private final ProcurementQueries procurement;

    public StatisticsBuilder(StatisticsQueries queries, ChecklistCatalog checklists, KindHeadings kindHeadings,
                             WorkingDays workingDays, StatisticsConfig config, NotApplicableService notApplicable,
                             ColumnLinkService columnLinks, YearEndFiguresService yearEndFigures,
                             ProcurementQueries procurement) {
        this.procurement = procurement;
        this.yearEndFigures = yearEndFigures;
        this.queries = queries;
        this.columnLinks = columnLinks;
        this.notApplicable = notApplicable;
        this.checklists = checklists;
        this.kindHeadings = kindHeadings;
        this.workingDays = workingDays;
        this.config = config;
    }

    /**
     * Its own transaction: the snapshot statement must be the transaction's first.
     *
     * @param asOf the day pending applications are overdue as of (today in the school's time zone)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StatisticsView statistics(School school, int year, StatisticsPeriod kind, LocalDate asOf) {
        LocalDate from = kind.start(year);
        LocalDate to = kind.end(year);
        Checklist checklist = checklists.forSchool(school);
        List<Integer> itemNumbers = checklist.categories().stream().flatMap(cat -> cat.items().stream())
                .map(ChecklistItem::number).toList();
        Figures f = queries.figures(school.code(), from, to, itemNumbers, workingDays.calendar(),
                config.publishWithinWorkingDays(), config.answerWithinWorkingDays(),
                APPEALS.stream().map(Enum::name).toList(), asOf,
                kindHeadings.channelOf(school.code()) == null ? null : kindHeadings.channelOf(school.code()).name());
        Breakdown b = f.breakdown();
        Map<Integer, LatestEntry> latest = new HashMap<>();
        f.latestPerItem().forEach((item, row) -> latest.put(item, latestEntry(school.code(), row, from)));

        List<Share> byCategory = new ArrayList<>();
        for (ChecklistCategory cat : checklist.categories()) {
            long n = b.byCategory().getOrDefault(cat.number(), 0L);
            byCategory.add(new Share(String.valueOf(cat.number()), cat.label() + " " + cat.name(), n, Percent.of(n, b.total())));
        }
        long outside = b.byCategory().getOrDefault(null, 0L);
        byCategory.add(new Share("none", "清单外信息", outside, Percent.of(outside, b.total())));

        // after the snapshot's queries: the marks are read in the same transaction
        ChecklistCoverage cov = ChecklistCoverage.of(checklist, school.kind(), i -> b.byItem().getOrDefault(i, 0L) > 0,
                i -> latest.containsKey(i) && !latest.get(i).inPeriod(), notApplicable.reasons(school.code()));
        Map<Integer, String> links = columnLinks.urls(school.code());
        List<ChecklistItemStat> items = new ArrayList<>();
        for (ChecklistCategory cat : checklist.categories()) {
            for (ChecklistItem i : cat.items()) {
                long n = b.byItem().getOrDefault(i.number(), 0L);
                items.add(new ChecklistItemStat(i.number(), cat.number(), cat.name(), i.textFor(school.kind()),
                        cov.status(i.number()).name(), n, Percent.of(n, b.total()), latest.get(i.number()),
                        cov.reason(i.number()), i.recurrence().name(), links.get(i.number())));
            }
        }
        // missing (recurring) items that have a published entry from before the period
        List<Integer> earlier = cov.missingItems().stream().filter(latest::containsKey).toList();
        Coverage coverage = new Coverage(checklist.itemCount(), cov.applicable(), cov.published(), cov.missing(),
                cov.notApplicable(), cov.percent(), cov.missingItems(), earlier, cov.standing(), cov.covered(),
                cov.standingItems(), cov.notApplicableBySchool());

        List<Share> withheld = withheld(f.withheldByReason());
        Map<String, Long> kinds = f.byKindOnChannel() == null ? b.byKind() : f.byKindOnChannel();
        io.xxgk.contract.event.Channel headingChannel = kindHeadings.channelOf(school.code());
        return new StatisticsView(SchoolView.of(school), StatisticsService.period(kind, year), b.total(),
                withheld.stream().mapToLong(Share::count).sum(), f.internal(), withheld,
                byCategory, items, byKind(school.code(), kinds), byChannel(f.byChannel(), b.total()), f.channelUnion(),
                sortedByCount(b.byDepartment(), b.total()), byMonth(b, from, to), coverage,
                timeliness(f.timeliness(), from, to), requests(f.requests(), asOf),
                appeals(f.appeals().get(RecordType.COMPLAINT.name())),
                appeals(f.appeals().get(RecordType.ADMINISTRATIVE_REVIEW.name())),
                appeals(f.appeals().get(RecordType.LAWSUIT.name())), yearEndFigures.figures(school, kind, year),
                headingChannel == null ? null : headingChannel.name(), kinds.values().stream().mapToLong(Long::longValue).sum(),
                procurement(school.code(), from, to));
    }

    /** In this transaction, so within the snapshot of the figures above. */
    private StatisticsView.Procurement procurement(String school, LocalDate from, LocalDate to) {
        ProcurementCounts p = procurement.counts(school, from, to);
        return new StatisticsView.Procurement(p.notices(), p.results(), p.unnumbered(), p.projects(), p.withNoticeAndResult(),
                p.noticeOnly(), p.resultOnly());
    }

    private static LatestEntry latestEntry(String school, LatestRow row, LocalDate from) {
        return new LatestEntry(row.itemId(), row.title(), row.date(), ItemLinks.link(school, row.itemId(), row.sourceUrl()),
                !row.date().isBefore(from));
    }

    /** @param byKind counts by stored kind name: of every published item, or of those on the school's heading channel */
    private List<HeadingShare> byKind(String school, Map<String, Long> byKind) {
        List<KindHeadings.Heading> headings = kindHeadings.forSchool(school);
        long total = byKind.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> perHeading = new LinkedHashMap<>();
        Map<String, Long> unknownKinds = new HashMap<>();
        for (var e : byKind.entrySet()) {
            perHeading.merge(KindHeadings.headingOf(headings, e.getKey()), e.getValue(), Long::sum);
            if (!isItemKind(e.getKey())) {
                unknownKinds.merge(e.getKey(), e.getValue(), Long::sum);
            }
        }
        List<HeadingShare> out = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            KindHeadings.Heading heading = headings.get(h);
            List<Share> kinds = new ArrayList<>();
            for (ItemKind k : heading.kinds()) {
                long n = byKind.getOrDefault(k.name(), 0L);
                kinds.add(new Share(k.name(), k.label(), n, Percent.of(n, total)));
            }
            if (h == headings.size() - 1) {
                unknownKinds.forEach((k, n) -> kinds.add(new Share(k, k, n, Percent.of(n, total))));
            }
            long n = perHeading.getOrDefault(heading.name(), 0L);
            out.add(new HeadingShare(heading.name(), heading.name(), n, Percent.of(n, total), kinds));
        }
        return out;
    }

    private static boolean isItemKind(String name) {
        for (ItemKind k : ItemKind.values()) {
            if (k.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<Share> byMonth(Breakdown b, LocalDate from, LocalDate to) {
        List<Share> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            long n = b.byMonth().getOrDefault(m.toString(), 0L);
            out.add(new Share(m.toString(), m.getYear() + "年" + m.getMonthValue() + "月", n, Percent.of(n, b.total())));
        }
        return out;
    }

    private static List<Share> sortedByCount(Map<String, Long> counts, long total) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Share(e.getKey(), e.getKey(), e.getValue(), Percent.of(e.getValue(), total)))
                .toList();
    }

    /** One item may count under several channels: the shares may add up to more than 100%. */
    private static List<Share> byChannel(Map<String, Long> counts, long total) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparingInt(e -> channelOrder(e.getKey())))
                .map(e -> new Share(e.getKey(), channelLabel(e.getKey()), e.getValue(), Percent.of(e.getValue(), total)))
                .toList();
    }

    private static int channelOrder(String name) {
        try {
            return Channel.valueOf(name).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    static String channelLabel(String name) {
        try {
            return Channel.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static List<Share> withheld(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return counts.entrySet().stream().map(e -> new Share(e.getKey(),
                Labels.withholdReason("UNSPECIFIED".equals(e.getKey()) ? null : e.getKey()), e.getValue(),
                Percent.of(e.getValue(), total))).toList();
    }

    private Timeliness timeliness(TimelinessCounts t, LocalDate from, LocalDate to) {
        StatisticsQueries.Measure d = t.declared();
        return new Timeliness(config.publishWithinWorkingDays(), d.evaluated(), d.onTime(), d.late(), d.unknown(),
                Percent.of(d.onTime(), d.evaluated()), d.maxDays(), WorkingDays.RULE_ZH, workingDays.calendarNote(from, to),
                d.unknown(), Percent.of(d.onTime(), d.evaluated() - d.unknown()),
                measure("系统公开日期：自信息产生之日至审核通过、系统公开之日 / produced to made public by the system", t.system()),
                measure("清单事项，按填报的产生与公开日期 / checklist items, declared dates", t.listed()),
                measure("清单外信息（新闻等），按填报的产生与公开日期 / other items, declared dates", t.unlisted()),
                measure("更正信息：自更正之日至系统公开之日 / corrections, from the day made to made public", t.revisions()));
    }

    private static StatisticsView.Measure measure(String basis, StatisticsQueries.Measure m) {
        return new StatisticsView.Measure(basis, m.evaluated(), m.onTime(), m.late(), m.unknown(),
                Percent.of(m.onTime(), m.evaluated()), m.maxDays());
    }

    private Requests requests(RequestCounts r, LocalDate asOf) {
        long received = r.received();
        Map<AnswerType, Long> byAnswer = new EnumMap<>(AnswerType.class);
        r.byAnswer().forEach((a, n) -> byAnswer.merge(AnswerType.valueOf(a), n, Long::sum));
        List<Share> answers = new ArrayList<>();
        List<Share> answers2019 = new ArrayList<>();
        for (AnswerType a : AnswerType.values()) {
            long n = byAnswer.getOrDefault(a, 0L);
            answers.add(new Share(a.name(), Labels.answer(a), n, Percent.of(n, received)));
            answers2019.add(new Share(a.name(), Labels.answer2019(a), n, Percent.of(n, received)));
        }
        List<Share> applicants = new ArrayList<>();
        for (ApplicantType a : ApplicantType.values()) {
            long n = r.byApplicant().getOrDefault(a.name(), 0L);
            applicants.add(new Share(a.name(), Labels.applicant(a), n, Percent.of(n, received)));
        }
        long unspecified = r.byApplicant().getOrDefault("UNSPECIFIED", 0L);
        if (unspecified > 0) {
            applicants.add(new Share("UNSPECIFIED", "未注明", unspecified, Percent.of(unspecified, received)));
        }
        return new Requests(received, r.answered(), received - r.answered(), answers, applicants,
                config.answerWithinWorkingDays(), r.answeredInTime(), Percent.of(r.answeredInTime(), r.answered()),
                r.feesYuan(), answers2019, Labels.ANSWER_SOURCES, Percent.of(r.answeredInTime(), received), asOf,
                r.overduePending().stream().map(o -> new StatisticsView.OverdueApplication(o.id(), o.receivedDate(), o.workingDays())).toList());
    }

    private static Appeals appeals(Map<String, Long> byOutcome) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        byOutcome.forEach((o, n) -> counts.merge(Outcome.valueOf(o), n, Long::sum));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Share> out = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            long n = counts.getOrDefault(o, 0L);
            out.add(new Share(o.name(), Labels.outcome(o), n, Percent.of(n, total)));
        }
        return new Appeals(total, out);
    }
}
