package io.xxgk.publish.service.statistics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.xxgk.contract.event.ItemKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code xxgk.statistics.*}: how the annual statistics group items and count working days.
 *
 * <pre>
 * xxgk.statistics.kind-headings."公文类"=OFFICIAL_DOCUMENT,RULE,PLAN_REPORT
 * xxgk.statistics.heading-order=公文类,教学类,...
 * xxgk.statistics.other-heading=其他业务动态类
 * xxgk.statistics.schools.zzsz.kind-headings."制度类"=RULE        # replaces the default mapping for zzsz
 * xxgk.statistics.schools.zzsz.kind-headings-channel=WEBSITE      # zzsz's headings count website items only
 * xxgk.statistics.calendar-dir=/etc/xxgk/calendar                  # <year>.tsv files replacing the bundled years
 * xxgk.statistics.holidays=2027-01-01,...                         # extra statutory holidays (放假日)
 * xxgk.statistics.make-up-working-days=...                        # extra weekend working days (调休上班日)
 * </pre>
 */
@ConfigMapping(prefix = "xxgk.statistics")
public interface StatisticsConfig {

    /** Heading (e.g. 公文类) to the item kinds counted under it. A kind may appear under one heading only. */
    Map<String, List<ItemKind>> kindHeadings();

    /** Order of the headings in the statistics and the report; headings not listed follow, the other-heading last. */
    Optional<List<String>> headingOrder();

    /** Heading for every kind no heading names. */
    @WithDefault("其他业务动态类")
    String otherHeading();

    /** Proactive disclosure deadline (《高等学校信息公开办法》 art. 9): working days after the item is produced. */
    @WithDefault("20")
    int publishWithinWorkingDays();

    /** Answer deadline of an application for disclosure: working days after it is received. */
    @WithDefault("15")
    int answerWithinWorkingDays();

    /** A folder of {@code <year>.tsv} holiday files that replace the bundled ones of the same year (see {@link HolidayCalendar}). */
    Optional<java.nio.file.Path> calendarDir();

    /** Extra statutory holidays (放假日) beyond the calendar files; those on a weekday are not working days. */
    Optional<List<LocalDate>> holidays();

    /** Extra make-up working days (调休上班日) beyond the calendar files; on a Saturday or Sunday they are working days. */
    Optional<List<LocalDate>> makeUpWorkingDays();

    /** Per-school overrides, by school code. */
    Map<String, SchoolStatistics> schools();

    interface SchoolStatistics {

        /** When present, replaces the default {@link StatisticsConfig#kindHeadings()} for this school entirely. */
        Map<String, List<ItemKind>> kindHeadings();

        Optional<List<String>> headingOrder();

        Optional<String> otherHeading();

        /**
         * When present, the kind headings count only the items published through this channel (e.g. WEBSITE: 株洲师范's
         * report counts "通过官方网站公开信息共计548条，其中公文类…"), their shares of those items; the other figures still
         * count every channel.
         */
        Optional<io.xxgk.contract.event.Channel> kindHeadingsChannel();
    }
}
