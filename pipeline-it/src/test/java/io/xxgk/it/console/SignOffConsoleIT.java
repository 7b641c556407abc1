package io.xxgk.it.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.xxgk.it.RunningPipeline;
import io.xxgk.stack.DemoData;
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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 一事一审 in a real browser: an administrator sets the school's sign-off mode, a department submits through ingest,
 * the office reviewer (and under TWO_LEVEL the leader) decides on the console's pages, and the public catalogue of
 * publish-service shows exactly what was approved. The demo school's mode is set back to AUTO afterwards (the other
 * ITs publish there without a sign-off).
 */
class SignOffConsoleIT {

    private static final String SCHOOL = RunningPipeline.CONSOLE_SCHOOL;
    private static final String DEPARTMENT = "国有资产与实验室管理处";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static ConsoleBrowser browser;
    private static RunningPipeline pipeline;
    private static String reviewer;
    private static String leader;
    private static String key;

    @BeforeAll
    static void start() {
        pipeline = RunningPipeline.get();
        browser = ConsoleBrowser.get();
        reviewer = pipeline.consoleAccount("reviewer").username();
        leader = pipeline.consoleAccount("leader").username();
        key = pipeline.issueKey(SCHOOL, DEPARTMENT);
    }

    @AfterAll
    static void backToAuto() {
        setMode("AUTO", "自动", "admin-sign-off-auto");
    }

    @Test
    void officeReviewerApprovesCorrectsAndWithholds() throws Exception {
        setMode("OFFICE", "信息公开办公室审核", "admin-sign-off-office");
        String approved = submit("株洲师范高等专科学校2025年实验室设备采购项目招标公告", "欢迎符合条件的供应商参加投标。", "PROCUREMENT_NOTICE");
        String corrected = submit("株洲师范高等专科学校2025年实训楼维修工程采购公告", "本项目采用公开招标方式。", "PROCUREMENT_NOTICE");
        String withheld = submit("关于张三同学申请困难补助的情况说明",
                "张三，身份证号 410102200001011029，联系电话 13812345678，家庭困难，申请补助。", "OTHER");

        Page page = signIn("office", "reviewer", 1280);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("审核 Review")).click();
        assertThat(page.locator("h1")).containsText("审核队列");
        assertThat(page.locator("#stage")).containsText("信息公开办公室审核");
        awaitRow(page, approved);
        awaitRow(page, corrected);
        awaitRow(page, withheld);
        Locator pd = page.locator("tr[data-item='" + withheld + "']");
        assertThat(pd).containsText("含个人信息");
        assertThat(pd.locator("input[type=checkbox]")).hasCount(0); // personal data: never in a batch
        Locator row = page.locator("tr[data-item='" + approved + "']");
        assertThat(row).containsText(DEPARTMENT);
        assertThat(row).containsText("学校要求逐项审核");
        assertThat(row.locator("td.num")).containsText("%");
        shot(page, "review-queue-office-1280");

        // the withheld one first: personal data marked in the original, masked in the public copy
        openItem(page, withheld);
        assertThat(page.locator("#original mark").first()).isVisible();
        assertThat(page.locator("#original")).containsText("410102200001011029");
        assertThat(page.locator("#public-copy")).not().containsText("410102200001011029");
        assertThat(page.locator("#public-copy")).not().containsText("13812345678");
        assertThat(page.locator("#findings")).containsText("发现个人信息");
        shot(page, "review-item-personal-data-1280");
        // without the browser's own check the service's refusal is shown in Chinese on the page
        page.evaluate("document.querySelector('#withhold').noValidate = true");
        page.locator("#withhold button[type=submit]").click();
        assertThat(page.locator("#refusal")).containsText("不予公开须选择法定理由");
        assertThat(page.locator("body")).not().containsText("Exception");
        shot(page, "review-item-refused-1280");
        page.getByLabel("法定理由").selectOption("PERSONAL_PRIVACY");
        page.locator("#withhold-note").fill("涉及学生个人隐私");
        page.locator("#withhold button[type=submit]").click();
        assertThat(page.locator("#done")).containsText("已决定不予公开");
        assertThat(page.locator("#status")).containsText("不予公开");
        Locator step = page.locator("#history tr.step.WITHHOLD");
        assertThat(step).containsText(reviewer);
        assertThat(step).containsText("审核人");
        assertThat(step).containsText("涉及个人隐私");
        assertThat(page.locator("#decide")).hasCount(0);
        shot(page, "review-item-withheld-1280");

