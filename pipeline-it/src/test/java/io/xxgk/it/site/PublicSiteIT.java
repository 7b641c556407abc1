package io.xxgk.it.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import io.xxgk.it.RunningPipeline;
import io.xxgk.it.browser.Axe;
import io.xxgk.it.browser.Chromium;
import io.xxgk.stack.Pipeline;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public site (信息公开网) of school hnxx in a real browser, against the packaged services: items posted to
 * ingest (one with a DOCX attachment in the object store) reach the pages; a person goes from the home page to the
 * 目录, an item and its attachment, searches, opens the 清单, the annual reports and the province page; every page is
 * checked with axe-core (no serious or critical violation) and saved at 1280 and 390 px under target/screenshots/.
 * Items held for personal data, withheld or internal never appear, nor does a raw ID number. The pages work with
 * JavaScript switched off.
 */
class PublicSiteIT {

    static final String SCHOOL = "hnxx";
    static final String DEPARTMENT = "学生工作处";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    static final String CODE = "HNXX-" + RUN;
    static final String RAW_ID = "430802200103154521";
    static final String RAW_PHONE = "13907441234";
    static final String RULE_TITLE = "湖南信息职业技术学院学生资助管理办法";
    static final String TENDER_TITLE = "湖南信息职业技术学院2025年实训室设备采购项目招标公告";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static RunningPipeline pipeline;
    static String publish;
    static String key;
    static byte[] docx;
    static String rule;
    static String tender;
    static final List<String> hidden = new ArrayList<>();

