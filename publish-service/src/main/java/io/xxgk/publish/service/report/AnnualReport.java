package io.xxgk.publish.service.report;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.util.List;

/**
 * The 信息公开工作年度报告 of one school for one period, independent of its rendering (HTML, DOCX): a title,
 * eight numbered sections of paragraphs, sub-headings and tables. A {@link Span} or {@link Cell} marked
 * {@code blank} is text the office must still write (【待填写：……】), shown highlighted.
 *
 * @param notice      the line under the title: what this version is (draft, frozen for approval, approved)
 * @param dateLine    the date under the school's name at the end, e.g. 2022年10月15日（已审定）
 * @param blankFields the prose fields ({@link ReportField#key()}) this report asks for, filled or not
 */
@TemplateData
public record AnnualReport(String schoolCode, String schoolName, int year, String periodLabel, LocalDate from,
                           LocalDate to, String title, String notice, LocalDate generatedOn, String dateLine,
                           List<Block> preamble, List<Section> sections, List<String> blankFields) {

    public static final String BLANK_OPEN = "【待填写：";
    public static final String BLANK_CLOSE = "】";

    /** number: 一 to 八. */
    @TemplateData
    public record Section(String number, String title, List<Block> blocks) {
        public String heading() {
            return number + "、" + title;
        }
    }

    /** type: paragraph, subheading or table (what a template switches on). */
    public sealed interface Block permits Paragraph, SubHeading, Table {
        String type();
    }

    @TemplateData
    public record Paragraph(List<Span> spans) implements Block {
        @Override
        public String type() {
            return "paragraph";
        }

        public String text() {
            StringBuilder sb = new StringBuilder();
            spans.forEach(s -> sb.append(s.text()));
            return sb.toString();
        }
    }

    @TemplateData
    public record SubHeading(String text) implements Block {
        @Override
        public String type() {
            return "subheading";
        }
    }

    /** widths: relative column widths (percent). */
    @TemplateData
    public record Table(String caption, List<String> headers, List<Integer> widths, List<List<Cell>> rows) implements Block {
        @Override
        public String type() {
            return "table";
        }
    }

    /** field: for a blank, the {@link ReportField#key()} that fills it; null otherwise. */
    @TemplateData
    public record Span(String text, boolean blank, String field) {
        public Span(String text, boolean blank) {
            this(text, blank, null);
        }
    }

    /** The keys of the prose fields still shown as 【待填写】, in the report's order, each once. */
    public List<String> unfilledFields() {
        java.util.LinkedHashSet<String> open = new java.util.LinkedHashSet<>();
        java.util.function.Consumer<Block> scan = b -> {
            if (b instanceof Paragraph p) {
                p.spans().stream().filter(s -> s.blank() && s.field() != null).forEach(s -> open.add(s.field()));
            }
        };
        preamble.forEach(scan);
        sections.forEach(s -> s.blocks().forEach(scan));
        return List.copyOf(open);
    }

    /** link: absolute URL or null. */
    @TemplateData
    public record Cell(String text, String link, boolean blank) {
        public static Cell of(Object text) {
            return new Cell(String.valueOf(text), null, false);
        }

        /** A figure (right-aligned in a table). */
        public boolean numeric() {
            return link == null && text.matches("[0-9.,%]+");
        }
    }
}
