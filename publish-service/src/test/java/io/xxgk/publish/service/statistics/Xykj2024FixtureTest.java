package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar year 2024 of 襄阳科技职业学院 (xykj) as its seed report counts it
 * ({@code shared/seeds/004_cf6dcf5aa17e2594.txt}), through the real entry points (items on the classified topic,
 * year-end figures through the console API). Each figure of the seed, and where it comes from:
 * <ul>
 * <li>在学校官方网站发布信息625条: 625 items on the website.</li>
 * <li>在微信公众号发布信息372条: 372 items on the WeChat channel (here news also on the website: the seed gives no
 * total across channels, so the union is this fixture's choice, not a seed figure).</li>
 * <li>其中原创信息256条: whether a post is original is neither on an item nor a year-end key: not reproduced.</li>
 * <li>视频号发布信息41条: year-end figure videoPosts (videos are not catalogue items).</li>
 * <li>发布了《学生管理规定》…等5项学生管理规定: five rules of 学生工作处 (by department; 3 of them under checklist
 * items 36 and 38, the other two outside the checklist).</li>
 * <li>2024年度，学校未收到依申请公开的信息; 未因信息公开工作受到举报、复议或诉讼: zeros from the register.</li>
 * <li>2024年水电耗材采购、学生服务中心理发室租赁经营等招标公告: two procurement notices named with "等", so no count
 * to reproduce; they are among the 625 and counted as notices and projects.</li>
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class Xykj2024FixtureTest {

    static final String SCHOOL = "xykj";
    static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    static final int WEBSITE = 625;
    static final int WECHAT = 372;

    private static boolean loaded;

    static ItemClassified item(String id, ItemKind kind, String title, String body, String department, Integer checklistItem,
                               Integer category, LocalDate date, List<Channel> channels) {
        return ItemClassified.builder().itemId(id).revision(1).schoolCode(SCHOOL).department(department).title(title)
                .body(body).kind(kind).producedDate(date).publishedDate(date).channels(channels)
                .checklistItem(checklistItem).category(category).confidence(0.9).explanation("fixture")
                .decision(Decision.PUBLISH).classifiedAt(Instant.now()).build();
    }

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        List<Channel> web = List.of(Channel.WEBSITE);
        List<ItemClassified> items = new ArrayList<>(List.of(
                item("xykj24-rule-1", ItemKind.RULE, "襄阳科技职业学院学生管理规定", "正文", "学生工作处", 36, 6, LocalDate.of(2024, 3, 4), web),
                item("xykj24-rule-2", ItemKind.RULE, "襄阳科技职业学院学生综合素质测评实施办法", "正文", "学生工作处", null, null, LocalDate.of(2024, 3, 4), web),
                item("xykj24-rule-3", ItemKind.RULE, "襄阳科技职业学院学生违纪处分条例（试行）", "正文", "学生工作处", 38, 6, LocalDate.of(2024, 3, 5), web),
                item("xykj24-rule-4", ItemKind.RULE, "襄阳科技职业学院学生奖励办法", "正文", "学生工作处", 38, 6, LocalDate.of(2024, 3, 5), web),
                item("xykj24-rule-5", ItemKind.RULE, "襄阳科技职业学院公寓管理规定", "正文", "学生工作处", null, null, LocalDate.of(2024, 3, 6), web),
                item("xykj24-water", ItemKind.PROCUREMENT_NOTICE, "襄阳科技职业学院2024年水电耗材采购项目招标公告",
                        "项目编号：XYKJ-2024-HQ-003\n采购内容：水电耗材", "后勤管理处", 18, 3, LocalDate.of(2024, 4, 8), web),
                item("xykj24-barber", ItemKind.PROCUREMENT_NOTICE, "学生服务中心理发室租赁经营项目招标公告",
                        "项目编号：XYKJ-2024-HQ-011", "后勤管理处", 18, 3, LocalDate.of(2024, 8, 19), web)));
        int news = WEBSITE - items.size();
        for (int i = 0; i < news; i++) {
            List<Channel> channels = i < WECHAT ? List.of(Channel.WEBSITE, Channel.WECHAT) : web;
            items.add(item("xykj24-news-%03d".formatted(i), ItemKind.NEWS, "学校新闻 第" + (i + 1) + "条", "正文", "党委宣传部",
                    null, null, FROM.plusDays((long) i * 365 / news), channels));
        }
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ItemClassified e : items) {
                sent.add(producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        given().auth().preemptive().basic("console", "console-dev-password")
                .header("X-Xxgk-Actor", ActingUser.headerValue("办公室信息员")).header("X-Xxgk-Actor-Role", "REVIEWER")
                .contentType(ContentType.JSON).body("{\"videoPosts\": 41}").put("/api/v1/console/schools/xykj/year-end-figures/2024")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/api/v1/schools/xykj/statistics?year=2024").then().statusCode(200)
                        .body("published", equalTo(WEBSITE)));
        loaded = true;
    }

    @Test
    void theSeedsFiguresFromItemsAndYearEndFigures() {
        given().get("/api/v1/schools/xykj/statistics?year=2024").then().statusCode(200)
                .body("period.label", equalTo("2024年度"))
                // 在学校官方网站发布信息625条；在微信公众号发布信息372条
                .body("byChannel.find { it.key == 'WEBSITE' }.count", equalTo(625))
                .body("byChannel.find { it.key == 'WECHAT' }.count", equalTo(372))
                // 视频号发布信息41条
                .body("yearEndFigures.figures.find { it.key == 'videoPosts' }.count", equalTo(41))
                // 5项学生管理规定
                .body("byDepartment.find { it.key == '学生工作处' }.count", equalTo(5))
                // 未收到依申请公开的信息; 未受到举报、复议或诉讼
                .body("requests.received", equalTo(0))
                .body("complaints.total", equalTo(0))
                .body("administrativeReviews.total", equalTo(0))
                .body("lawsuits.total", equalTo(0))
                // the two named 招标公告, each its own project (no result published yet)
                .body("procurement.notices", equalTo(2))
                .body("procurement.projects", equalTo(2))
                .body("procurement.projectsAwaitingResult", equalTo(2));
    }

    @Test
    void theDraftReportSaysWhatTheSeedSays() {
        String html = given().get("/api/v1/schools/xykj/annual-report?year=2024&format=html").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("学校网站625条"), html);
        assertTrue(html.contains("微信公众号372条"), html);
        assertTrue(html.contains("视频号（抖音）发布视频41条"), html);
        assertTrue(html.contains("学校未收到信息公开申请"), html);
    }
}