    @BeforeAll
    static void items() throws Exception {
        pipeline = RunningPipeline.get();
        publish = pipeline.url(Pipeline.Service.PUBLISH);
        key = pipeline.issueKey(SCHOOL, DEPARTMENT);
        docx = docx("学生资助申请表（样表）", "申请项目：国家助学金。项目编号 " + CODE + "。");
        String attachment = upload(docx, "学生资助申请表.docx");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // first what must never show: held for personal data, withheld, internal; then the public ones, which arrive after
        hidden.add(post("关于" + DEPARTMENT + "困难学生认定情况的说明", "张三，身份证号 " + RAW_ID + "，联系电话 " + RAW_PHONE
                + "，家庭经济困难。项目编号 " + CODE + "。", "OTHER", today.minusDays(2), Map.of()));
        hidden.add(post("涉密实验室建设项目采购公告", "邀请招标。项目编号 " + CODE + "。", "PROCUREMENT_NOTICE", today.minusDays(2),
                Map.of("withheld", true, "withholdReason", "STATE_SECRET")));
        hidden.add(post("学生资助工作校内安排", "仅限校内。项目编号 " + CODE + "。", "OTHER", today.minusDays(2),
                Map.of("scope", "INTERNAL")));
        rule = post(RULE_TITLE, "第一条 为规范国家奖学金、国家助学金、学费减免和勤工助学工作，制定本办法。\n第二条 项目编号 " + CODE
                + "，本办法自公布之日起施行。", "RULE", today.minusDays(1), Map.of("attachments", List.of(attachment)));
        tender = post(TENDER_TITLE, "采购方式：公开招标。预算金额：120万元。项目编号 " + CODE + "。", "PROCUREMENT_NOTICE",
                today.minusDays(1), Map.of());
        for (String id : List.of(rule, tender)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> status(itemPage(id)) == 200);
        }
    }

    @Test
    void homeToCatalogueToItemAndItsAttachment() throws Exception {
        try (BrowserContext context = Chromium.get().newContext(publish, 1280, true)) {
            Page page = context.newPage();
            page.navigate("/schools/" + SCHOOL);
            assertThat(page.locator("h1")).hasText("湖南信息职业技术学院信息公开网");
            assertThat(page.locator("#guide-h")).hasText("信息公开指南");
            assertThat(page.locator("#contact-h")).hasText("联系方式");
            assertThat(page.locator("section[aria-labelledby=latest-h]")).containsText(RULE_TITLE);
            accessible(page, "home");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("信息公开目录").setExact(true)).click();
            assertThat(page).hasURL(publish + "/schools/" + SCHOOL + "/catalogue");
            assertThat(page.locator("h1")).hasText("湖南信息职业技术学院信息公开目录");
            assertThat(page.locator("section.category")).hasCount(10);
            assertThat(page.locator("article.item")).hasCount(50);
            assertThat(page.locator("header nav [aria-current=page]")).hasText("信息公开目录");
            accessible(page, "catalogue");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(RULE_TITLE)).first().click();
            assertThat(page.locator("h1")).hasText(RULE_TITLE);
            assertThat(page.locator("dl.facts")).containsText(DEPARTMENT);
            assertThat(page.locator(".body")).containsText("第一条 为规范国家奖学金");
            String html = page.content();
            for (String internal : List.of("confidence", "explanation", "objectKey", "sha256")) {
                assertFalse(html.contains(internal), internal);
            }
            accessible(page, "item");

            Download download = page.waitForDownload(() ->
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("学生资助申请表.docx")).click());
            assertEquals("学生资助申请表.docx", download.suggestedFilename());
            assertArrayEquals(docx, Files.readAllBytes(download.path()));
        }
    }

    @Test
    void searchFindsThePublishedItemsAndNothingHidden() {
        try (BrowserContext context = Chromium.get().newContext(publish, 1280, true)) {
            Page page = context.newPage();
            page.navigate("/schools/" + SCHOOL);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("检索").setExact(true)).click();
            page.getByLabel("关键词").fill(CODE);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检索")).click();
            assertThat(page.locator("#results-h")).containsText("共 2 条");
            assertThat(page.locator("#results")).containsText(RULE_TITLE);
            assertThat(page.locator("#results")).containsText(TENDER_TITLE);
            for (String id : hidden) {
                assertFalse(page.content().contains(id), id);
            }
            accessible(page, "search");

            page.getByLabel("类别").selectOption("3");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("检索")).click();
            assertThat(page.locator("#results-h")).containsText("共 1 条");
            assertThat(page.locator("#results")).containsText(TENDER_TITLE);
            assertThat(page.getByLabel("关键词")).hasValue(CODE);

            for (String raw : List.of(RAW_ID, RAW_PHONE)) {
                page.navigate("/schools/" + SCHOOL + "/search?q=" + raw);
                assertThat(page.locator("#results")).containsText("没有符合条件的公开信息");
            }
            Chromium.screenshot(page, "site-search-raw-id-1280");

            page.navigate("/schools/" + SCHOOL + "/search?from=2025-13-01");
            assertThat(page.locator("#errors")).containsText("起始日期");
            Chromium.screenshot(page, "site-search-error-1280");
            for (String id : hidden) {
                page.navigate("/schools/" + SCHOOL + "/items/" + id);
                assertThat(page.locator("h1")).hasText("未找到");
            }
        }
    }

    @Test
    void checklistReportsAndTheProvincePage() {
        try (BrowserContext context = Chromium.get().newContext(publish, 1280, true)) {
            Page page = context.newPage();
            page.navigate("/schools/" + SCHOOL);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("清单").setExact(true)).click();
            assertThat(page.locator("table.checklist tbody tr")).hasCount(50);
            accessible(page, "checklist");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("年度报告").setExact(true)).click();
            assertThat(page.locator("h1")).hasText("信息公开工作年度报告");
            accessible(page, "reports");

            page.navigate("/schools/" + SCHOOL);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("湖南省高校信息公开概览")).click();
            assertThat(page.locator("h1")).containsText("湖南省高校信息公开概览");
            Locator rows = page.locator("table").first().locator("tbody tr");
            assertThat(rows).hasCount(3);
            assertThat(rows.first()).containsText("湖南信息职业技术学院");
            assertThat(page.locator("table.matrix tbody tr")).hasCount(50);
            assertThat(page.locator("table.matrix thead th")).hasCount(4);
            accessible(page, "province");

            page.navigate("/schools/" + SCHOOL + "/catalogue/embed");
            assertThat(page.locator("header nav")).hasCount(0);
            accessible(page, "catalogue-embed");
            page.navigate("/schools");
            accessible(page, "schools");
        }
    }

    @Test
    void withoutJavaScriptWithTheKeyboardAndInPrint() {
        try (BrowserContext context = Chromium.get().newContext(publish, 1280, false)) {
            Page page = context.newPage();
            page.navigate("/schools/" + SCHOOL);
            page.keyboard().press("Tab");
            assertThat(page.locator("a.skip")).isFocused();
            assertThat(page.locator("a.skip")).isInViewport();
            page.keyboard().press("Enter");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("检索").setExact(true)).click();
            page.getByLabel("关键词").fill(CODE);
            page.getByLabel("关键词").press("Enter");
            assertThat(page.locator("#results-h")).containsText("共 2 条");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(TENDER_TITLE)).click();
            assertThat(page.locator("h1")).hasText(TENDER_TITLE);
            Chromium.screenshot(page, "site-no-javascript-item-1280");

            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("header nav")).isHidden();
            assertThat(page.locator("h1")).isVisible();
            Chromium.screenshot(page, "site-item-print");
        }
    }

    @Test
    void everyPageFitsAPhone() {
        try (BrowserContext context = Chromium.get().newContext(publish, 390, true)) {
            Page page = context.newPage();
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home", "/schools/" + SCHOOL);
            pages.put("catalogue", "/schools/" + SCHOOL + "/catalogue");
            pages.put("checklist", "/schools/" + SCHOOL + "/checklist");
            pages.put("item", "/schools/" + SCHOOL + "/items/" + rule);
            pages.put("search", "/schools/" + SCHOOL + "/search?q=" + URLEncoder.encode(CODE, StandardCharsets.UTF_8));
            pages.put("reports", "/schools/" + SCHOOL + "/reports");
            pages.put("province", "/provinces/" + URLEncoder.encode("湖南省", StandardCharsets.UTF_8));
            for (Map.Entry<String, String> p : pages.entrySet()) {
                page.navigate(p.getValue());
                Chromium.screenshot(page, "site-" + p.getKey() + "-390");
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertEquals(0, ((Number) overflow).intValue(), p.getKey() + " is wider than the phone");
                assertTrue(Axe.serious(page).isEmpty(), p.getKey() + ": " + Axe.serious(page));
            }
        }
    }

    /** No serious or critical axe-core violation; the page saved at this width. */
    static void accessible(Page page, String name) {
        Chromium.screenshot(page, "site-" + name + "-1280");
        List<Axe.Violation> serious = Axe.serious(page);
        assertTrue(serious.isEmpty(), name + ": " + serious);
    }

    static String itemPage(String id) {
        return publish + "/schools/" + SCHOOL + "/items/" + id;
    }

    static String post(String title, String body, String kind, LocalDate produced, Map<String, Object> extra) {
        String id = "site-" + UUID.randomUUID();
        Map<String, Object> item = new LinkedHashMap<>(Map.of("id", id, "schoolCode", SCHOOL, "department", DEPARTMENT,
                "title", title, "kind", kind, "producedDate", produced.toString(), "publishedDate", produced.toString(), "body", body));
        item.putAll(extra);
        HttpResponse<String> r = pipeline.postItem(key, item);
        assertEquals(202, r.statusCode(), r.body());
        return id;
    }

    static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String upload(byte[] file, String name) throws Exception {
        String boundary = "xxgk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(Pipeline.Service.INGEST) + "/api/v1/attachments"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        JsonNode json = RunningPipeline.JSON.readTree(r.body());
        return json.path("id").asText();
    }

    static byte[] docx(String heading, String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(heading);
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

}
