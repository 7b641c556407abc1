package io.xxgk.publish.service.report;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the office has filled in: prose for the blanks; absent keys are not filled. The year-end figures are not
 * here: the report reads them from the statistics ({@code yearEndFigures}), their one source.
 */
public record ReportFill(Map<ReportField, String> prose) {

    public ReportFill {
        prose = prose.isEmpty() ? Map.of() : new EnumMap<>(prose);
    }

    public static ReportFill empty() {
        return new ReportFill(Map.of());
    }

    public Optional<String> text(ReportField field) {
        return Optional.ofNullable(prose.get(field)).filter(t -> !t.isBlank());
    }
}
