package io.xxgk.it.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.xxgk.it.RunningPipeline;
import io.xxgk.stack.DemoData;
import io.xxgk.stack.Pipeline;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in to the console in a real browser (Chromium through Playwright), as each role of the demo school: what a
 * person sees, types and clicks. Screenshots of every page in {@code target/screenshots/}.
 */
class ConsoleSignInIT {

    private final ConsoleBrowser browser = ConsoleBrowser.get();
    private final RunningPipeline pipeline = RunningPipeline.get();

    @Test
    void eachRoleSignsInAndSeesItsNavigation() {
        Map<String, List<String>> expected = Map.of(
                "editor", List.of("我的工作台 Dashboard", "覆盖与期限 Coverage"),
                "reviewer", List.of("我的工作台 Dashboard", "审核 Review", "覆盖与期限 Coverage", "年度报告 Annual report"),
                "leader", List.of("我的工作台 Dashboard", "审核 Review", "覆盖与期限 Coverage", "年度报告 Annual report"),
                "operator", List.of("我的工作台 Dashboard", "运行监控 Operations"),
                "admin", List.of("我的工作台 Dashboard", "覆盖与期限 Coverage", "年度报告 Annual report", "运行监控 Operations",
                        "账户 Accounts", "API 密钥 API keys", "审核流程 Sign-off mode"));
        for (String role : List.of("editor", "reviewer", "leader", "operator", "admin")) {
            DemoData.ConsoleAccount account = pipeline.consoleAccount(role);
            try (ConsoleBrowser.Session s = browser.open("signin")) {
                s.signIn(account);
                assertTrue(s.page.url().endsWith("/"), role + " lands on the dashboard, not " + s.page.url());
                assertEquals(expected.get(role), s.navigation(), role);
                assertTrue(s.page.locator("header .who").innerText().contains(account.displayName()), role);
                assertTrue(s.page.locator("header .who").innerText().contains(account.roleZh()), role);
                s.screenshot("dashboard-" + role);
            }
        }
        try (ConsoleBrowser.Session s = browser.open("signin", 390)) {
            s.page.navigate("/login");
            s.screenshot("login-390");
            s.signIn(pipeline.consoleAccount("admin"));
            s.screenshot("dashboard-admin-390");
            assertTrue(s.page.locator("header nav").isVisible());
        }
    }

    @Test
    void aWrongPasswordShowsTheChineseError() {
        try (ConsoleBrowser.Session s = browser.open("signin")) {
            s.page.navigate("/");
            assertTrue(s.page.url().endsWith("/login"), "a page asks for a sign-in first: " + s.page.url());
            s.screenshot("login");
            s.signIn(pipeline.consoleAccount("reviewer").username(), "not-the-password");
            assertTrue(s.page.getByRole(AriaRole.ALERT).innerText().contains("用户名或密码错误"), s.page.content());
            assertEquals(0, s.page.locator("header nav").count());
            s.screenshot("login-wrong-password");
        }
    }

