package io.xxgk.it.site;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.xxgk.it.RunningPipeline;
import io.xxgk.it.browser.Axe;
import io.xxgk.it.browser.Chromium;
import io.xxgk.stack.Pipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 依申请公开 in a real browser (Debian's Chromium through Playwright, as the console's tests) against the packaged
 * services: from the guide to the form, a submission that ingest records and answers with a tracking number, and the
 * same application found on the status page once the register has it; then every public page and JSON endpoint is
 * searched for the applicant's personal data. Every page (guide, form, a refused form, receipt, status) is checked
 * with axe-core (no serious or critical violation), must fit a 390 px phone, and is saved at 1280 and 390 px:
 * {@code target/screenshots/apply-*.png}.
 */
class ApplicationFormIT {

    static final String SCHOOL = "zzsz";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String publish;

    @BeforeAll
    static void start() {
        publish = RunningPipeline.get().url(Pipeline.Service.PUBLISH);
    }

    /** A window {@code width} px wide; without JavaScript unless a test must run some in the page (axe-core). */
    static BrowserContext window(int width, boolean javaScript) {
        return Chromium.get().newContext(publish, width, javaScript);
    }

    static void screenshot(Page page, String name) {
        Chromium.screenshot(page, "apply-" + name);
    }

    /**
     * The page as it is (1280 px wide) and on a 390 px phone: saved at both widths, no serious or critical axe-core
     * violation at either, nothing wider than the phone.
     */
    static void accessible(Page page, String name) {
        assertTrue(Axe.serious(page).isEmpty(), name + " at 1280 px: " + Axe.serious(page));
        screenshot(page, name + "-1280");
        page.setViewportSize(390, 844);
        try {
            screenshot(page, name + "-390");
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertEquals(0, ((Number) overflow).intValue(), name + " is wider than the phone");
            assertTrue(Axe.serious(page).isEmpty(), name + " at 390 px: " + Axe.serious(page));
        } finally {
            page.setViewportSize(1280, 900);
        }
    }

    @Test
    void anApplicantGetsATrackingNumberAndFindsTheApplicationOnTheStatusPage() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String name = "上官浏览器" + marker;
        String phone = "138" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String email = "applicant-" + marker + "@example.cn";
        String id = "430202199303" + (100_000 + (int) (Math.random() * 899_999));
        String address = "湖南省株洲市天元区某路" + marker + "号";
        String description = "申请公开本校2025年学生宿舍维修工程的验收报告（" + marker + "）";

        String tracking;
        try (BrowserContext context = window(1280, false)) {
            Page page = context.newPage();
            Response guide = page.navigate("/schools/" + SCHOOL + "/apply");
            assertEquals(200, guide.status());
            assertTrue(page.locator("h1").innerText().contains("依申请公开指南"), page.locator("h1").innerText());
            assertTrue(page.locator("main").innerText().contains("15 个工作日"));
            // the site's own header and stylesheet (its Content-Security-Policy refuses inline styles)
            assertEquals("rgb(143, 18, 22)", page.locator("header.site").evaluate("e => getComputedStyle(e).backgroundColor"));
            assertEquals(1, page.locator("link[rel=stylesheet][href='/site.css']").count());
            screenshot(page, "01-guide");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("网上申请表")).first().click();
            page.waitForURL("**/apply/form");
            page.getByLabel("申请人类型").selectOption("NATURAL_PERSON");
            page.getByLabel("姓名或名称").fill(name);
            page.getByLabel("证件名称及号码").fill("居民身份证 " + id);
            page.getByLabel("联系电话").fill(phone);
            page.getByLabel("电子邮箱").fill(email);
            page.getByLabel("通信地址").fill(address);
            page.getByLabel("所需信息的内容描述").fill(description);
            page.getByLabel("电子文档").check();
            page.getByLabel("电子邮件").check();
            screenshot(page, "02-form");

