package io.xxgk.publish.service.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The draft 信息公开工作年度报告 of one school for one period, independent of its rendering (HTML, DOCX): a title,
 * eight numbered sections of paragraphs, sub-headings and tables. A {@link Span} or {@link Cell} marked
 * {@code blank} is text the office must still write (【待填写：……】), shown highlighted.
 */
public record AnnualReport(String schoolCode, String schoolName, int year, String periodLabel, LocalDate from,
                           LocalDate to, String title, String draftNotice, LocalDate generatedOn, List<Block> preamble,
                           List<Section> sections) {

    public static final String BLANK_OPEN = "【待填写：";
    public static final String BLANK_CLOSE = "】";

    /** number: 一 to 八. */
    public record Section(String number, String title, List<Block> blocks) {
        public String heading() {
            return number + "、" + title;
        }
    }

    public sealed interface Block permits Paragraph, SubHeading, Table {
    }

    public record Paragraph(List<Span> spans) implements Block {
        public String text() {
            StringBuilder sb = new StringBuilder();
            spans.forEach(s -> sb.append(s.text()));
            return sb.toString();
        }
    }

    public record SubHeading(String text) implements Block {
    }

    /** widths: relative column widths (percent). */
    public record Table(String caption, List<String> headers, List<Integer> widths, List<List<Cell>> rows) implements Block {
    }

    public record Span(String text, boolean blank) {
    }

    /** link: absolute URL or null. */
    public record Cell(String text, String link, boolean blank) {
        public static Cell of(Object text) {
            return new Cell(String.valueOf(text), null, false);
        }
    }
}
