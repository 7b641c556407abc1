package io.xxgk.publish.service.report.workflow;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.service.statistics.Zzsz2022Fixture;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The annual report as a workflow, through the console's endpoints with the console's service account acting for
 * people of each role, on real PostgreSQL and Kafka. School hnxx (湖南信息职业技术学院, school year), which no other
 * test of this module gives data; each test takes its own year, so the tests do not depend on one another.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class AnnualReportWorkflowTest {

    static final String SCHOOL = "hnxx";
    static final String BASE = "/api/v1/console/schools/" + SCHOOL + "/annual-reports/";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Every prose blank (as the seed report of hnxx 2020-2021 writes them), and year-end figures: those are not filled
     * into the report but recorded through the year-end API, their one source, which the report reads.
     */
    static final Map<String, Object> PROSE = new LinkedHashMap<>();
    static final String YEAR_END = """
            {"wechatPosts": 92, "wechatFollowers": 23500, "wechatReads": 771759, "weiboPosts": 40, "otherMeetings": 45,
             "mediaReports": 132, "nationalMediaReports": 12, "trainingSessions": 3, "trainingParticipants": 120,
             "surveyRespondents": 860, "surveySatisfactionPercent": 92.5}
            """;

    static {
        PROSE.put("overview", "学院成立信息公开工作领导小组，全面领导学院信息公开工作。\n信息公开工作办公室设在党政办。");
        PROSE.put("otherChannels", "通过职代会、党委会、院长办公会以会议纪要形式公开学院信息。");
        PROSE.put("missingReasons", "部分事项本学年未发生。");
        PROSE.put("keyAreas", "重点公开招生、财务、人事等信息。");
        PROSE.put("confidentialityReview", "严格执行三查三审制度。");
        PROSE.put("evaluation", "教职工对学院信息公开工作表示满意，评议良好。");
        PROSE.put("newPractices", "开通学院信息公开网，推出手机短信公开渠道。");
        PROSE.put("experience", "加强组织领导，明确责任。");
        PROSE.put("problems", "个别部门信息公开意识不够强。");
        PROSE.put("improvements", "加强学习培训工作。");
        PROSE.put("otherMatters", "无");
        PROSE.put("officeContact", "电话：0731-00000000");
    }

    /** As the console calls: names percent-encoded as UTF-8 (header values are ISO-8859-1). */
    static RequestSpecification as(String name, String role) {
        RequestSpecification r = given().auth().preemptive().basic("console", "console-dev-password")
                .header("X-Xxgk-Actor", ActingUser.headerValue(name)).header("X-Xxgk-Actor-Role", role);
        return "EDITOR".equals(role) ? r.header("X-Xxgk-Actor-Department", ActingUser.headerValue("党政办")) : r;
    }

    static RequestSpecification reviewer() {
        return as("王审核", "REVIEWER");
    }

    static RequestSpecification leader() {
        return as("李校长", "LEADER");
    }

    static Map<String, Object> content() {
        return Map.of("prose", PROSE);
    }

    static ItemClassified item(String id, ItemKind kind, Integer checklistItem, Integer category, LocalDate date) {
        return ItemClassified.builder().itemId(id).revision(1).schoolCode(SCHOOL).department("党政办")
                .title(kind.label() + " " + id).body("正文").kind(kind).producedDate(date).publishedDate(date)
                .channels(List.of(Channel.WEBSITE)).checklistItem(checklistItem).category(category).confidence(0.9)
                .explanation("test").decision(Decision.PUBLISH).classifiedAt(Instant.now()).build();
    }

    static void send(ItemClassified... items) throws Exception {
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            for (ItemClassified e : items) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))).get();
            }
        }
    }

    static void awaitPublished(int year, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().get("/api/v1/schools/" + SCHOOL + "/statistics?year=" + year).then().statusCode(200)
                        .body("published", equalTo(count)));
    }

    private static boolean loaded;

    /** Not @BeforeAll: RestAssured knows the application's port only once a test runs. */
    @BeforeEach
    void items() throws Exception {
        if (loaded) {
            return;
        }
        // school year 2023-2024 (report year 2024): three items
        send(item("hnxx24-rule", ItemKind.RULE, 2, 1, LocalDate.of(2023, 10, 12)),
                item("hnxx24-plan", ItemKind.ENROLLMENT_PLAN, 7, 2, LocalDate.of(2024, 3, 1)),
                item("hnxx24-news", ItemKind.NEWS, null, null, LocalDate.of(2024, 5, 20)));
        awaitPublished(2024, 3);
        reviewer().contentType(ContentType.JSON).body(YEAR_END).put("/api/v1/console/schools/hnxx/year-end-figures/2024")
                .then().statusCode(200);
        loaded = true;
    }

    @Test
    void filledFrozenApprovedDownloadedAndSubmitted() throws Exception {
        String url = BASE + "2024";
        reviewer().get(url).then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("state", equalTo("DRAFT"))
                .body("periodLabel", equalTo("2023-2024学年"))
                .body("unfilled", hasItems("overview", "experience", "problems", "improvements", "otherMatters", "missingReasons"))
                .body("unfilled", not(hasItem("appealsHandling"))) // no complaint, review or lawsuit this year
                .body("allowedActions", contains("fill", "freeze"));

        reviewer().contentType(ContentType.JSON).body(content()).put(url + "/content").then().statusCode(200)
                .body("unfilled", emptyIterable())
                .body("prose.find { it.key == 'overview' }.value", startsWith("学院成立信息公开工作领导小组"))
                .body("figures", nullValue()) // the year-end figures have their own API
                .body("history[0].action", equalTo("FILLED"))
                .body("history[0].actor", equalTo("王审核"))
                .body("history[0].role", equalTo("REVIEWER"))
                .body("history[0].detail", containsString("概述"));

        // the preview is the draft with what was filled in
        String draft = reviewer().get(url + "/preview").then().statusCode(200).contentType("text/html;charset=UTF-8").extract().asString();
        assertTrue(draft.contains("学院成立信息公开工作领导小组，全面领导学院信息公开工作。"));
        // the year-end figures as recorded for the period: 二（二） by group, training in 一, the survey in 四
        assertTrue(draft.contains("本学年新媒体：微信公众号推送信息92条，微信公众号关注人数23500人，微信公众号总阅读量771759人次，官方微博发布信息40条。"), draft);
        assertTrue(draft.contains("本学年会议公开：其他会议45次。"), draft);
        assertTrue(draft.contains("本学年媒体报道：媒体报道132次，其中国家级媒体报道12次。"), draft);
        assertTrue(draft.contains("本学年，信息公开培训：信息公开业务培训3次，参加培训120人次。"), draft);
        assertTrue(draft.contains("本学年，满意度调查：满意度调查参与人数860人，满意度调查满意率92.5%。"), draft);
        assertFalse(draft.contains("【待填写："), "every blank is filled");
        assertTrue(draft.contains("（草稿）"));

        // no final version before freezing; approval and submission wait for it
        reviewer().get(url + "/document?format=docx").then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("state"));
        leader().contentType(ContentType.JSON).body("{}").post(url + "/approve").then().statusCode(409)
                .body("type", equalTo("https://xxgk.io/problems/not-frozen"));

        reviewer().contentType(ContentType.JSON).body(Map.of("note", "送分管领导审定")).post(url + "/freeze").then().statusCode(200)
                .body("state", equalTo("FROZEN"))
                .body("frozen.actor", equalTo("王审核"))
                .body("allowedActions", contains("unfreeze", "download"));
        reviewer().contentType(ContentType.JSON).body(content()).put(url + "/content").then().statusCode(409)
                .body("type", equalTo("https://xxgk.io/problems/report-frozen"));

        // only a leader approves
        reviewer().contentType(ContentType.JSON).body("{}").post(url + "/approve").then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("X-Xxgk-Actor-Role"))
                .body("detail", containsString("分管领导"));
        as("张信息员", "EDITOR").contentType(ContentType.JSON).body("{}").post(url + "/approve").then().statusCode(403);
        // no submission before approval
        reviewer().contentType(ContentType.JSON).body(Map.of("submittedOn", today().toString(), "method", "ONLINE_SYSTEM"))
                .post(url + "/submission").then().statusCode(409)
                .body("type", equalTo("https://xxgk.io/problems/not-approved"));

        // a new item of the year arrives: the live statistics count it, the frozen report does not
        send(item("hnxx24-late", ItemKind.RESEARCH, 41, 7, LocalDate.of(2024, 6, 1)));
        awaitPublished(2024, 4);
        String frozen = reviewer().get(url + "/document").then().statusCode(200).extract().asString();
        assertTrue(frozen.contains("学校共主动公开信息3条"), "frozen count");
        assertFalse(frozen.contains("学校共主动公开信息4条"));
        assertTrue(frozen.contains("送审稿"));
        assertTrue(reviewer().get(url + "/preview").then().statusCode(200).extract().asString().contains("学校共主动公开信息3条"));

        leader().contentType(ContentType.JSON).body(Map.of("note", "同意")).post(url + "/approve").then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("approved.actor", equalTo("李校长"))
                .body("approved.roleLabel", equalTo("分管领导"));
        leader().contentType(ContentType.JSON).body("{}").post(url + "/approve").then().statusCode(409);

        String date = today().getYear() + "年" + today().getMonthValue() + "月" + today().getDayOfMonth() + "日";
        Response docx = reviewer().get(url + "/document?format=docx");
        docx.then().statusCode(200).contentType(equalTo(DOCX))
                .header("Content-Disposition", startsWith("attachment; filename=\"hnxx-2024-annual-report-approved.docx\""));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.asByteArray()))) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("已审定：本报告经分管领导李校长于" + date + "审定。"), text);
            assertTrue(text.contains(date + "（已审定）"));
            assertTrue(text.contains("学校共主动公开信息3条"));
            // the year-end figures as recorded for the period (their one source)
            assertTrue(text.contains("本学年新媒体：微信公众号推送信息92条，微信公众号关注人数23500人，微信公众号总阅读量771759人次，官方微博发布信息40条。"), text);
            assertTrue(text.contains("本学年会议公开：其他会议45次。"), text);
            assertTrue(text.contains("本学年媒体报道：媒体报道132次，其中国家级媒体报道12次。"), text);
            assertTrue(text.contains("本学年，满意度调查：满意度调查参与人数860人，满意度调查满意率92.5%。"), text);
            assertTrue(text.contains("本学年，信息公开培训：信息公开业务培训3次，参加培训120人次。"), text);
            assertTrue(text.contains("信息公开工作办公室设在党政办。"));
            assertTrue(text.contains("个别部门信息公开意识不够强。"));
            assertFalse(text.contains("【待填写"));
            assertFalse(text.contains("草稿"));
        }
        String html = reviewer().get(url + "/document?format=html").then().statusCode(200).contentType("text/html;charset=UTF-8")
                .extract().asString();
        assertTrue(html.contains("已审定：本报告经分管领导李校长于" + date + "审定。"));
        assertTrue(html.contains("关注人数23500人"));
        assertTrue(html.contains("<h3>（一）新做法新举措</h3>\n<p>开通学院信息公开网，推出手机短信公开渠道。</p>"), html);
        assertTrue(html.contains("请联系湖南信息职业技术学院信息公开工作办公室（电话：0731-00000000）。"));

        // issue 11: the approved report is frozen byte for byte: a second download is identical, also after a new
        // item of the year arrives and through another base address
        byte[] docxBytes = docx.asByteArray();
        byte[] htmlBytes = reviewer().get(url + "/document?format=html").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(docxBytes, reviewer().get(url + "/document?format=docx").then().statusCode(200).extract().asByteArray());
        send(item("hnxx24-after-approval", ItemKind.RULE, 38, 6, LocalDate.of(2024, 7, 1)));
        awaitPublished(2024, 5);
        assertArrayEquals(docxBytes, reviewer().get(url + "/document?format=docx").then().statusCode(200).extract().asByteArray());
        assertArrayEquals(htmlBytes, reviewer().header("X-Forwarded-Host", "elsewhere.example").get(url + "/document?format=html")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(reviewer().get(url + "/preview").then().statusCode(200).extract().asString().contains("学校共主动公开信息3条"));
        // ... and after the school's template files change (the operator's directory is read at each use)
        Path override = Path.of("target/report-templates-test/school/hnxx/profile.properties");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "office=湖南信息职业技术学院党政办公室\nphone=0731-11111111\n");
        try {
            String preview = reviewer().get(url + "/preview").then().statusCode(200).extract().asString();
            assertTrue(preview.contains("请联系湖南信息职业技术学院党政办公室（电话：0731-11111111）。"), "the template file is used");
            assertArrayEquals(htmlBytes, reviewer().get(url + "/document?format=html").then().statusCode(200).extract().asByteArray());
            assertArrayEquals(docxBytes, reviewer().get(url + "/document?format=docx").then().statusCode(200).extract().asByteArray());
        } finally {
            Files.delete(override);
        }

        // the submission: after approval, dated no earlier than it and not in the future
        reviewer().contentType(ContentType.JSON).body(Map.of("submittedOn", today().plusDays(1).toString(), "method", "ONLINE_SYSTEM"))
                .post(url + "/submission").then().statusCode(400).body("errors[0].field", equalTo("submittedOn"))
                .body("errors[0].code", equalTo("in-the-future"));
        reviewer().contentType(ContentType.JSON).body(Map.of("submittedOn", today().minusDays(1).toString(), "method", "ONLINE_SYSTEM"))
                .post(url + "/submission").then().statusCode(400).body("errors[0].code", equalTo("before-approval"));
        reviewer().contentType(ContentType.JSON).body(Map.of("submittedOn", today().toString(), "method", "by pigeon"))
                .post(url + "/submission").then().statusCode(400).body("errors[0].field", equalTo("method"))
                .body("errors[0].messageZh", containsString("报送方式"));
        reviewer().contentType(ContentType.JSON)
                .body(Map.of("submittedOn", today().toString(), "method", "ONLINE_SYSTEM", "reference", "湘教信息年报回执 2024-117"))
                .post(url + "/submission").then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("submission.submittedOn", equalTo(today().toString()))
                .body("submission.methodLabel", equalTo("网上报送系统"))
                .body("submission.recordedBy", equalTo("王审核"));
        reviewer().contentType(ContentType.JSON).body(Map.of("note", "改一个数字")).post(url + "/unfreeze").then().statusCode(409)
                .body("type", equalTo("https://xxgk.io/problems/already-submitted"));

        JsonPath view = reviewer().get(url).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("FILLED", "FROZEN", "APPROVED", "SUBMITTED"), view.getList("history.action"));
        assertEquals(List.of("王审核", "王审核", "李校长", "王审核"), view.getList("history.actor"));
        assertEquals(List.of("REVIEWER", "REVIEWER", "LEADER", "REVIEWER"), view.getList("history.role"));
        assertTrue(view.getList("history.at").stream().allMatch(at -> at != null));
        assertTrue(view.getString("history[1].detail").contains("主动公开信息3条"));
        assertTrue(view.getString("history[3].detail").contains("网上报送系统"));
        // the school's list
        reviewer().get(BASE.substring(0, BASE.length() - 1)).then().statusCode(200)
                .body("find { it.year == 2024 }.state", equalTo("SUBMITTED"));
    }

    @Test
    void aReviewerUnfreezesWithAReasonWhichDropsTheApproval() {
        String url = BASE + "2020";
        reviewer().contentType(ContentType.JSON).body(content()).put(url + "/content").then().statusCode(200);
        reviewer().contentType(ContentType.JSON).body("{}").post(url + "/freeze").then().statusCode(200);
        leader().contentType(ContentType.JSON).body("{}").post(url + "/approve").then().statusCode(200);

        reviewer().contentType(ContentType.JSON).body("{}").post(url + "/unfreeze").then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        as("张信息员", "EDITOR").contentType(ContentType.JSON).body(Map.of("note", "x")).post(url + "/unfreeze").then().statusCode(403)
                .body("errors[0].field", equalTo("X-Xxgk-Actor-Role"));
        reviewer().contentType(ContentType.JSON).body(Map.of("note", "媒体报道次数有误")).post(url + "/unfreeze").then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("approved", nullValue())
                .body("frozen", nullValue())
                .body("history[-1].action", equalTo("UNFROZEN"))
                .body("history[-1].actor", equalTo("王审核"))
                .body("history[-1].detail", containsString("媒体报道次数有误"))
                .body("history[-1].detail", containsString("原审定（李校长）随之撤销"));
        reviewer().get(url + "/document").then().statusCode(409);

        Map<String, Object> prose = new LinkedHashMap<>(PROSE);
        prose.put("otherMatters", "媒体报道次数更正为140次。");
        reviewer().contentType(ContentType.JSON).body(Map.of("prose", prose)).put(url + "/content").then().statusCode(200)
                .body("prose.find { it.key == 'otherMatters' }.value", equalTo("媒体报道次数更正为140次。"))
                .body("history[-1].detail", equalTo("已填写：其他需要报告的事项"));
    }

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /** A draft stored while figures were still typed into the report: still read, its figures ignored (one source). */
    @Test
    void anOldDraftWithTypedFiguresIsReadAndItsFiguresIgnored() throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "insert into annual_report (school_code, report_year, content) values (?, 2019, ?) on conflict do nothing")) {
            ps.setString(1, SCHOOL);
            ps.setString(2, "{\"prose\": {\"overview\": \"学院成立信息公开工作领导小组。\"},"
                    + " \"figures\": {\"wechatFollowers\": 98765, \"meetingsHeld\": 45, \"satisfactionPercent\": 92.5}}");
            ps.executeUpdate();
        }
        reviewer().get(BASE + "2019").then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("prose.find { it.key == 'overview' }.value", equalTo("学院成立信息公开工作领导小组。"));
        String draft = reviewer().get(BASE + "2019/preview").then().statusCode(200).extract().asString();
        assertTrue(draft.contains("学院成立信息公开工作领导小组。"));
        assertFalse(draft.contains("98765"), "figures typed into an old draft are not printed");
        // saving it again stores prose only
        reviewer().contentType(ContentType.JSON).body(Map.of("prose", Map.of("overview", "学院成立信息公开工作领导小组。")))
                .put(BASE + "2019/content").then().statusCode(200);
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("select content from annual_report where school_code = ? and report_year = 2019")) {
            ps.setString(1, SCHOOL);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains("figures"), rs.getString(1));
            }
        }
    }

    /** What the office writes reaches the HTML template as text, never as markup. */
    @Test
    void theHtmlTemplateEscapesWhatWasFilledIn() {
        String url = BASE + "2016";
        reviewer().contentType(ContentType.JSON).body(Map.of("prose", Map.of("overview", "<script>alert(1)</script>领导小组 & 办公室")))
                .put(url + "/content").then().statusCode(200);
        String html = reviewer().get(url + "/preview").then().statusCode(200).extract().asString();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;领导小组 &amp; 办公室"), html);
        assertFalse(html.contains("<script>"));
    }

    @Test
    void freezingNamesEveryBlankStillOpen() {
        String url = BASE + "2017";
        reviewer().contentType(ContentType.JSON).body(Map.of("prose", Map.of("overview", "学院成立信息公开工作领导小组。")))
                .put(url + "/content").then().statusCode(200);
        reviewer().contentType(ContentType.JSON).body("{}").post(url + "/freeze").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://xxgk.io/problems/report-incomplete"))
                .body("errors.field", hasItems("prose.experience", "prose.problems", "prose.improvements", "prose.otherMatters",
                        "prose.newPractices", "prose.officeContact"))
                .body("errors.field", not(hasItem("prose.overview")))
                .body("errors.find { it.field == 'prose.otherMatters' }.messageZh", containsString("其他需要报告的事项尚未填写"));
        reviewer().get(url).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        String url = BASE + "2018/content";
        expectField(Map.of("prose", Map.of("summary", "x")), "prose.summary", "unknown");
        // year-end figures are no longer filled into the report: the answer says where they go
        expectField(Map.of("figures", Map.of("wechatFollowers", 23500)), "figures", "moved");
        reviewer().contentType(ContentType.JSON).body(Map.of("figures", Map.of("wechatFollowers", 23500))).put(url).then()
                .statusCode(400).body("errors[0].message", containsString("/year-end-figures/"))
                .body("errors[0].messageZh", containsString("年终数据"));
        expectField(Map.of("prose", Map.of("problems", "a".repeat(20_001))), "prose.problems", "too-long");
        expectField(Map.of("prose", Map.of("problems", "bell \u0007")), "prose.problems", "control-character");

        // JSON of the wrong type, at any depth
        reviewer().contentType(ContentType.JSON).body("{\"figures\": [\"many\"]}").put(url).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("figures"));
        reviewer().contentType(ContentType.JSON).body("{\"prose\": [\"x\"]}").put(url).then().statusCode(400)
                .body("errors[0].field", equalTo("prose"));
        reviewer().contentType(ContentType.JSON).body("[1, 2]").put(url).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("$"));
        reviewer().contentType(ContentType.JSON).body("42").put(url).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        reviewer().contentType(ContentType.JSON).put(url).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("$"));

        // who acts, and may they
        given().auth().preemptive().basic("console", "console-dev-password").contentType(ContentType.JSON).body(content()).put(url)
                .then().statusCode(400).body("errors.field", hasItems("X-Xxgk-Actor", "X-Xxgk-Actor-Role"));
        as("王审核", "DEAN").contentType(ContentType.JSON).body(content()).put(url).then().statusCode(400)
                .body("errors[0].field", equalTo("X-Xxgk-Actor-Role"));
        given().auth().preemptive().basic("console", "console-dev-password").header("X-Xxgk-Actor", "liu.ops")
                .header("X-Xxgk-Actor-Role", "OPERATOR").contentType(ContentType.JSON).body(content()).put(url).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body(content()).put(url).then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().auth().preemptive().basic("console", "wrong").get(BASE + "2018").then().statusCode(401);

        // path parameters
        reviewer().get(BASE + "20x8").then().statusCode(400).body("errors[0].field", equalTo("year"));
        reviewer().get("/api/v1/console/schools/nope/annual-reports/2018").then().statusCode(404).body("errors[0].field", equalTo("schoolCode"));
        reviewer().get(BASE + "2018/preview?format=pdf").then().statusCode(400).body("errors[0].field", equalTo("format"));

        // nothing was stored by any of it
        reviewer().get(BASE + "2018").then().statusCode(200).body("history", emptyIterable())
                .body("prose.find { it.key == 'overview' }.value", nullValue());
    }

    private static void expectField(Object body, String field, String code) {
        reviewer().contentType(ContentType.JSON).body(body).put(BASE + "2018/content").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code))
                .body("errors[0].messageZh", not(nullValue()))
                .body("errors[0].message", not(nullValue()));
    }

    private static LocalDate today() {
        return LocalDate.now(CHINA);
    }
}
