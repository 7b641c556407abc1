package io.xxgk.it.console;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.xxgk.it.RunningPipeline;
import io.xxgk.stack.DemoData;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The annual report in a real browser: the office reviewer fills in the blanks and the year-end figures, which the
 * form writes through publish's year-end API (a bad figure comes back with its field error and the text kept), freezes it; only the leader can approve; the approved
 * DOCX is downloaded and opened, and holds the figures; the submission to the provincial education department is
 * recorded, and the history lists who did what.
 */
class AnnualReportIT {

    static final int YEAR = 2021;

    @Test
    void filledFrozenApprovedDownloadedAndSubmitted() throws Exception {
        ConsoleBrowser c = ConsoleBrowser.get();
        DemoData.ConsoleAccount reviewerAccount = RunningPipeline.get().consoleAccount("reviewer");
        DemoData.ConsoleAccount leaderAccount = RunningPipeline.get().consoleAccount("leader");
        String report = c.baseUrl() + "/report/" + YEAR;

        ConsoleBrowser.Session reviewerSession = c.open("report", 1280).signIn(reviewerAccount);
        Page reviewer = reviewerSession.page;
        assertTrue(reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("年度报告")).isVisible(), "nav link");
        reviewer.navigate(report);
        assertEquals("草稿（填写中）", reviewer.locator("#state").textContent().trim());
        assertTrue(reviewer.locator("#unfilled").textContent().contains("未填写"));
        assertEquals(0, reviewer.locator("#download-docx").count(), "no final version before freezing");
        reviewerSession.screenshot("01-draft");

        // fill every blank the report asks for, and the figures; one figure is inconsistent
        Locator blanks = reviewer.locator("#report-form textarea");
        for (int i = 0; i < blanks.count(); i++) {
            Locator t = blanks.nth(i);
            t.fill(switch (t.getAttribute("name")) {
                case "prose.overview" -> "学校成立信息公开工作领导小组，信息公开办公室牵头联络，各职能部门各负其责。";
                case "prose.problems" -> "各部门之间信息的共建共享水平需进一步提高。";
                case "prose.otherMatters" -> "无";
                default -> "已按要求开展相关工作。";
            });
        }
        reviewer.getByLabel("微信公众号推送信息").fill("92");
        reviewer.getByLabel("微信公众号关注人数").fill("23500");
        reviewer.getByLabel("微信公众号总阅读量").fill("771759");
        reviewer.locator("[id='figures.otherMeetings']").fill("45");
        reviewer.locator("[id='figures.partyCommitteeMeetings']").fill("10余");
        reviewer.locator("[id='figures.mediaReports']").fill("10");
        reviewer.getByLabel("其中国家级媒体报道").fill("12");
        reviewer.getByLabel("满意度调查参与人数").fill("860");
        reviewer.locator("[id='figures.surveySatisfactionPercent']").fill("92.5");
        reviewer.locator("#save").click();
        Locator error = reviewer.locator("[id='figures.nationalMediaReports-error']");
        assertTrue(error.textContent().contains("不能大于"), error.textContent());
        assertEquals("学校成立信息公开工作领导小组，信息公开办公室牵头联络，各职能部门各负其责。",
                reviewer.locator("[id='prose.overview']").inputValue(), "the text entered is kept");
        reviewerSession.screenshot("02-field-error");

        reviewer.locator("[id='figures.mediaReports']").fill("132");
        reviewer.locator("#save").click();
        reviewer.waitForURL(report + "?done=saved");
        assertTrue(reviewer.locator("#unfilled").textContent().contains("已全部填写"));
        assertEquals("23500", reviewer.locator("[id='figures.wechatFollowers']").inputValue());
        assertEquals("10余", reviewer.locator("[id='figures.partyCommitteeMeetings']").inputValue(), "an approximate count reads back as typed");

