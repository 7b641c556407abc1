package io.xxgk.publish.service.statistics;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.StatisticsPeriod;
import io.xxgk.publish.repository.SchoolDataVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The annual statistics of one school, built by {@link StatisticsBuilder} and kept (cache {@code statistics},
 * bounded) under everything they depend on: the school, the period, today's date in the school's time zone (pending
 * applications become overdue) and the school's data version (V14), which every write that changes the statistics
 * increments in its own transaction. A read looks the version up first, so a write committed through any replica is
 * never answered with a view built before it.
 */
@ApplicationScoped
public class StatisticsService {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

    /** What the statistics are built from, besides the configuration every replica shares. */
    record Key(School school, int year, StatisticsPeriod kind, LocalDate asOf, long version) {
    }

    private final StatisticsBuilder builder;
    private final SchoolDataVersions versions;
    private final Cache cache;

    public StatisticsService(StatisticsBuilder builder, SchoolDataVersions versions,
                             @CacheName("statistics") Cache cache) {
        this.builder = builder;
        this.versions = versions;
        this.cache = cache;
    }

    public static StatisticsView.Period period(StatisticsPeriod kind, int year) {
        return new StatisticsView.Period(year, kind.name(), kind.start(year), kind.end(year), Labels.period(kind, year));
    }

    /**
     * Its own transaction: the version is the committed one, never a caller's that may yet roll back. It is read
     * before the builder's snapshot (a transaction of its own too), so a view is at least as new as the version it is
     * kept under.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StatisticsView statistics(School school, int year, StatisticsPeriod kind) {
        LocalDate asOf = LocalDate.now(SCHOOL_ZONE);
        Key key = new Key(school, year, kind, asOf, versions.current(school.code()));
        return cache.get(key, k -> builder.statistics(school, year, kind, asOf)).await().indefinitely();
    }
}