    @Test
    void fiveFailuresLockTheAccountAndTheRightPasswordWaits() {
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "Lock-test-password-1";
        try (ConsoleBrowser.Session admin = browser.open("signin").signIn(pipeline.consoleAccount("admin"))) {
            createAccount(admin, username, "operator", "", password);
        }
        try (ConsoleBrowser.Session s = browser.open("signin")) {
            for (int i = 1; i <= 5; i++) {
                s.signIn(username, "wrong-password-" + i);
            }
            assertTrue(s.page.getByRole(AriaRole.ALERT).innerText().contains("账户已锁定"), s.page.content());
            s.signIn(username, password);
            assertTrue(s.page.url().contains("/login"), "still locked with the right password: " + s.page.url());
            assertTrue(s.page.getByRole(AriaRole.ALERT).innerText().contains("15 分钟"));
            s.screenshot("login-locked");
        }
        try (ConsoleBrowser.Session admin = browser.open("signin").signIn(pipeline.consoleAccount("admin"))) {
            admin.page.navigate("/admin/accounts");
            String row = admin.page.locator("tr[data-username=\"" + username + "\"]").innerText();
            assertTrue(row.contains("已锁定"), row);
            String log = admin.page.locator("#sign-ins").innerText();
            assertTrue(log.contains(username) && log.contains("账户已锁定"), log);
            admin.screenshot("admin-accounts-locked");
        }
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        String username = "nocsrf-" + UUID.randomUUID().toString().substring(0, 6);
        try (ConsoleBrowser.Session admin = browser.open("signin").signIn(pipeline.consoleAccount("admin"))) {
            admin.page.navigate("/admin/accounts");
            admin.page.evaluate("document.querySelector('#new-account input[name=\"csrf-token\"]').remove()");
            fillAccountForm(admin.page, username, "reviewer", "", "No-csrf-password-1");
            admin.page.locator("#new-account button[type=submit]").click();
            admin.page.waitForLoadState();
            assertTrue(admin.page.locator("body").innerText().contains("表单已失效"), admin.page.content());
            admin.screenshot("csrf-refused");
            admin.page.navigate("/admin/accounts");
            assertEquals(0, admin.page.locator("tr[data-username=\"" + username + "\"]").count(), "no account was created");
        }
    }

