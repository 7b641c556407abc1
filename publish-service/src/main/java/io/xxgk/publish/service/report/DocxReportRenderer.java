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
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

/** The report as a Word document (.docx, Office Open XML) written with Apache POI: A4, 宋体 body, bordered tables. */
public final class DocxReportRenderer {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String BODY_FONT = "宋体";
    private static final String HEADING_FONT = "黑体";
    private static final int BODY_SIZE = 12;
    private static final int TABLE_SIZE = 10;
    /** A4 in twentieths of a point, and 2.5 cm / 2.2 cm margins. */
    private static final long A4_W = 11906;
    private static final long A4_H = 16838;
    private static final long MARGIN_LR = 1247;
    private static final long TEXT_WIDTH = A4_W - 2 * MARGIN_LR;

    public byte[] render(AnnualReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            var props = doc.getProperties().getCoreProperties();
            props.setTitle(report.title());
            props.setCreator(report.schoolName());
            props.setDescription(report.notice());

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(240);
            run(title, report.title(), HEADING_FONT, 18, true, false);

            XWPFParagraph notice = doc.createParagraph();
            notice.setSpacingAfter(200);
            XWPFRun n = run(notice, report.notice(), BODY_FONT, 10, false, false);
            n.setItalic(true);
            n.setColor("7F6000");

            report.preamble().forEach(b -> block(doc, b));
            for (Section s : report.sections()) {
                XWPFParagraph h = doc.createParagraph();
                h.setSpacingBefore(240);
                h.setSpacingAfter(120);
                h.setKeepNext(true);
                run(h, s.heading(), HEADING_FONT, 14, true, false);
                s.blocks().forEach(b -> block(doc, b));
            }
            XWPFParagraph end = doc.createParagraph();
            end.setAlignment(ParagraphAlignment.RIGHT);
            end.setSpacingBefore(360);
            run(end, report.schoolName(), BODY_FONT, BODY_SIZE, false, false).addBreak();
            run(end, report.dateLine(), BODY_FONT, BODY_SIZE, false, false);

            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_W));
        size.setH(BigInteger.valueOf(A4_H));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1418));
        mar.setBottom(BigInteger.valueOf(1418));
        mar.setLeft(BigInteger.valueOf(MARGIN_LR));
        mar.setRight(BigInteger.valueOf(MARGIN_LR));
    }

    private static void block(XWPFDocument doc, Block b) {
        if (b instanceof Paragraph p) {
            XWPFParagraph para = doc.createParagraph();
            para.setIndentationFirstLine(480);
            para.setSpacingBetween(1.5);
            para.setAlignment(ParagraphAlignment.BOTH);
            spans(para, p.spans(), BODY_SIZE);
        } else if (b instanceof SubHeading s) {
            XWPFParagraph para = doc.createParagraph();
            para.setIndentationFirstLine(480);
            para.setSpacingBefore(120);
            para.setKeepNext(true);
            run(para, s.text(), "楷体", BODY_SIZE, true, false);
        } else if (b instanceof Table t) {
            table(doc, t);
        }
    }

    private static void spans(XWPFParagraph para, List<Span> spans, int size) {
        for (Span s : spans) {
            run(para, s.text(), BODY_FONT, size, false, s.blank());
        }
    }

    private static void table(XWPFDocument doc, Table t) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setSpacingBefore(120);
        caption.setKeepNext(true);
        run(caption, t.caption(), HEADING_FONT, 11, true, false);

        XWPFTable table = doc.createTable(t.rows().size() + 1, t.headers().size());
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        table.setTableAlignment(TableRowAlign.CENTER);
        // Word and LibreOffice lay the columns out from the grid: give it the real widths
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int c = 0; c < t.headers().size(); c++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(columnWidth(t, c)));
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < t.headers().size(); c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor("E7E6E6");
            width(cell, t, c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setAlignment(ParagraphAlignment.CENTER);
            run(p, t.headers().get(c), HEADING_FONT, TABLE_SIZE, true, false);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r + 1);
            row.setCantSplitRow(true);
            List<Cell> cells = t.rows().get(r);
            for (int c = 0; c < cells.size() && c < t.headers().size(); c++) {
                XWPFTableCell cell = row.getCell(c);
                width(cell, t, c);
                XWPFParagraph p = cell.getParagraphs().get(0);
                Cell value = cells.get(c);
                if (value.link() != null) {
                    XWPFHyperlinkRun link = p.createHyperlinkRun(value.link());
                    link.setText(value.text());
                    link.setFontFamily(BODY_FONT);
                    link.setFontSize(9);
                    link.setColor("0563C1");
                    link.setUnderline(UnderlinePatterns.SINGLE);
                } else {
                    if (value.text().matches("[0-9.,%]+")) {
                        p.setAlignment(c == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.RIGHT);
                    }
                    run(p, value.text(), BODY_FONT, TABLE_SIZE, false, value.blank());
                }
            }
        }
        doc.createParagraph().setSpacingAfter(120);
    }

    private static void width(XWPFTableCell cell, Table t, int column) {
        cell.setWidthType(TableWidthType.DXA);
        cell.setWidth(String.valueOf(columnWidth(t, column)));
    }

    /** In twentieths of a point, from the table's relative widths (equal columns when it gives none). */
    private static long columnWidth(Table t, int column) {
        int total = t.widths().stream().mapToInt(Integer::intValue).sum();
        if (t.widths().size() != t.headers().size() || total <= 0) {
            return TEXT_WIDTH / t.headers().size();
        }
        return TEXT_WIDTH * t.widths().get(column) / total;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold, boolean blank) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(font);
        r.setFontSize(size);
        r.setBold(bold);
        if (blank) {
            r.setTextHighlightColor("yellow");
        }
        return r;
    }
}
