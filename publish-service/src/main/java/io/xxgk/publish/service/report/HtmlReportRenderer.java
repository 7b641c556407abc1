package io.xxgk.publish.service.report;

import io.xxgk.publish.service.report.AnnualReport.Block;
import io.xxgk.publish.service.report.AnnualReport.Cell;
import io.xxgk.publish.service.report.AnnualReport.Paragraph;
import io.xxgk.publish.service.report.AnnualReport.Section;
import io.xxgk.publish.service.report.AnnualReport.Span;
import io.xxgk.publish.service.report.AnnualReport.SubHeading;
import io.xxgk.publish.service.report.AnnualReport.Table;

import java.util.List;

/** The report as one self-contained, printable HTML page (A4, no scripts, no external resources). */
public final class HtmlReportRenderer {

    private static final String CSS = """
            @page { size: A4; margin: 2.5cm 2.2cm; }
            body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif;
                   font-size: 12pt; line-height: 1.8; color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em; }
            h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 18pt;
                 text-align: center; font-weight: bold; margin: 0.5em 0 1em; }
            h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 14pt; margin: 1.2em 0 0.4em; }
            h3 { font-family: "KaiTi", "楷体", "Noto Serif CJK SC", serif; font-size: 12pt; margin: 0.8em 0 0.3em; }
            p { text-indent: 2em; margin: 0.3em 0; text-align: justify; }
            .notice { text-indent: 0; border: 1px solid #c9a400; background: #fffbe6; padding: 0.5em 0.8em; font-size: 10.5pt; }
            .blank { background: #fff1a8; border-bottom: 1px dashed #b58900; color: #6b4f00; }
            table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 10.5pt; line-height: 1.5;
                    page-break-inside: auto; }
            caption { font-weight: bold; padding: 0.3em; }
            th, td { border: 1px solid #444; padding: 0.25em 0.4em; vertical-align: top; }
            th { background: #eee; }
            td.num { text-align: right; white-space: nowrap; }
            tr { page-break-inside: avoid; }
            thead { display: table-header-group; }
            a { color: #0645ad; word-break: break-all; }
            .generated { text-align: right; text-indent: 0; font-size: 10.5pt; color: #555; }
            @media print { .notice { border-color: #999; background: none; } .blank { background: none; } body { margin: 0; } }
            """;

    public String render(AnnualReport report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(report.title())).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(report.title())).append("</h1>\n");
        h.append("<p class=\"notice\">").append(esc(report.notice())).append("</p>\n");
        report.preamble().forEach(b -> block(h, b));
        for (Section s : report.sections()) {
            h.append("<section>\n<h2>").append(esc(s.heading())).append("</h2>\n");
            s.blocks().forEach(b -> block(h, b));
            h.append("</section>\n");
        }
        h.append("<p class=\"generated\">").append(esc(report.schoolName())).append("<br>")
                .append(esc(report.dateLine())).append("</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void block(StringBuilder h, Block b) {
        if (b instanceof Paragraph p) {
            h.append("<p>");
            spans(h, p.spans());
            h.append("</p>\n");
        } else if (b instanceof SubHeading s) {
            h.append("<h3>").append(esc(s.text())).append("</h3>\n");
        } else if (b instanceof Table t) {
            table(h, t);
        }
    }

    private static void spans(StringBuilder h, List<Span> spans) {
        for (Span s : spans) {
            if (s.blank()) {
                h.append("<span class=\"blank\">").append(esc(s.text())).append("</span>");
            } else {
                h.append(esc(s.text()));
            }
        }
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<table>\n<caption>").append(esc(t.caption())).append("</caption>\n<colgroup>");
        for (Integer w : t.widths()) {
            h.append("<col style=\"width:").append(w).append("%\">");
        }
        h.append("</colgroup>\n<thead><tr>");
        for (String head : t.headers()) {
            h.append("<th>").append(esc(head)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : t.rows()) {
            h.append("<tr>");
            for (Cell c : row) {
                boolean numeric = c.link() == null && c.text().matches("[0-9.,%]+");
                h.append(numeric ? "<td class=\"num\">" : "<td>");
                if (c.link() != null) {
                    h.append("<a href=\"").append(esc(c.link())).append("\">").append(esc(c.text())).append("</a>");
                } else if (c.blank()) {
                    h.append("<span class=\"blank\">").append(esc(c.text())).append("</span>");
                } else {
                    h.append(esc(c.text()));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