    @Test
    void anEditorsDashboardShowsOnlyTheirDepartment() throws Exception {
        String own = "it-own-" + UUID.randomUUID();
        String other = "it-other-" + UUID.randomUUID();
        String ownTitle = "株洲师范高等专科学校2025年招生宣传资料印刷服务采购项目招标公告 " + own.substring(7, 13);
        String otherTitle = "株洲师范高等专科学校2025年实训室设备采购项目招标公告 " + other.substring(9, 15);
        post(RunningPipeline.CONSOLE_DEPARTMENT, own, ownTitle);
        post("采购与招标管理处", other, otherTitle);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            // each by its own page: other ITs of this JVM (ChaosIT) publish thousands of newer zzsz items
            for (String id : List.of(own, other)) {
                JsonNode item = pipeline.get(pipeline.url(Pipeline.Service.PUBLISH) + "/api/v1/schools/zzsz/items/" + id);
                assertEquals(id, item.path("id").asText(), "published: " + id);
            }
        });

        try (ConsoleBrowser.Session s = browser.open("dashboard").signIn(pipeline.consoleAccount("editor"))) {
            assertTrue(s.page.locator("#scope").innerText().contains(RunningPipeline.CONSOLE_DEPARTMENT));
            String recent = s.page.locator("#recent").innerText();
            assertTrue(recent.contains(ownTitle), recent);
            assertFalse(recent.contains(otherTitle), "another department's item on the editor's dashboard: " + recent);
            for (String department : s.page.locator("#recent td.dept").allInnerTexts()) {
                assertEquals(RunningPipeline.CONSOLE_DEPARTMENT, department.trim());
            }
            s.screenshot("editor");
        }
        try (ConsoleBrowser.Session s = browser.open("dashboard").signIn(pipeline.consoleAccount("reviewer"))) {
            // the office's list is the whole school's newest (in the full suite, other ITs' items may be newer than ours)
            java.util.Set<String> departments = new java.util.HashSet<>();
            for (String department : s.page.locator("#recent td.dept").allInnerTexts()) {
                departments.add(department.trim());
            }
            assertFalse(departments.isEmpty(), "the office's list is empty");
            assertNotEquals(java.util.Set.of(RunningPipeline.CONSOLE_DEPARTMENT), departments,
                    "the office sees the whole school, not one department: " + departments);
            s.screenshot("reviewer");
        }
    }

    @Test
    void anAdministratorCreatesAnAccountThatCanSignIn() {
        String username = "new-editor-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "New-editor-password-1";
        try (ConsoleBrowser.Session admin = browser.open("admin").signIn(pipeline.consoleAccount("admin"))) {
            createAccount(admin, username, "editor", "财务处", password);
            assertTrue(admin.page.getByRole(AriaRole.STATUS).first().innerText().contains("账户已创建"));
            String row = admin.page.locator("tr[data-username=\"" + username + "\"]").innerText();
            assertTrue(row.contains(username), row);
            assertEquals("财务处", admin.page.locator("tr[data-username=\"" + username + "\"] input[name=department]").inputValue());
            admin.screenshot("accounts");
            admin.page.navigate("/admin/api-keys");
            admin.screenshot("api-keys");
        }
        try (ConsoleBrowser.Session s = browser.open("admin").signIn(username, password)) {
            assertEquals(List.of("我的工作台 Dashboard", "覆盖与期限 Coverage"), s.navigation());
            assertTrue(s.page.locator("#scope").innerText().contains("财务处"));
            s.screenshot("new-editor-dashboard");
        }
    }

    @Test
    void anAdministratorIssuesAnApiKeyThatIsShownOnceAndWorks() throws Exception {
        try (ConsoleBrowser.Session admin = browser.open("admin").signIn(pipeline.consoleAccount("admin"))) {
            admin.page.navigate("/admin/api-keys");
            admin.page.getByLabel("部门").fill("图书馆");
            admin.page.getByLabel("备注").fill("浏览器测试");
            admin.page.locator("#issue-key button[type=submit]").click();
            admin.page.waitForLoadState();
            String key = admin.page.locator("#key-value").inputValue();
            assertTrue(key.length() > 20, key);
            admin.screenshot("api-key-issued");
            HttpResponse<String> posted = pipeline.postItem(key, Map.of("id", "it-key-" + UUID.randomUUID(), "schoolCode", "zzsz",
                    "department", "图书馆", "title", "图书馆2025年数据库采购项目招标公告", "kind", "PROCUREMENT_NOTICE",
                    "producedDate", "2025-04-01"));
            assertEquals(202, posted.statusCode(), posted.body());

            admin.page.navigate("/admin/api-keys");
            assertEquals(0, admin.page.locator("#key-value").count(), "the secret is shown once only");
            String prefix = key.substring(0, 8);
            assertTrue(admin.page.locator("#keys").innerText().contains("图书馆"));
            admin.page.locator("#keys tr", new Page.LocatorOptions().setHasText("浏览器测试"))
                    .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("吊销")).first().click();
            admin.page.waitForLoadState();
            assertTrue(admin.page.locator("#keys tr", new Page.LocatorOptions().setHasText("浏览器测试")).first().innerText().contains("已吊销"),
                    "prefix " + prefix);
            HttpResponse<String> refused = pipeline.postItem(key, Map.of("id", "it-key-" + UUID.randomUUID(), "schoolCode", "zzsz",
                    "department", "图书馆", "title", "图书馆2025年期刊采购", "kind", "PROCUREMENT_NOTICE", "producedDate", "2025-04-01"));
            assertEquals(401, refused.statusCode(), refused.body());
        }
    }

    private static void createAccount(ConsoleBrowser.Session admin, String username, String role, String department, String password) {
        admin.page.navigate("/admin/accounts");
        fillAccountForm(admin.page, username, role, department, password);
        admin.page.locator("#new-account button[type=submit]").click();
        admin.page.waitForLoadState();
    }

    private static void fillAccountForm(Page page, String username, String role, String department, String password) {
        page.locator("#new-account").getByLabel("用户名").fill(username);
        page.locator("#new-account").getByLabel("姓名").fill("测试 " + username);
        page.locator("#new-account").getByLabel("角色").selectOption(role);
        page.locator("#new-account").getByLabel("部门").fill(department);
        page.locator("#new-account").getByLabel("初始密码").fill(password);
    }

    private void post(String department, String id, String title) {
        String key = pipeline.issueKey("zzsz", department);
        HttpResponse<String> r = pipeline.postItem(key, Map.of("id", id, "schoolCode", "zzsz", "department", department,
                "title", title, "kind", "PROCUREMENT_NOTICE", "producedDate", "2025-04-01", "body", "欢迎符合条件的供应商参加投标。"));
        assertEquals(202, r.statusCode(), r.body());
    }
}
