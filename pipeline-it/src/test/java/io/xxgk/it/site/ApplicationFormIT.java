package io.xxgk.it.site;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.xxgk.it.RunningPipeline;
import io.xxgk.stack.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * searched for the applicant's personal data. Screenshots: {@code target/screenshots/apply-*.png}.
 */
class ApplicationFormIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("XXGK_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String SCHOOL = "zzsz";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Playwright playwright;
    static Browser browser;
    static String publish;

    @BeforeAll
    static void start() {
        publish = RunningPipeline.get().url(Pipeline.Service.PUBLISH);
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium (.ci/run does)");
        }
        System.setProperty("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A window {@code width} px wide; without JavaScript unless a test must change the page itself. */
    static BrowserContext window(int width, boolean javaScript) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, width < 600 ? 844 : 900)
                .setLocale("zh-CN").setBaseURL(publish).setJavaScriptEnabled(javaScript));
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("apply-" + name + ".png")).setFullPage(true));
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
            // styled as the rest of the site (the site's Content-Security-Policy refuses inline styles)
            assertEquals("rgb(139, 26, 26)", page.locator("header.site").evaluate("e => getComputedStyle(e).backgroundColor"));
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
            screenshot(page, "05-too-long-390");
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
