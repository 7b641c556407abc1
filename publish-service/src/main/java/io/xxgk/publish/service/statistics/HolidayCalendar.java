package io.xxgk.publish.service.statistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The holiday calendar as data: one file per year ({@code calendar/<year>.tsv} in the jar, from the State Council
 * General Office's yearly notice, its source named in the file), each line {@code date<TAB>休|班<TAB>holiday}. An
 * operator can replace or add a year with a file of the same name in {@code xxgk.statistics.calendar-dir}. A year with
 * no file is not covered: its weekdays count plainly, and statistics that touch it say so.
 */
public record HolidayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays, Set<Integer> years) {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    public HolidayCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        years = Set.copyOf(years);
    }

    /** The bundled years, each replaced by the operator's file of the same year if {@code overrides} has one. */
    public static HolidayCalendar load(Optional<Path> overrides) {
        Map<Integer, Year> byYear = new TreeMap<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            String resource = "calendar/" + y + ".tsv";
            try (InputStream in = HolidayCalendar.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    byYear.put(y, Year.parse(y, resource, in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        overrides.ifPresent(dir -> {
            for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                Path file = dir.resolve(y + ".tsv");
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        byYear.put(y, Year.parse(y, file.toString(), in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        });
        Set<LocalDate> holidays = new TreeSet<>();
        Set<LocalDate> workdays = new TreeSet<>();
        byYear.values().forEach(year -> {
            holidays.addAll(year.holidays);
            workdays.addAll(year.workdays);
        });
        return new HolidayCalendar(holidays, workdays, byYear.keySet());
    }

    private record Year(Set<LocalDate> holidays, Set<LocalDate> workdays) {

        static Year parse(int year, String source, InputStream in) throws IOException {
            Set<LocalDate> holidays = new TreeSet<>();
            Set<LocalDate> workdays = new TreeSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                LocalDate date;
                try {
                    date = LocalDate.parse(cols[0].strip());
                } catch (DateTimeParseException e) {
                    throw bad(source, number, "not a date: " + cols[0]);
                }
                if (date.getYear() != year) {
                    throw bad(source, number, date + " does not belong to " + year);
                }
                String kind = cols.length > 1 ? cols[1].strip() : "";
                switch (kind) {
                    case "休" -> holidays.add(date);
                    case "班" -> workdays.add(date);
                    default -> throw bad(source, number, "type must be 休 or 班, was '" + kind + "'");
                }
            }
            return new Year(holidays, workdays);
        }

        private static IllegalStateException bad(String source, int line, String why) {
            return new IllegalStateException("节假日文件有误 / bad holiday calendar file " + source + ":" + line + ": " + why);
        }
    }
}