            Response sent = page.waitForResponse(r -> r.url().endsWith("/apply/form") && "POST".equals(r.request().method()),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click());
            page.waitForLoadState();
            assertEquals(200, sent.status(), page.content());
            assertTrue(page.locator("h1").innerText().contains("申请已受理"), page.locator("h1").innerText());
            tracking = page.locator("#tracking-number").innerText().trim();
            assertTrue(tracking.matches("YSQ\\d{8}-[0-9A-Z]{8}"), tracking);
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            assertEquals(today, page.locator("#received-date").innerText().trim());
            assertTrue(page.locator("#due-date").innerText().contains("15 个工作日"));
            assertFalse(page.content().contains(phone), "the receipt does not repeat the phone number");
            screenshot(page, "03-received");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查询办理进度")).click();
            // the register entry travels ingest → Kafka → publish: it appears within moments
            Instant until = Instant.now().plusSeconds(90);
            while (page.locator("#status").count() == 0 && Instant.now().isBefore(until)) {
                Thread.sleep(1000);
                page.reload();
            }
            assertEquals(1, page.locator("#status").count(), page.content());
            String status = page.locator("#status").innerText();
            assertTrue(status.contains(tracking) && status.contains(today) && status.contains("办理中"), status);
            assertTrue(page.locator("#answer").innerText().contains("尚未答复"));
            screenshot(page, "04-status");
            page.setViewportSize(390, 844);
            screenshot(page, "04-status-390");
        }

        // the applicant's data is on no public page and in no public JSON answer
        List<String> personal = List.of(name, phone, email, id, address, description, marker);
        List<String> paths = new ArrayList<>(List.of(
                "/schools/" + SCHOOL + "/apply", "/schools/" + SCHOOL + "/apply/form",
                "/schools/" + SCHOOL + "/apply/status?tracking=" + tracking,
                "/schools/" + SCHOOL, "/schools/" + SCHOOL + "/catalogue",
                "/api/v1/schools", "/api/v1/schools/" + SCHOOL, "/api/v1/schools/" + SCHOOL + "/catalogue",
                "/api/v1/schools/" + SCHOOL + "/statistics", "/api/v1/schools/" + SCHOOL + "/annual-report?format=html",
                "/api/v1/province/overview", "/q/openapi"));
        for (String q : List.of(name, phone, email, id, marker)) {
            paths.add("/api/v1/schools/" + SCHOOL + "/items?q=" + enc(q));
            paths.add("/schools/" + SCHOOL + "/search?q=" + enc(q));
        }
        for (String path : paths) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(publish + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertTrue(r.statusCode() < 500, path + " answered " + r.statusCode());
            // the search page repeats the searcher's own words in its form: only what it found counts
            String shown = path.contains("/search?") ? results(path, r.body()) : r.body();
            for (String p : personal) {
                assertFalse(shown.contains(p), path + " shows the applicant's " + p);
            }
        }
    }

    private static String results(String path, String page) {
        int start = page.indexOf("id=\"results\"");
        assertTrue(start >= 0, path + " has no results section");
        return page.substring(start);
    }

    @Test
    void aTooLongNameGetsAPageNamingTheFieldWithTheInputKept() {
        try (BrowserContext context = window(390, true)) {
            Page page = context.newPage();
            page.navigate("/schools/" + SCHOOL + "/apply/form");
            // a browser stops typing at maxlength; a hand-made request does not, and the server names the field
            page.locator("#f-name").evaluate("e => e.removeAttribute('maxlength')");
            page.getByLabel("姓名或名称").fill("名".repeat(51));
            page.getByLabel("联系电话").fill("0731-12345678");
            page.getByLabel("所需信息的内容描述").fill("申请公开学校章程修订稿");
            page.getByLabel("当面领取").check();
            Response sent = page.waitForResponse(r -> r.url().endsWith("/apply/form") && "POST".equals(r.request().method()),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click());
            page.waitForLoadState();
            assertEquals(400, sent.status());
            String alert = page.locator("#errors").innerText();
            assertTrue(alert.contains("姓名或名称共 51 个字，超过上限 50 个字") && alert.contains("name is 51 characters; at most 50"), alert);
            assertEquals("名".repeat(51), page.getByLabel("姓名或名称").inputValue(), "the input is kept");
            assertEquals("申请公开学校章程修订稿", page.getByLabel("所需信息的内容描述").inputValue());
            accessible(page, "05-refused");
        }
    }

    @Test
    void everyApplyPageIsAccessibleAndFitsAPhone() throws Exception {
        try (BrowserContext context = window(1280, true)) {
            Page page = context.newPage();
            page.navigate("/schools/" + SCHOOL + "/apply");
            accessible(page, "a11y-guide");
            page.navigate("/schools/" + SCHOOL + "/apply/form");
            accessible(page, "a11y-form");
            page.getByLabel("姓名或名称").fill("欧阳无障碍");
            page.getByLabel("联系电话").fill("0731-87654321");
            page.getByLabel("所需信息的内容描述").fill("申请公开学校无障碍设施建设情况");
            page.getByLabel("当面领取").check();
            Response sent = page.waitForResponse(r -> r.url().endsWith("/apply/form") && "POST".equals(r.request().method()),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交申请")).click());
            page.waitForLoadState();
            assertEquals(200, sent.status(), page.content());
            accessible(page, "a11y-received");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查询办理进度")).click();
            Instant until = Instant.now().plusSeconds(90);
            while (page.locator("#status").count() == 0 && Instant.now().isBefore(until)) {
                Thread.sleep(1000);
                page.reload();
            }
            assertEquals(1, page.locator("#status").count(), page.content());
            accessible(page, "a11y-status");
            page.navigate("/schools/" + SCHOOL + "/apply/status?tracking=YSQ20250101-NOTATHNG");
            accessible(page, "a11y-status-not-a-number");
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
