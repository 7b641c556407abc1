package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.Scope;
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
 * The 2020-2021 school year of 湖南信息职业技术学院 (hnxx, report year 2021) as its seed report counts it
 * ({@code shared/seeds/000_595d6eefc0dab43b.txt}), through the real entry points: items on the classified topic,
 * the register on the requests topic, the year-end figures through the console API. Each figure of the seed, and
 * where it comes from:
 * <ul>
 * <li>官方网站发布综合新闻稿件384篇，学院要闻594条: 978 items on the website (384 + 594). The split between the two is
 * the website's columns (综合新闻 / 学院要闻), which an item does not carry: the statistics give the 978, not the
 * split.</li>
 * <li>新媒体微信（服务号）推送63期92篇文稿: the 92 articles are items on the WeChat channel (here news also on the
 * website). The 63 issues (期, several articles per push) are neither items nor a year-end figure: not
 * reproduced.</li>
 * <li>媒体关注稿件416篇: year-end figure mediaReports.</li>
 * <li>《学工简报》、《督导简报》共计20期: year-end figure briefingIssues.</li>
 * <li>传达上级文件精神1180件 (on OA): 1180 items published inside the school only (校内公开), counted apart.</li>
 * <li>共收到五份《依申请公开申请》，经审核不属于依申请公开范围: five applications answered NOT_A_REQUEST.</li>
 * <li>没有引起举报、投诉: no complaint, review or lawsuit.</li>
 * <li>90%以上认为院领导重视信息公开工作: a lower bound, not a percentage (year-end percentages are exact), so the
 * office records it as the survey's result text.</li>
 * <li>Not reproduced, being approximate counts ("余") of messages the school does not record as items: 短信平台全年
 * 650余条 and its split (党政信息200余条 …), 制播160余期校园新闻 (broadcast), OA 主动公开校务信息300余件. The statistics
 * count items exactly; an approximate year-end count exists only for the fixed keys, and there is none for these.
 * Not reproduced either: 109期疫情防控信息通报 (no item, no key).</li>
 * </ul>
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class Hnxx2021FixtureTest {

    static final String SCHOOL = "hnxx";
    static final LocalDate FROM = LocalDate.of(2020, 9, 1);
    static final int DAYS = 365; // 2020-09-01 .. 2021-08-31
    static final int GENERAL_NEWS = 384;
    static final int COLLEGE_NEWS = 594;
    static final int WECHAT_ARTICLES = 92;
    static final int OA_DOCUMENTS = 1180;
    static final String YEAR_END = """
            {"mediaReports": 416, "briefingIssues": 20,
             "surveyResult": "通过座谈会与问卷调查，学院师生员工90%以上认为院领导重视信息公开工作"}
            """;

    private static boolean loaded;

    static ItemClassified item(String id, String title, String department, LocalDate date, List<Channel> channels, Scope scope) {
        return ItemClassified.builder().itemId(id).revision(1).schoolCode(SCHOOL).department(department).title(title)
                .body("正文").kind(ItemKind.NEWS).producedDate(date).publishedDate(date).channels(channels)
                .confidence(0.9).explanation("fixture").decision(Decision.PUBLISH).scope(scope).classifiedAt(Instant.now())
                .build();
    }

    static LocalDate spread(int i, int n) {
        return FROM.plusDays((long) i * DAYS / n);
    }

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        List<ItemClassified> items = new ArrayList<>();
        for (int i = 0; i < GENERAL_NEWS; i++) {
            // every fourth general news item also pushed on WeChat, 92 in all
            List<Channel> channels = i % 4 == 0 && i / 4 < WECHAT_ARTICLES ? List.of(Channel.WEBSITE, Channel.WECHAT) : List.of(Channel.WEBSITE);
            items.add(item("hnxx21-zhxw-%03d".formatted(i), "综合新闻 第" + (i + 1) + "篇", "党委宣传部", spread(i, GENERAL_NEWS), channels, Scope.PUBLIC));
        }
        for (int i = 0; i < COLLEGE_NEWS; i++) {
            items.add(item("hnxx21-xyyw-%03d".formatted(i), "学院要闻 第" + (i + 1) + "条", "党政办", spread(i, COLLEGE_NEWS),
                    List.of(Channel.WEBSITE), Scope.PUBLIC));
        }
        for (int i = 0; i < OA_DOCUMENTS; i++) {
            items.add(item("hnxx21-oa-%04d".formatted(i), "传达上级文件 第" + (i + 1) + "件", "党政办", spread(i, OA_DOCUMENTS),
                    List.of(Channel.OA), Scope.INTERNAL));
        }
        List<DisclosureRequestEvent> requests = new ArrayList<>();
        String[] received = {"2020-10-19", "2020-12-07", "2021-03-15", "2021-04-26", "2021-06-21"};
        for (int i = 0; i < received.length; i++) {
            LocalDate r = LocalDate.parse(received[i]);
            requests.add(new DisclosureRequestEvent(1, "hnxx21-req-" + (i + 1), 1, SCHOOL, RecordType.APPLICATION, r,
                    ApplicantType.NATURAL_PERSON, "反映宿舍管理问题", AnswerType.NOT_A_REQUEST, r.plusDays(3), null, null, Instant.now()));
        }
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ItemClassified e : items) {
                sent.add(producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))));
            }
            for (DisclosureRequestEvent r : requests) {
                sent.add(producer.send(new ProducerRecord<>(Topics.REQUESTS, r.schoolCode(), EventCodec.encode(r))));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        given().auth().preemptive().basic("console", "console-dev-password")
                .header("X-Xxgk-Actor", ActingUser.headerValue("党政办信息员")).header("X-Xxgk-Actor-Role", "REVIEWER")
                .contentType(ContentType.JSON).body(YEAR_END).put("/api/v1/console/schools/hnxx/year-end-figures/2021")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().get("/api/v1/schools/hnxx/statistics?year=2021").then().statusCode(200)
                        .body("published", equalTo(GENERAL_NEWS + COLLEGE_NEWS))
                        .body("internal", equalTo(OA_DOCUMENTS))
                        .body("requests.received", equalTo(5)));
        loaded = true;
    }

    @Test
    void theSeedsFiguresFromItemsAndYearEndFigures() {
        given().get("/api/v1/schools/hnxx/statistics?year=2021").then().statusCode(200)
                .body("period.label", equalTo("2020-2021学年"))
                // 综合新闻稿件384篇 + 学院要闻594条 on the website
                .body("byChannel.find { it.key == 'WEBSITE' }.count", equalTo(978))
                // 微信（服务号）推送92篇文稿
                .body("byChannel.find { it.key == 'WECHAT' }.count", equalTo(92))
                .body("channelUnion", equalTo(978))
                // 传达上级文件精神1180件 (OA, 校内公开): apart from every public figure
                .body("internal", equalTo(1180))
                .body("byChannel.find { it.key == 'OA' }", equalTo(null))
                // 五份《依申请公开申请》，经审核不属于依申请公开范围
                .body("requests.received", equalTo(5))
                .body("requests.answered", equalTo(5))
                .body("requests.byAnswer.find { it.key == 'NOT_A_REQUEST' }.count", equalTo(5))
                // 没有引起举报、投诉
                .body("complaints.total", equalTo(0))
                .body("administrativeReviews.total", equalTo(0))
                .body("lawsuits.total", equalTo(0))
                // 媒体关注稿件416篇, 《学工简报》《督导简报》共计20期, 90%以上
                .body("yearEndFigures.figures.find { it.key == 'mediaReports' }.count", equalTo(416))
                .body("yearEndFigures.figures.find { it.key == 'briefingIssues' }.display", equalTo("20期"))
                .body("yearEndFigures.figures.find { it.key == 'surveyResult' }.text",
                        equalTo("通过座谈会与问卷调查，学院师生员工90%以上认为院领导重视信息公开工作"));
    }

    @Test
    void theDraftReportSaysWhatTheSeedSays() {
        String html = given().get("/api/v1/schools/hnxx/annual-report?year=2021&format=html").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("学校共主动公开信息978条"), html);
        assertTrue(html.contains("学校网站978条"), html);
        assertTrue(html.contains("微信公众号92条"), html);
        assertTrue(html.contains("另有校内公开（仅在校内发布）的信息1180条"), html);
        assertTrue(html.contains("编发简报20期"), html);
        assertTrue(html.contains("媒体报道416次"), html);
        assertTrue(html.contains("收到信息公开申请5件"), html);
    }
}
