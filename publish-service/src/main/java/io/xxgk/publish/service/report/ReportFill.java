package io.xxgk.publish.service.report;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** What the office has filled in: prose for the blanks and the year-end figures; absent keys are not filled. */
public record ReportFill(Map<ReportField, String> prose, Map<ReportField, BigDecimal> figures) {

    public ReportFill {
        prose = prose.isEmpty() ? Map.of() : new EnumMap<>(prose);
        figures = figures.isEmpty() ? Map.of() : new EnumMap<>(figures);
    }

    public static ReportFill empty() {
        return new ReportFill(Map.of(), Map.of());
    }

    public Optional<String> text(ReportField field) {
        return Optional.ofNullable(prose.get(field)).filter(t -> !t.isBlank());
    }

    public Optional<BigDecimal> figure(ReportField field) {
        return Optional.ofNullable(figures.get(field));
    }

    public boolean hasAny(ReportField... fields) {
        for (ReportField f : fields) {
            if (figures.containsKey(f)) {
                return true;
            }
        }
        return false;
    }
}