        reviewer.locator("#freeze-note").fill("送分管领导审定");
        reviewer.locator("#freeze").click();
        reviewer.waitForURL(report + "?done=frozen");
        assertEquals("已冻结（待审定）", reviewer.locator("#state").textContent().trim());
        assertEquals(0, reviewer.locator("#approve").count(), "a reviewer has no approve button");
        assertTrue(reviewer.locator("#approve-hint").isVisible());
        assertEquals(0, reviewer.locator("#report-form").count(), "a frozen report cannot be edited");
        reviewerSession.screenshot("03-frozen");

        // the leader approves, on a phone-sized screen
        ConsoleBrowser.Session leaderSession = c.open("report", 390).signIn(leaderAccount);
        Page leader = leaderSession.page;
        leader.navigate(report);
        leader.locator("#approve-note").fill("同意报送");
        leader.locator("#approve").click();
        leader.waitForURL(report + "?done=approved");
        assertEquals("已审定", leader.locator("#state").textContent().trim());
        assertTrue(leader.locator("#approved-line").textContent().contains(leaderAccount.username()));
        leaderSession.screenshot("04-approved-390");
        leaderSession.close();

        // the approved DOCX: opened with POI, it says 已审定 and holds the figures and the text
        reviewer.navigate(report);
        Download docx = reviewer.waitForDownload(() -> reviewer.locator("#download-docx").click());
        assertTrue(docx.suggestedFilename().endsWith(".docx"), docx.suggestedFilename());
        String today = today();
        try (InputStream in = Files.newInputStream(docx.path()); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("株洲师范高等专科学校2020-2021学年信息公开工作年度报告"), text);
            assertTrue(text.contains("已审定：本报告经分管领导" + leaderAccount.username() + "于" + today + "审定。"), text);
            // written through the year-end API, their one source, and read from there
            assertTrue(text.contains("新媒体：微信公众号推送信息92条，微信公众号关注人数23500人，微信公众号总阅读量771759人次"), text);
            assertTrue(text.contains("会议公开：党委会10余次，其他会议45次"), text);
            assertTrue(text.contains("媒体报道：媒体报道132次，其中国家级媒体报道12次"), text);
            assertTrue(text.contains("满意度调查：满意度调查参与人数860人，满意度调查满意率92.5%"), text);
            assertTrue(text.contains("学校成立信息公开工作领导小组，信息公开办公室牵头联络，各职能部门各负其责。"));
            assertTrue(text.contains("各部门之间信息的共建共享水平需进一步提高。"));
            assertFalse(text.contains("【待填写："), "no blank left");
        }
        Download html = reviewer.waitForDownload(() -> reviewer.locator("#download-html").click());
        String page = Files.readString(html.path());
        assertTrue(page.contains("已审定：本报告经分管领导" + leaderAccount.username() + "于" + today + "审定。"));

        // the submission to the provincial education department
        reviewer.locator("#method").selectOption("ONLINE_SYSTEM");
        reviewer.locator("#reference").fill("鄂教信息年报回执 2021-088");
        reviewer.locator("#submit").click();
        reviewer.waitForURL(report + "?done=submitted");
        assertEquals("已报送省教育厅", reviewer.locator("#state").textContent().trim());
        assertTrue(reviewer.locator("#submission-line").textContent().contains("网上报送系统"));
        List<String> actions = reviewer.locator("#history tbody tr td:nth-child(2)").allTextContents();
        List<String> actors = reviewer.locator("#history tbody tr td:nth-child(3)").allTextContents();
        assertEquals(List.of("填写", "冻结", "审定", "报送省教育厅"), actions);
        assertEquals(List.of(reviewerAccount.username(), reviewerAccount.username(), leaderAccount.username(), reviewerAccount.username()), actors);
        reviewerSession.screenshot("05-submitted");

        reviewer.navigate(report + "/preview");
        assertTrue(reviewer.content().contains("已审定"));
        reviewerSession.screenshot("06-preview");
        reviewerSession.close();
    }

    private static String today() {
        LocalDate d = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