        // approve as suggested
        page.navigate("/review");
        openItem(page, approved);
        String suggested = page.locator("#suggested-item .itemno").textContent().trim();
        shot(page, "review-item-1280");
        page.locator("#approve button[type=submit]").click();
        assertThat(page.locator("#done")).containsText("已同意");
        assertThat(page.locator("#status")).containsText("已同意，公开");
        assertThat(page.locator("#history tr.step.APPROVE")).containsText(reviewer);
        JsonNode published = awaitPublic(approved);
        assertEquals(suggested, published.path("checklistItem").path("number").asText());

        // correct the checklist item: publish files it under the new one
        page.navigate("/review");
        openItem(page, corrected);
        String before = page.locator("#suggested-item .itemno").textContent().trim();
        String target = "19".equals(before) ? "20" : "19";
        page.locator("#checklistItem").selectOption(target);
        page.locator("#correct button[type=submit]").click();
        assertThat(page.locator("#done")).containsText("已更正清单事项");
        assertThat(page.locator("#history tr.step.CORRECT")).containsText("→ " + target + ".");
        JsonNode correctedItem = awaitPublic(corrected);
        assertEquals(Integer.parseInt(target), correctedItem.path("checklistItem").path("number").asInt());
        JsonNode entries = pipeline.get(publish() + "/api/v1/schools/" + SCHOOL
                + "/items?checklistItem=" + target + "&limit=100");
        assertTrue(entries.toString().contains(corrected), entries.toString());

        // the withheld one never appears: not as an item, not in the catalogue, not in search
        assertEquals(404, status(publish() + "/api/v1/schools/" + SCHOOL + "/items/" + withheld));
        JsonNode catalogue = pipeline.get(publish() + "/api/v1/schools/" + SCHOOL + "/catalogue");
        assertFalse(catalogue.toString().contains(withheld));
        JsonNode search = pipeline.get(publish() + "/api/v1/schools/" + SCHOOL + "/items?q="
                + URLEncoder.encode("困难补助", StandardCharsets.UTF_8));
        assertFalse(search.toString().contains(withheld), search.toString());

