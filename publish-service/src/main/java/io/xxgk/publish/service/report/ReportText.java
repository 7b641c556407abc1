package io.xxgk.publish.service.report;

import io.xxgk.publish.service.report.AnnualReport.Cell;
import io.xxgk.publish.service.report.AnnualReport.Paragraph;
import io.xxgk.publish.service.report.AnnualReport.Span;
import io.xxgk.publish.service.report.AnnualReport.Table;
import io.xxgk.publish.service.Percent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The report's wording of figures and its building blocks: paragraphs, blanks to fill in, tables, dates, percents. */
final class ReportText {

    private ReportText() {
    }

    /** Strings and numbers are plain text; {@link Span}s (blanks) are kept as they are. */
    static Paragraph para(Object... parts) {
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Span span) {
                if (!plain.isEmpty()) {
                    spans.add(new Span(plain.toString(), false));
                    plain.setLength(0);
                }
                spans.add(span);
            } else {
                plain.append(p);
            }
        }
        if (!plain.isEmpty()) {
            spans.add(new Span(plain.toString(), false));
        }
        return new Paragraph(List.copyOf(spans));
    }

    static Table table(String caption, List<String> headers, List<Integer> widths, List<List<Cell>> rows) {
        return new Table(caption, headers, widths, rows);
    }

    static List<Cell> row(Object... cells) {
        List<Cell> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(Cell.of(c));
        }
        return row;
    }

    static String items(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining("、", "第", "项"));
    }

    static String pct(BigDecimal p) {
        return p.toPlainString() + "%";
    }

    static BigDecimal percent(long part, long whole) {
        return Percent.of(part, whole);
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
