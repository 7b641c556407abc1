package io.xxgk.it.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.xxgk.it.RunningPipeline;
import io.xxgk.stack.DemoData;
import io.xxgk.stack.Pipeline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage and deadlines in a real browser, on the shared stack and console: a department editor sees their own
 * department's list first and a 403 page for another department's; an office reviewer marks an item 本校不涉及 with
 * its reason, the table shows it and publish's public statistics count it, and the mark can be taken away again.
 */
class CoverageIT {

    /** 校办企业资产、负债、国有资产保值增值等信息: a school without enterprises marks it 本校不涉及. */
    private static final int ITEM = 17;

    private final ConsoleBrowser browser = ConsoleBrowser.get();
    private final RunningPipeline pipeline = RunningPipeline.get();

    @Test
    void anEditorSeesTheirOwnDepartmentFirstAndIsRefusedAnother() {
        String own = RunningPipeline.CONSOLE_DEPARTMENT;
        try (ConsoleBrowser.Session s = browser.open("coverage").signIn(pipeline.consoleAccount("editor"))) {
            Page page = s.page;
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("覆盖与期限 Coverage")).click();
            page.waitForURL("**/coverage");
            assertTrue(page.locator("h1").innerText().contains("清单覆盖与期限"), page.locator("h1").innerText());

            // the editor's own department comes first: its own section above the school's, and first in the table
            assertEquals("本部门：" + own + " My department", page.locator("#mine-h").innerText().replaceAll("\\s+", " ").trim());
            assertTrue(page.locator("#mine").boundingBox().y < page.locator("#school").boundingBox().y, "own list above the school's");
            List<String> mineItems = page.locator("#mine tr[data-item] td.num").allInnerTexts().stream().map(String::trim).toList();
            assertTrue(mineItems.containsAll(List.of("7", "9")), "招生就业处's items 7 and 9: " + mineItems);
            for (String dept : page.locator("#mine tr[data-item] td:nth-child(3)").allInnerTexts()) {
                assertEquals(own, dept.trim(), "only the own department's items in the own list");
            }
            assertEquals(own, page.locator("#departments tbody tr").first().locator("td").first().innerText().trim());
            assertTrue(page.locator("#school tr[data-item]").count() >= 40, "the whole school's list is there too");
            assertEquals(0, page.locator("form[action^='/coverage/not-applicable']").count(), "an editor cannot mark 不涉及");
            s.screenshot("01-editor");
            page.setViewportSize(390, 844);
            s.screenshot("01-editor-390");
            page.setViewportSize(1280, 900);

            page.locator("#departments tbody tr").first().locator("a").click();
            page.waitForURL("**/coverage/%E6%8B%9B%E7%94%9F%E5%B0%B1%E4%B8%9A%E5%A4%84");
            assertTrue(page.locator("h1").innerText().startsWith(own), page.locator("h1").innerText());
            assertTrue(page.locator("#department tr[data-item='7']").innerText().contains("招生章程"));
            s.screenshot("02-own-department");

            Response refused = page.navigate("/coverage/%E8%B4%A2%E5%8A%A1%E5%A4%84");
            assertEquals(403, refused.status());
            assertTrue(page.locator("h1").innerText().contains("无权查看"), page.locator("h1").innerText());
            assertTrue(page.getByRole(AriaRole.ALERT).innerText().contains("只能查看本部门（" + own + "）"),
                    page.getByRole(AriaRole.ALERT).innerText());
            assertEquals(0, page.locator("table.coverage").count(), "nothing of 财务处's list is shown");
            s.screenshot("03-other-department-403");
        }
    }

    @Test
    void aReviewerMarksAnItemNotApplicableAndTheTableShowsIt() throws Exception {
        DemoData.ConsoleAccount reviewer = pipeline.consoleAccount("reviewer");
        String reason = "学校无校办企业";
        try (ConsoleBrowser.Session s = browser.open("coverage").signIn(reviewer)) {
            Page page = s.page;
            page.navigate("/coverage");
            Locator row = page.locator("#item-" + ITEM);
            assertNotEquals("NOT_APPLICABLE", row.getAttribute("data-status"));
            int before = Integer.parseInt(notApplicableCount(page));
            String year = page.locator("#period").inputValue();

            // a blank reason (the browser's own check taken away) comes back from publish-service as a field error
            page.evaluate("document.getElementById('reason-" + ITEM + "').removeAttribute('required')");
            row.getByLabel("第" + ITEM + "项不涉及的原因").fill("   ");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("标记不涉及")).click();
            page.waitForLoadState();
            assertTrue(page.getByRole(AriaRole.ALERT).innerText().contains("原因"), page.getByRole(AriaRole.ALERT).innerText());
            assertNotEquals("NOT_APPLICABLE", page.locator("#item-" + ITEM).getAttribute("data-status"));
            s.screenshot("04-reason-missing");

            page.navigate("/coverage");
            row = page.locator("#item-" + ITEM);
            row.getByLabel("第" + ITEM + "项不涉及的原因").fill(reason);
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("标记不涉及")).click();
            page.waitForURL("**/coverage?done=marked*");
            assertTrue(page.getByRole(AriaRole.STATUS).first().innerText().contains("已标记为本校不涉及"));
            row = page.locator("#item-" + ITEM);
            assertEquals("NOT_APPLICABLE", row.getAttribute("data-status"));
            assertEquals("本校不涉及", row.locator(".badge").innerText().trim());
            assertTrue(row.locator(".reason").innerText().contains(reason), row.innerText());
            assertTrue(row.locator("td.status").innerText().contains(reviewer.username()), "who marked it: " + row.innerText());
            assertEquals(Integer.toString(before + 1), notApplicableCount(page));
            assertTrue(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取消标记")).isVisible());
            s.screenshot("05-marked");

            // publish's public statistics count it, with the reason
            JsonNode stat = checklistItem(year);
            assertEquals("NOT_APPLICABLE", stat.path("status").asText(), stat.toString());
            assertEquals(reason, stat.path("notApplicableReason").asText(), stat.toString());

            // and the mark can be taken away again (the stack is shared with other tests)
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取消标记")).click();
            page.waitForURL("**/coverage?done=unmarked*");
            assertTrue(page.getByRole(AriaRole.STATUS).first().innerText().contains("已取消本校不涉及标记"));
            assertNotEquals("NOT_APPLICABLE", page.locator("#item-" + ITEM).getAttribute("data-status"));
            assertEquals(Integer.toString(before), notApplicableCount(page));
            assertNotEquals("NOT_APPLICABLE", checklistItem(year).path("status").asText());
        }
    }

    /** The 不涉及 figure of the school's summary, as shown. */
    private static String notApplicableCount(Page page) {
        return page.locator("#school dl.figures div", new Page.LocatorOptions().setHasText("不涉及")).locator("dd").innerText().trim();
    }

    private JsonNode checklistItem(String year) throws Exception {
        JsonNode stats = pipeline.get(pipeline.url(Pipeline.Service.PUBLISH) + "/api/v1/schools/" + RunningPipeline.CONSOLE_SCHOOL
                + "/statistics?year=" + year);
        return StreamSupport.stream(stats.path("byChecklistItem").spliterator(), false)
                .filter(i -> i.path("number").asInt() == ITEM).findFirst().orElseThrow(() -> new AssertionError(stats.toString()));
    }
}
