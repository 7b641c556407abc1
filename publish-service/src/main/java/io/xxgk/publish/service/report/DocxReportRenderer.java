package io.xxgk.publish.service.report;

import io.xxgk.publish.service.report.AnnualReport.Block;
import io.xxgk.publish.service.report.AnnualReport.Cell;
import io.xxgk.publish.service.report.AnnualReport.Paragraph;
import io.xxgk.publish.service.report.AnnualReport.Section;
import io.xxgk.publish.service.report.AnnualReport.Span;
import io.xxgk.publish.service.report.AnnualReport.SubHeading;
import io.xxgk.publish.service.report.AnnualReport.Table;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as a Word document (.docx), filled with Apache POI into the school's Word template ({@code report.docx}
 * of {@link ReportTemplates}): the template gives the page, the title, notice and signature lines (placeholders
 * ${title} ${notice} ${school} ${dateLine}) and, by prototype paragraphs (${style:heading} ...), the formatting of
 * what is written at ${body}: part headings, sub-headings, paragraphs, table captions and cells.
 */
public final class DocxReportRenderer {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final List<String> STYLES = List.of("heading", "subheading", "paragraph", "caption", "cell", "header-cell");
    private static final long DEFAULT_TEXT_WIDTH = 11906 - 2 * 1247;

    public byte[] render(byte[] template, AnnualReport report) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var props = doc.getProperties().getCoreProperties();
            props.setTitle(report.title());
            props.setCreator(report.schoolName());
            props.setDescription(report.notice());

            Map<String, Prototype> styles = new HashMap<>();
            XWPFParagraph body = null;
            for (XWPFParagraph p : List.copyOf(doc.getParagraphs())) {
                String text = p.getText().strip();
                if (text.startsWith("${style:") && text.endsWith("}")) {
                    styles.put(text.substring(8, text.length() - 1), Prototype.of(p));
                    doc.removeBodyElement(doc.getPosOfParagraph(p));
                } else if (text.equals("${body}")) {
                    body = p;
                }
            }
            for (String s : STYLES) {
                if (!styles.containsKey(s)) {
                    throw new IllegalStateException("the report's Word template has no ${style:" + s + "} paragraph");
                }
            }
            if (body == null) {
                throw new IllegalStateException("the report's Word template has no ${body} paragraph");
            }
            replace(doc, "${title}", report.title());
            replace(doc, "${notice}", report.notice());
            replace(doc, "${school}", report.schoolName());
            replace(doc, "${dateLine}", report.dateLine());

            Writer w = new Writer(doc, body, styles, textWidth(doc));
            report.preamble().forEach(w::block);
            for (Section s : report.sections()) {
                XWPFParagraph h = w.paragraph("heading");
                w.run(h, "heading", s.heading(), false);
                s.blocks().forEach(w::block);
            }
            doc.removeBodyElement(doc.getPosOfParagraph(body));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A placeholder alone in its paragraph: its first run keeps its formatting and takes the text. */
    private static void replace(XWPFDocument doc, String placeholder, String value) {
        for (XWPFParagraph p : doc.getParagraphs()) {
            if (p.getText().strip().equals(placeholder) && !p.getRuns().isEmpty()) {
                List<XWPFRun> runs = p.getRuns();
                runs.get(0).setText(value, 0);
                for (int i = runs.size() - 1; i > 0; i--) {
                    p.removeRun(i);
                }
            }
        }
    }

    private static long textWidth(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        if (sect == null || sect.getPgSz() == null || sect.getPgMar() == null) {
            return DEFAULT_TEXT_WIDTH;
        }
        long w = toLong(sect.getPgSz().getW()) - toLong(sect.getPgMar().getLeft()) - toLong(sect.getPgMar().getRight());
        return w > 0 ? w : DEFAULT_TEXT_WIDTH;
    }

    private static long toLong(Object twips) {
        return twips instanceof BigInteger b ? b.longValue() : twips == null ? 0 : Long.parseLong(twips.toString());
    }

    /** The formatting of a prototype paragraph and of its first run. */
    private record Prototype(CTPPr paragraph, CTRPr run) {
        static Prototype of(XWPFParagraph p) {
            CTPPr ppr = p.getCTP().getPPr() == null ? null : (CTPPr) p.getCTP().getPPr().copy();
            CTRPr rpr = p.getRuns().isEmpty() || p.getRuns().get(0).getCTR().getRPr() == null ? null
                    : (CTRPr) p.getRuns().get(0).getCTR().getRPr().copy();
            return new Prototype(ppr, rpr);
        }
    }

    /** Writes blocks one after the other just before the ${body} paragraph. */
    private static final class Writer {
        private final XWPFDocument doc;
        private final XWPFParagraph anchor;
        private final Map<String, Prototype> styles;
        private final long textWidth;