        // narrow screen: the queue and a review page stay usable at 390 px
        Page phone = signIn("office", "reviewer", 390);
        phone.navigate("/review/" + SCHOOL + "/" + withheld + "/1");
        assertThat(phone.locator("#history")).containsText(reviewer);
        shot(phone, "review-item-withheld-390");
        phone.navigate("/review");
        shot(phone, "review-queue-390");
        phone.context().close();
        page.context().close();
    }

    @Test
    void twoLevelNeedsTheLeaderAfterTheReviewer() throws Exception {
        setMode("TWO_LEVEL", "两级审核", "admin-sign-off-two-level");
        String id = submit("株洲师范高等专科学校2025年部门预算公开说明", "本年度部门预算收入总计如下。", "BUDGET");

        Page office = signIn("two-level", "reviewer", 1280);
        office.navigate("/review");
        awaitRow(office, id);
        openItem(office, id);
        assertThat(office.locator("#meta")).containsText("两级审核");
        assertThat(office.locator("#approve")).containsText("送分管领导审定");
        office.locator("#approve textarea").fill("内容无误，请领导审定");
        office.locator("#approve button[type=submit]").click();
        assertThat(office.locator("#status")).containsText("待分管领导审定");
        assertThat(office.locator("#cannot-decide")).containsText("待分管领导审定");
        assertThat(office.locator("#decide")).hasCount(0);
        shot(office, "review-two-level-after-office-1280");

        // the reviewer cannot take the leader's step, even by posting the form directly
        // (the same approval again would be the reviewer's own retry; taking another decision is the leader's step)
        // a form the page does not offer, built in the browser with the page's CSRF token, as a person could craft it
        office.evaluate("path => { const f = document.createElement('form'); f.method = 'post'; f.action = path;"
                + " const t = document.querySelector(\"input[name='csrf-token']\").cloneNode();"
                + " const a = document.createElement('input'); a.type = 'hidden'; a.name = 'action'; a.value = 'RETURN';"
                + " const n = document.createElement('input'); n.type = 'hidden'; n.name = 'note'; n.value = '审核人想退回';"
                + " f.append(t, a, n); document.body.append(f); f.submit(); }",
                "/review/" + SCHOOL + "/" + id + "/1/decision");
        office.waitForLoadState();
        assertThat(office.locator("#refusal")).containsText("审核人不能代为审定");
        assertThat(office.locator("#status")).containsText("待分管领导审定");
        shot(office, "review-two-level-reviewer-refused-1280");
        Thread.sleep(2000);
        assertEquals(404, status(publish() + "/api/v1/schools/" + SCHOOL + "/items/" + id));
        office.navigate("/review");
        assertThat(office.locator("tr[data-item='" + id + "']")).hasCount(0);
        office.context().close();

        Page lead = signIn("two-level", "leader", 1280);
        lead.navigate("/review");
        assertThat(lead.locator("#stage")).containsText("分管领导审定");
        awaitRow(lead, id);
        shot(lead, "review-queue-leader-1280");
        lead.setViewportSize(390, 844);
        shot(lead, "review-queue-leader-390");
        lead.setViewportSize(1280, 900);
        openItem(lead, id);
        shot(lead, "review-item-leader-1280");
        lead.locator("#approve button[type=submit]").click();
        assertThat(lead.locator("#status")).containsText("已同意，公开");
        Locator steps = lead.locator("#history tr.step");
        assertThat(steps).hasCount(2);
        assertThat(steps.nth(0)).containsText(reviewer);
        assertThat(steps.nth(0)).containsText("审核人");
        assertThat(steps.nth(0)).containsText("内容无误，请领导审定");
        assertThat(steps.nth(1)).containsText(leader);
        assertThat(steps.nth(1)).containsText("分管领导");
        shot(lead, "review-item-leader-approved-1280");
        awaitPublic(id);
        lead.setViewportSize(390, 900);
        shot(lead, "review-item-leader-approved-390");
        lead.context().close();
    }

    // ---- helpers

    private static void setMode(String mode, String label, String screenshot) {
        Page admin = signIn("sign-off-mode", "admin", 1280);
        admin.navigate("/admin/sign-off");
        assertThat(admin.locator("#mode-form")).containsText("每一项信息先经信息公开办公室审核，再由分管领导审定");
        admin.locator("#mode-" + mode).check();
        admin.locator("#mode-form button[type=submit]").click();
        assertThat(admin.locator("#done")).containsText("审核模式已保存");
        assertThat(admin.locator("#current")).containsText(label);
        assertThat(admin.locator("#current")).containsText("admin");
        shot(admin, screenshot);
        admin.setViewportSize(390, 900);
        shot(admin, screenshot + "-390");
        admin.context().close();
    }

    private static String submit(String title, String body, String kind) {
        String id = "so-" + UUID.randomUUID();
        HttpResponse<String> r = pipeline.postItem(key, Map.of("id", id, "schoolCode", SCHOOL,
                "department", DEPARTMENT, "title", title, "kind", kind, "producedDate", "2025-04-01", "body", body));
        assertEquals(202, r.statusCode(), r.body());
        return id;
    }

    private static void awaitRow(Page page, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.reload();
            return page.locator("tr[data-item='" + id + "']").count() == 1;
        });
    }

    private static JsonNode awaitPublic(String id) {
        String url = publish() + "/api/v1/schools/" + SCHOOL + "/items/" + id;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> status(url) == 200);
        try {
            return pipeline.get(url);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A signed-in window of the demo account of {@code role}; closed with {@code page.context().close()}. */
    private static Page signIn(String test, String role, int width) {
        DemoData.ConsoleAccount account = pipeline.consoleAccount(role);
        Page page = browser.open("review-" + test, width).signIn(account).page;
        assertThat(page.locator("header .who")).containsText(account.displayName());
        return page;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleBrowser.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Clicks the item's title in the queue; a refusal on the review page fails the test with its text. */
    private static void openItem(Page page, String id) {
        page.locator("tr[data-item='" + id + "'] a").click();
        page.waitForURL("**/review/" + SCHOOL + "/" + id + "/1");
        if (page.locator("#refusal").count() > 0) {
            shot(page, "review-item-refused-" + id);
            throw new AssertionError("review page refused: " + page.locator("#refusal").innerText());
        }
        assertThat(page.locator("#meta")).isVisible();
    }

    private static String publish() {
        return pipeline.url(Pipeline.Service.PUBLISH);
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
