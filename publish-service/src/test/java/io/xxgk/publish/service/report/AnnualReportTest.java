package io.xxgk.publish.service.report;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.xxgk.publish.service.statistics.Zzsz2022Fixture;
import io.xxgk.testing.RealServersResource;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The draft annual report of zzsz for 2021-2022, as HTML and as DOCX, with the fixture's figures filled in. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class AnnualReportTest {

    static final String URL = "/api/v1/schools/zzsz/annual-report?year=2022";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final List<String> SECTIONS = List.of("一、概述", "二、主动公开情况", "三、依申请公开和不予公开情况", "四、对信息公开的评议情况",
            "五、因学校信息公开工作受到举报、复议、诉讼的情况", "六、本年度信息公开工作的新做法新举措、主要经验、问题和改进措施",
            "七、其他需要报告的事项", "八、清单事项公开情况表");
    static final String KIND_SENTENCE = "学校共主动公开信息548条，其中，公文类信息40条，占比7.3%；教学类信息60条，占比10.9%；"
            + "科研类信息24条，占比4.4%；招生类信息37条，占比6.8%；就业类信息4条，占比0.7%；招聘类信息15条，占比2.7%；"
            + "招投标类信息21条，占比3.8%；其他业务动态类信息347条，占比63.3%。";

    @BeforeEach
    void fixture() throws Exception {
        Zzsz2022Fixture.load();
        Zzsz2022Fixture.awaitApplied();
    }

    @Test
    void htmlIsAPrintablePageWithTheEightSectionsTheFiguresAndMarkedBlanks() throws Exception {
        String html = given().when().get(URL).then().statusCode(200)
                .contentType(equalTo("text/html;charset=UTF-8"))
                .extract().asString();

        sample("zzsz-2022.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>株洲师范高等专科学校2021-2022学年信息公开工作年度报告</title>"));
        assertTrue(html.contains("@page { size: A4"));
        int last = -1;
        for (String section : SECTIONS) {
            int at = html.indexOf("<h2>" + section + "</h2>");
            assertTrue(at > last, section + " missing or out of order");
            last = at;
        }
        assertTrue(html.contains("自2021年9月1日起至2022年8月31日止"));
        // the provincial notice of 湖南省 (its profile), for the report's year; the office's contact is asked for
        assertTrue(html.contains("以及湖南省教育厅办公室《关于做好2022年高校信息公开年度报告工作的通知》的要求，编制株洲师范高等专科学校"
                + "2021-2022学年信息公开工作年度报告"));
        assertTrue(html.contains("请联系株洲师范高等专科学校信息公开工作办公室（<span class=\"blank\">【待填写：信息公开工作办公室的联系电话、电子邮箱】</span>）。"));
        // issue 11: no computed percentage in 概述, no internal tables by department or month
        String overview = html.substring(html.indexOf("<h2>一、概述</h2>"), html.indexOf("<h2>二、主动公开情况</h2>"));
        assertFalse(overview.contains("%"), overview);
        assertTrue(overview.contains("学校共主动公开信息548条；"), overview);
        assertFalse(html.contains("按发布部门统计"));
        assertFalse(html.contains("按月份统计"));
        // the channels, and the narrative drafted from the period's titles per category
        assertTrue(html.contains("<h3>（二）公开的渠道和方式</h3>"));
        String areas = html.substring(html.indexOf("<h3>（五）主动公开的主要内容和重点领域</h3>"), html.indexOf("<h2>三、"));
        assertTrue(areas.matches("(?s).*<p>\\d+．财务、资产及收费信息。本学年公开\\d+条，主要有“[^”]+”.*"), areas);
        assertTrue(html.contains("<h3>（一）新做法新举措</h3>"));
        assertTrue(html.contains("【待填写：本年度信息公开工作的新做法、新举措"));
        assertTrue(html.contains(KIND_SENTENCE), "kind sentence");
        assertTrue(html.contains("学校网站548条（100.0%），微信公众号183条（33.4%）"));
        // issue 11: items 30 and 43 are not for a vocational college; the 学籍管理办法 (item 36, a standing rule published
        // the year before) is in force, so it counts as public: 12 of 41, not 11 of 43 (25.6%)
        assertTrue(html.contains("适用于本校的41项"));
        assertTrue(html.contains("已公开12项（其中本学年公开11项，往年公开、现行有效1项），公开率29.3%"));
        // issue 11 item 9: the 5 undated items are unknown, not on time: 535 of 548
        assertTrue(html.contains("及时公开率97.6%"));
        assertTrue(html.contains("超过20个工作日公开的8条"));
        assertTrue(html.contains("另有5条未填写公开日期，及时性不明，未计入及时公开。"));
        assertTrue(html.contains("学校共收到信息公开申请9件，已答复8件，尚未答复1件"));
        assertTrue(html.contains("予以公开2件，不予公开1件，不属于本校职责范围或信息不存在1件，部分公开1件"));
        assertTrue(html.contains("15个工作日内答复的7件，占已答复申请的87.5%"));
        assertTrue(html.contains("收取检索、复制、邮寄等费用15.50元"));
        assertTrue(html.contains("经审查决定不予公开的信息3条，其中涉及个人隐私2条，涉及商业秘密1条"));
        assertTrue(html.contains("举报（投诉）2件（维持1件，尚未审结1件）；行政复议1件（纠正1件）；行政诉讼0件"));
        assertTrue(html.contains("<span class=\"blank\">【待填写："), "blanks are marked");
        assertTrue(countOf(html, "【待填写：") >= 8, "blanks for the prose the system cannot know");
        // withheld items never appear
        assertFalse(html.contains("zzsz22-withheld"));

        // section 8: 50 rows, each with number, category, item, status, link
        String table8 = html.substring(html.indexOf("<caption>表5 清单事项公开情况表</caption>"));
        table8 = table8.substring(0, table8.indexOf("</table>"));
        assertEquals(50, countOf(table8, "<tr><td"));
        assertTrue(table8.contains("<thead><tr><th>序号</th><th>类别</th><th>清单事项</th><th>公开情况</th><th>栏目链接</th><th>说明</th></tr></thead>"));
        assertTrue(table8.contains("<tr><td class=\"num\">18</td><td>三、财务、资产及收费信息</td><td>仪器设备、图书、药品等物资设备采购和重大基建工程的招投标</td><td>已公开（21条）</td><td><a href=\"http"));
        assertTrue(table8.contains("<td>不适用</td>"));
        // 说明: why not applicable
        assertTrue(table8.contains("<td class=\"num\">30</td>"));
        assertTrue(table8.matches("(?s).*<td class=\"num\">30</td>.*?<td>不适用</td><td>—</td><td>不适用于[^<]+</td>.*"), "item 30's 说明");
        assertTrue(table8.contains("<td class=\"num\">36</td><td>六、学生管理服务信息</td><td>学籍管理办法</td><td>现行有效（2021年8月31日公开）</td>"),
                "a standing rule in force is not 往年已公开，本学年无更新");
        assertFalse(table8.contains("往年已公开，本学年无更新"));
        // a vocational college's item 35 is its 人才培养质量年度报告
        assertTrue(table8.contains("<td class=\"num\">35</td><td>五、教学质量信息</td><td>人才培养质量年度报告</td>"));
        Matcher link18 = Pattern.compile("<td class=\"num\">18</td>.*?<a href=\"([^\"]+)\"").matcher(table8);
        assertTrue(link18.find());
        // issue 11 item 3: the item's public web page, never the JSON API
        assertTrue(link18.group(1).matches("https?://[^/]+(:\\d+)?/schools/zzsz/items/zzsz22-(procurement_notice|tender_result)-\\d{3}"),
                link18.group(1));
    }

    @Test
    void docxOpensWithPoiAndHasTheFiftyRowTableAndTheFigures() throws Exception {
        Response response = given().when().get(URL + "&format=docx");
        response.then().statusCode(200)
                .contentType(equalTo(DOCX))
                .header("Content-Disposition", startsWith("attachment; filename=\"zzsz-2022-annual-report.docx\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''"));
        byte[] bytes = response.asByteArray();
        assertEquals('P', bytes[0]);
        assertEquals('K', bytes[1]);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertEquals("株洲师范高等专科学校2021-2022学年信息公开工作年度报告", doc.getProperties().getCoreProperties().getTitle());
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals("株洲师范高等专科学校2021-2022学年信息公开工作年度报告", paragraphs.get(0));
            for (String section : SECTIONS) {
                assertTrue(paragraphs.contains(section), section);
            }
            String text = String.join("\n", paragraphs);
            assertTrue(text.contains(KIND_SENTENCE), "kind sentence");
            assertTrue(text.contains("及时公开率97.6%"));
            assertTrue(text.contains("【待填写："));
            // the blanks are highlighted
            assertTrue(doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .anyMatch(r -> r.text().startsWith("【待填写：") && r.isHighlighted()));

            XWPFTable kinds = tableWithHeader(doc, "信息类别");
            assertEquals(List.of("公文类", "40", "7.3%"), cells(kinds.getRow(1)));
            assertEquals(List.of("其他业务动态类", "347", "63.3%"), cells(kinds.getRow(8)));
            assertEquals(List.of("合计", "548", "100.0%"), cells(kinds.getRow(9)));

            XWPFTable checklist = tableWithHeader(doc, "序号");
            assertEquals(List.of("序号", "类别", "清单事项", "公开情况", "栏目链接", "说明"), cells(checklist.getRow(0)));
            assertEquals(51, checklist.getNumberOfRows());
            for (int i = 1; i <= 50; i++) {
                assertEquals(String.valueOf(i), checklist.getRow(i).getCell(0).getText());
            }
            XWPFTableRow row18 = checklist.getRow(18);
            assertEquals("三、财务、资产及收费信息", row18.getCell(1).getText());
            assertEquals("已公开（21条）", row18.getCell(3).getText());
            XWPFHyperlinkRun link = (XWPFHyperlinkRun) row18.getCell(4).getParagraphs().get(0).getRuns().get(0);
            String url = link.getHyperlink(doc).getURL();
            assertTrue(url.matches("https?://[^/]+/schools/zzsz/items/zzsz22-.+"), url);
            assertEquals("不适用", checklist.getRow(11).getCell(3).getText());
            assertTrue(checklist.getRow(11).getCell(5).getText().startsWith("不适用于"), checklist.getRow(11).getCell(5).getText());
            assertEquals("未公开", checklist.getRow(50).getCell(3).getText());
            assertEquals("—", checklist.getRow(50).getCell(4).getText());
            assertEquals("本学年未公开", checklist.getRow(50).getCell(5).getText());
        }
    }

    /** Issue 11 item 10: the golden structure of the Word report, read back with POI. */
    @Test
    void docxGoldenStructure() throws Exception {
        byte[] bytes = given().when().get(URL + "&format=docx").then().statusCode(200).extract().asByteArray();
        sample("zzsz-2022.docx", bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            // the eight parts, exactly these titles, in this order, each once
            assertEquals(SECTIONS, paragraphs.stream().filter(p -> p.matches("^[一二三四五六七八九十]、.*")).toList());
            // the template's placeholders and style prototypes are all gone
            assertTrue(paragraphs.stream().noneMatch(p -> p.contains("${")), "placeholders left");
            // title first, the signature (school, date line) last
            assertEquals("株洲师范高等专科学校2021-2022学年信息公开工作年度报告", paragraphs.get(0));
            List<String> filled = paragraphs.stream().filter(p -> !p.isBlank()).toList();
            assertEquals("株洲师范高等专科学校", filled.get(filled.size() - 2));
            assertTrue(filled.get(filled.size() - 1).endsWith("（草稿）"));
            // the part headings keep the template's formatting (黑体, bold)
            XWPFParagraph heading = doc.getParagraphs().stream().filter(p -> p.getText().equals("八、清单事项公开情况表")).findFirst().orElseThrow();
            assertTrue(heading.getRuns().get(0).isBold());
            assertEquals("黑体", heading.getRuns().get(0).getFontFamily());

            // the 50-row table: its columns, one row per checklist item, 栏目链接 a link or "—"
            XWPFTable checklist = tableWithHeader(doc, "序号");
            assertEquals(AnnualReportBuilder.CHECKLIST_COLUMNS, cells(checklist.getRow(0)));
            assertEquals(List.of("序号", "类别", "清单事项", "公开情况", "栏目链接", "说明"), cells(checklist.getRow(0)));
            assertEquals(51, checklist.getNumberOfRows());
            int links = 0;
            for (int i = 1; i <= 50; i++) {
                XWPFTableRow row = checklist.getRow(i);
                assertEquals(6, row.getTableCells().size(), "row " + i);
                var runs = row.getCell(4).getParagraphs().get(0).getRuns();
                if (!runs.isEmpty() && runs.get(0) instanceof XWPFHyperlinkRun h) {
                    assertTrue(h.getHyperlink(doc).getURL().startsWith("http"), "row " + i);
                    assertEquals(h.getHyperlink(doc).getURL(), row.getCell(4).getText());
                    links++;
                } else {
                    assertEquals("—", row.getCell(4).getText(), "row " + i);
                    assertFalse(row.getCell(3).getText().startsWith("已公开"), "a published item has a link, row " + i);
                }
                String status = row.getCell(3).getText();
                if (status.equals("不适用") || status.equals("本校不涉及") || status.equals("未公开")) {
                    assertFalse(row.getCell(5).getText().isBlank(), "说明 of row " + i);
                }
            }
            assertTrue(links >= 12, "the published and standing items link: " + links);
        }
    }

    @Test
    void acceptHeaderChoosesTheFormatWhenThereIsNoFormatParameter() {
        given().accept(DOCX).when().get(URL).then().statusCode(200).contentType(equalTo(DOCX));
        given().accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").when().get(URL).then().statusCode(200)
                .contentType(equalTo("text/html;charset=UTF-8"));
        given().accept("*/*").when().get(URL).then().statusCode(200).contentType(equalTo("text/html;charset=UTF-8"));
        // the parameter wins over the header
        given().accept(DOCX).when().get(URL + "&format=html").then().statusCode(200).contentType(equalTo("text/html;charset=UTF-8"));
    }

    @Test
    void aYearWithoutDataIsStillAReportWithZeros() {
        String html = given().when().get("/api/v1/schools/zzsz/annual-report?year=2003").then().statusCode(200).extract().asString();
        assertTrue(html.contains("学校共主动公开信息0条。"));
        assertTrue(html.contains("本学年，学校未收到信息公开申请。"));
        assertTrue(html.contains("本学年，学校未因信息公开工作受到举报（投诉）、行政复议或行政诉讼。"));
        assertTrue(html.contains("本学年，信息公开工作未发生收费情况。"));
    }

    /** The rendered report, kept under target/report-samples/ for a person to look at. */
    private static void sample(String name, byte[] bytes) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target/report-samples");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), bytes);
    }

    private static XWPFTable tableWithHeader(XWPFDocument doc, String firstHeader) {
        XWPFTable table = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals(firstHeader)).findFirst()
                .orElse(null);
        assertNotNull(table, "table " + firstHeader);
        return table;
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).collect(Collectors.toList());
    }

    private static int countOf(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