        Writer(XWPFDocument doc, XWPFParagraph anchor, Map<String, Prototype> styles, long textWidth) {
            this.doc = doc;
            this.anchor = anchor;
            this.styles = styles;
            this.textWidth = textWidth;
        }

        XWPFParagraph paragraph(String style) {
            XmlCursor c = anchor.getCTP().newCursor();
            XWPFParagraph p = doc.insertNewParagraph(c);
            c.close();
            format(p, style);
            return p;
        }

        void format(XWPFParagraph p, String style) {
            CTPPr ppr = styles.get(style).paragraph();
            if (ppr != null) {
                p.getCTP().setPPr((CTPPr) ppr.copy());
            }
        }

        XWPFRun run(XWPFParagraph p, String style, String text, boolean blank) {
            XWPFRun r = p.createRun();
            CTRPr rpr = styles.get(style).run();
            if (rpr != null) {
                r.getCTR().setRPr((CTRPr) rpr.copy());
            }
            r.setText(text);
            if (blank) {
                r.setTextHighlightColor("yellow");
            }
            return r;
        }

        void block(Block b) {
            if (b instanceof Paragraph p) {
                XWPFParagraph para = paragraph("paragraph");
                for (Span s : p.spans()) {
                    run(para, "paragraph", s.text(), s.blank());
                }
            } else if (b instanceof SubHeading s) {
                run(paragraph("subheading"), "subheading", s.text(), false);
            } else if (b instanceof Table t) {
                table(t);
            }
        }

        void table(Table t) {
            run(paragraph("caption"), "caption", t.caption(), false);
            XmlCursor c = anchor.getCTP().newCursor();
            XWPFTable table = doc.insertNewTbl(c);
            c.close();
            int columns = t.headers().size();
            table.setWidthType(TableWidthType.DXA);
            table.setWidth(String.valueOf(textWidth));
            table.setTableAlignment(TableRowAlign.CENTER);
            for (var border : List.<Runnable>of(() -> table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, "000000"),
                    () -> table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, "000000"),
                    () -> table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, "000000"),
                    () -> table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, "000000"),
                    () -> table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000"),
                    () -> table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000"))) {
                border.run();
            }
            // Word and LibreOffice lay the columns out from the grid: give it the real widths
            CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
            while (grid.sizeOfGridColArray() > 0) {
                grid.removeGridCol(0);
            }
            for (int col = 0; col < columns; col++) {
                grid.addNewGridCol().setW(BigInteger.valueOf(columnWidth(t, col)));
            }
            XWPFTableRow header = table.getRow(0) != null ? table.getRow(0) : table.createRow();
            header.setRepeatHeader(true);
            for (int col = 0; col < columns; col++) {
                XWPFTableCell cell = cell(header, col, t);
                cell.setColor("E7E6E6");
                XWPFParagraph p = cell.getParagraphs().get(0);
                format(p, "header-cell");
                run(p, "header-cell", t.headers().get(col), false);
            }
            for (List<Cell> cells : t.rows()) {
                XWPFTableRow row = table.createRow();
                row.setCantSplitRow(true);
                for (int col = 0; col < columns; col++) {
                    XWPFTableCell cell = cell(row, col, t);
                    XWPFParagraph p = cell.getParagraphs().get(0);
                    format(p, "cell");
                    if (col >= cells.size()) {
                        continue;
                    }
                    Cell value = cells.get(col);
                    if (value.link() != null) {
                        XWPFHyperlinkRun link = p.createHyperlinkRun(value.link());
                        CTRPr rpr = styles.get("cell").run();
                        if (rpr != null) {
                            link.getCTR().setRPr((CTRPr) rpr.copy());
                        }
                        link.setText(value.text());
                        link.setFontSize(9);
                        link.setColor("0563C1");
                        link.setUnderline(UnderlinePatterns.SINGLE);
                    } else {
                        if (value.numeric()) {
                            p.setAlignment(col == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.RIGHT);
                        }
                        run(p, "cell", value.text(), value.blank());
                    }
                }
            }
        }

        /** The row's cell of that column, with the column's width (cells are added as needed). */
        private XWPFTableCell cell(XWPFTableRow row, int column, Table t) {
            while (row.getTableCells().size() <= column) {
                row.addNewTableCell();
            }
            XWPFTableCell cell = row.getCell(column);
            cell.setWidthType(TableWidthType.DXA);
            cell.setWidth(String.valueOf(columnWidth(t, column)));
            return cell;
        }

        /** In twentieths of a point, from the table's relative widths (equal columns when it gives none). */
        private long columnWidth(Table table, int column) {
            int total = table.widths().stream().mapToInt(Integer::intValue).sum();
            if (table.widths().size() != table.headers().size() || total <= 0) {
                return textWidth / table.headers().size();
            }
            return textWidth * table.widths().get(column) / total;
        }
    }
}
