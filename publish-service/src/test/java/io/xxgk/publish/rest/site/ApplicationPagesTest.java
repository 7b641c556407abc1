package io.xxgk.publish.rest.site;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.publish.service.apply.SubmissionLimiter;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 依申请公开 pages against the real servers: the guide, the form and every way it refuses (each an HTML page that
 * names the field in Chinese and English and keeps the input), the rate limit, and the status page read from the
 * register that the requests topic fills. ingest is deliberately unreachable here (xxgk.apply.ingest-url points at a
 * closed port), so a valid application meets the "not recorded" page; the whole road through ingest is pipeline-it's
 * ApplicationFormIT.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ApplicationPagesTest {

    static final String SCHOOL = "xykj";
    static final String FORM = "/schools/" + SCHOOL + "/apply/form";
    static final String STATUS = "/schools/" + SCHOOL + "/apply/status";

    @Inject
    SubmissionLimiter limiter;

    @BeforeEach
    void forgetEarlierSubmissions() {
        limiter.clear();
    }

    static Map<String, String> valid() {
        Map<String, String> f = new HashMap<>();
        f.put("submissionKey", "0123456789abcdef0123456789abcdef");
        f.put("applicantType", "NATURAL_PERSON");
        f.put("name", "司马测试");
        f.put("idNumber", "居民身份证 420602199202023456");
        f.put("phone", "13712345678");
        f.put("email", "sima.test@example.cn");
        f.put("address", "湖北省襄阳市某区某路 1 号");
        f.put("description", "申请公开学校2025年食堂承包合同的招标文件");
        f.put("medium", "ELECTRONIC");
        f.put("delivery", "EMAIL");
        f.put("homepage", "");
        return f;
    }

    static ExtractableResponse<Response> post(Map<String, String> form) {
        return post(form, null);
    }

    static ExtractableResponse<Response> post(Map<String, String> form, String forwardedFor) {
        var r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form);
        if (forwardedFor != null) {
            r = r.header("X-Forwarded-For", forwardedFor);
        }
        return r.post(FORM).then().extract();
    }

    @Test
    void theGuideSaysHowToApplyAndWithinWhatTime() {
        ExtractableResponse<Response> r = given().get("/schools/" + SCHOOL + "/apply").then().extract();
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        String html = r.asString();
        assertTrue(html.contains("襄阳科技职业学院依申请公开指南"), html);
        assertTrue(html.contains("15 个工作日") && html.contains("《高等学校信息公开办法》第十九条"), html);
        assertTrue(html.contains("href=\"/schools/xykj/apply/form\""), "links the form");
        assertTrue(html.contains("检索、复制、邮寄"), "says which fees may be charged");
        for (String answer : List.of("予以公开", "不予公开", "部分公开", "重复申请")) {
            assertTrue(html.contains(answer), answer);
        }
        assertTrue(r.header("Cache-Control").startsWith("public"), r.header("Cache-Control"));
    }

    @Test
    void theFormWorksWithoutJavaScriptAndCarriesAOneTimeKey() {
        ExtractableResponse<Response> first = given().get(FORM).then().extract();
        assertEquals(200, first.statusCode());
        String html = first.asString();
        assertFalse(html.contains("<script"), "no script at all");
        assertTrue(html.contains("method=\"post\" action=\"/schools/xykj/apply/form\""), html);
        for (String label : List.of("姓名或名称", "联系电话", "电子邮箱", "通信地址", "所需信息的内容描述", "信息的载体形式", "获取信息的方式")) {
            assertTrue(html.contains(label), label);
        }
        assertTrue(html.contains("for=\"f-name\"") && html.contains("id=\"f-name\""), "every input has its label");
        assertEquals("no-store", first.header("Cache-Control"), "the one-time key never goes to a shared cache");
        assertNotEquals(key(html), key(given().get(FORM).asString()));
    }

    @Test
    void tooLongFieldsGetAPageNamingThemInChineseAndEnglishWithTheInputKept() {
        Map<String, String> f = valid();
        f.put("name", "名".repeat(51));
        f.put("description", "述".repeat(2001));
        ExtractableResponse<Response> r = post(f);
        assertEquals(400, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"), "an HTML page, not JSON: " + r.contentType());
        String html = r.asString();
        assertTrue(html.contains("申请未提交：请修改以下 2 处"), html);
        assertTrue(html.contains("姓名或名称共 51 个字，超过上限 50 个字"), html);
        assertTrue(html.contains("name is 51 characters; at most 50"), html);
        assertTrue(html.contains("所需信息的内容描述共 2001 个字，超过上限 2000 个字"), html);
        assertTrue(html.contains("href=\"#f-name\""), "the summary links the field");
        assertTrue(html.contains("value=\"" + "名".repeat(51) + "\""), "the typed name is kept");
        assertTrue(html.contains("述".repeat(2001) + "</textarea>"), "the typed description is kept");
        assertTrue(html.contains("value=\"13712345678\""), "the other fields are kept");
        assertTrue(html.contains("aria-invalid=\"true\""));
    }

    @Test
    void missingBrokenAndControlCharacterFieldsAreNamed() {
        Map<String, String> f = valid();
        f.put("name", " ");
        f.put("phone", "call me");
        f.put("email", "");
        f.put("idNumber", "4206\u0007021992");
        f.put("applicantType", "MARTIAN");
        String html = post(f).asString();
        assertTrue(html.contains("姓名或名称不能为空"), html);
        assertTrue(html.contains("联系电话只能包含数字"), html);
        assertTrue(html.contains("电子邮箱选择电子邮件方式时必须填写"), html);
        assertTrue(html.contains("证件名称及号码第 4 个字符处含有不允许的控制字符"), html);
        assertTrue(html.contains("请选择申请人类型"), html);
    }

    @Test
    void aFilledHoneypotIsRefused() {
        Map<String, String> f = valid();
        f.put("homepage", "http://spam.example");
        ExtractableResponse<Response> r = post(f);
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("“请勿填写此栏”一栏必须留空"), r.asString());
    }

    @Test
    void whenIngestCannotRecordItTheApplicantIsToldNothingWasSubmittedAndKeepsTheInput() {
        ExtractableResponse<Response> r = post(valid());
        assertEquals(503, r.statusCode());
        assertEquals("30", r.header("Retry-After"));
        String html = r.asString();
        assertTrue(html.contains("暂时无法受理") && html.contains("申请尚未提交"), html);
        assertTrue(html.contains("value=\"司马测试\"") && html.contains("申请公开学校2025年食堂承包合同的招标文件</textarea>"), html);
        assertFalse(html.contains("受理编号"), "no tracking number without a record");
    }

    @Test
    void aBrowsersFormPostWithItsOriginHeaderReachesTheForm() {
        // a browser sends Origin with every form POST, same-origin too; Quarkus' CORS filter used to refuse it (empty 403)
        for (String origin : List.of("http://localhost:" + io.restassured.RestAssured.port, "https://school.example.cn")) {
            ExtractableResponse<Response> r = given().header("Origin", origin)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(valid()).post(FORM).then().extract();
            assertEquals(503, r.statusCode(), origin + ": " + r.asString());
            assertTrue(r.asString().contains("暂时无法受理"), origin);
        }
    }

    @Test
    void theSixthSubmissionFromOneAddressIsA429PageAndForwardedForIsNotBelievedByDefault() {
        Map<String, String> f = valid();
        f.put("name", "");
        for (int i = 1; i <= 5; i++) {
            assertEquals(400, post(f, "198.51.100." + i).statusCode(), "submission " + i);
        }
        ExtractableResponse<Response> sixth = post(valid(), "198.51.100.99");
        assertEquals(429, sixth.statusCode());
        assertTrue(Integer.parseInt(sixth.header("Retry-After")) > 0);
        assertTrue(sixth.contentType().startsWith("text/html"));
        String html = sixth.asString();
        assertTrue(html.contains("提交过于频繁") && html.contains("10 分钟内最多提交 5 次"), html);
        assertTrue(html.contains("value=\"司马测试\""), "the input is kept");
    }

    @Test
    void unknownSchoolsAreHtml404s() {
        for (String path : List.of("/schools/nope/apply", "/schools/nope/apply/form", "/schools/nope/apply/status")) {
            ExtractableResponse<Response> r = given().get(path).then().extract();
            assertEquals(404, r.statusCode(), path);
            // the site's one 404 page, as for /schools/nope
            assertTrue(r.asString().contains("没有这所学校") && r.asString().contains("href=\"/schools\""), path);
        }
        ExtractableResponse<Response> r = given().contentType("application/x-www-form-urlencoded").formParams(valid())
                .post("/schools/nope/apply/form").then().extract();
        assertEquals(404, r.statusCode());
        assertTrue(r.asString().contains("没有这所学校"));
    }

    @Test
    void theStatusPageShowsOnlyNumberDatesStatusAndAnswer() throws Exception {
        String tracking = "YSQ20250930-" + randomBase32();
        String subject = "申请公开我本人的学籍档案，身份证 420602199202023456";
        send(new DisclosureRequestEvent(1, tracking, 1, SCHOOL, RecordType.APPLICATION, LocalDate.of(2025, 9, 30),
                ApplicantType.NATURAL_PERSON, subject, null, null, BigDecimal.ZERO, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(STATUS + "?tracking=" + tracking).statusCode() == 200);

        String html = given().get(STATUS + "?tracking=" + tracking.toLowerCase()).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertTrue(html.contains(tracking), html);
        assertTrue(html.contains("2025-09-30"), "received");
        // the National Day holidays 10-01..10-08 do not count, the make-up Saturday 10-11 does
        assertTrue(html.contains("2025-10-28（15 个工作日）"), html);
        assertTrue(html.contains("办理中（已超过答复期限）"), html);
        assertTrue(html.contains("尚未答复"), html);
        for (String hidden : List.of("学籍档案", "420602199202023456", "自然人", "NATURAL_PERSON")) {
            assertFalse(html.contains(hidden), "the status page shows " + hidden);
        }

        send(new DisclosureRequestEvent(1, tracking, 2, SCHOOL, RecordType.APPLICATION, LocalDate.of(2025, 9, 30),
                ApplicantType.NATURAL_PERSON, subject, AnswerType.PARTIALLY_DISCLOSED, LocalDate.of(2025, 10, 20),
                new BigDecimal("3.00"), null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(STATUS + "?tracking=" + tracking).asString().contains("已答复"));
        String answered = given().get(STATUS + "?tracking=" + tracking).asString();
        assertTrue(answered.contains("部分公开"), answered);
        assertFalse(answered.contains("3.00"), "no fee shown");
    }

    @Test
    void theStatusPageRefusesWhatIsNotAnApplicationsTrackingNumber() throws Exception {
        String complaint = "YSQ20250301-" + randomBase32();
        send(new DisclosureRequestEvent(1, complaint, 1, SCHOOL, RecordType.COMPLAINT, LocalDate.of(2025, 3, 1),
                null, "举报", null, null, null, null, Instant.now()));
        String other = "YSQ20250301-" + randomBase32();
        send(new DisclosureRequestEvent(1, other, 1, "zzsz", RecordType.APPLICATION, LocalDate.of(2025, 3, 1),
                null, null, null, null, null, null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/schools/zzsz/apply/status?tracking=" + other).statusCode() == 200);

        assertEquals(404, given().get(STATUS + "?tracking=" + complaint).statusCode(), "a complaint is not an application");
        assertEquals(404, given().get(STATUS + "?tracking=" + other).statusCode(), "another school's application");
        ExtractableResponse<Response> bad = given().get(STATUS + "?tracking=<script>alert(1)</script>").then().extract();
        assertEquals(400, bad.statusCode());
        assertTrue(bad.asString().contains("受理编号格式不正确") && bad.asString().contains("tracking: not a tracking number"));
        assertFalse(bad.asString().contains("<script>alert(1)"), "the typed text is escaped");
        ExtractableResponse<Response> none = given().get(STATUS).then().extract();
        assertEquals(200, none.statusCode());
        assertTrue(none.asString().contains("name=\"tracking\""));
    }

    @Test
    void everyApplyPageIsInTheSitesLayoutWithTheSitesStylesheet() {
        for (String path : List.of("/schools/" + SCHOOL + "/apply", FORM, STATUS, STATUS + "?tracking=nonsense")) {
            ExtractableResponse<Response> r = given().get(path).then().extract();
            String html = r.asString();
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/site.css\">"), path + ": " + html);
            assertFalse(html.contains("site-apply.css"), path);
            // the site's navigation, with 依申请公开 as the current section, and its footer
            assertTrue(html.contains("<a href=\"/schools/xykj/apply\" aria-current=\"page\">依申请公开</a>"), path + ": " + html);
            assertTrue(html.contains("<a href=\"/schools/xykj/catalogue\">信息公开目录</a>"), path);
            assertTrue(html.contains("本网站无需登录、无需脚本即可使用"), path);
            assertTrue(r.header("Content-Security-Policy").startsWith("default-src 'self'"), path);
            assertEquals("same-origin", r.header("Referrer-Policy"), path);
        }
        given().get("/site-apply.css").then().statusCode(404);
        assertTrue(given().get("/site.css").asString().contains("form.apply"), "the form's styles are in the site's stylesheet");
    }

    @Test
    void aFieldOverQuarkusFormAttributeLimitGetsThePageNamingIt() {
        // 70,000 characters: over the 64 KiB that Quarkus' form reader allowed per field, which answered a bare 413
        Map<String, String> f = valid();
        f.put("address", "路".repeat(70_000));
        ExtractableResponse<Response> r = post(f);
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        String html = r.asString();
        assertTrue(html.contains("通信地址共 70000 个字，超过上限 200 个字"), html.substring(0, Math.min(3000, html.length())));
        assertTrue(html.contains("address is 70000 characters; at most 200"));
        assertTrue(html.contains("href=\"#f-address\""), "the summary links the field");
        assertTrue(html.contains("value=\"司马测试\""), "the other fields are kept");
        assertTrue(html.length() < 40_000, "the page does not repeat all it was sent: " + html.length());
    }

    @Test
    void aHandMadeBodyWithBrokenEscapesAndRepeatedFieldsIsReadNotRefusedBare() {
        String body = "submissionKey=0123456789abcdef0123456789abcdef&applicantType=NATURAL_PERSON&name=%E5%8F%B8%zz&name=second"
                + "&phone=13712345678&email=&description=%E7%94%B3%E8%AF%B7+100%25&medium=ELECTRONIC&delivery=EMAIL";
        ExtractableResponse<Response> r = given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body)
                .post(FORM).then().extract();
        assertEquals(400, r.statusCode(), r.asString());
        String html = r.asString();
        assertTrue(html.contains("电子邮箱选择电子邮件方式时必须填写"), html);
        assertTrue(html.contains("value=\"司%zz\""), "the first name, a broken escape kept as typed: " + html);
        assertTrue(html.contains("申请 100%</textarea>"), html);
    }

    @Test
    void theFormIsTheOnlyPlaceThePublicCanWrite() {
        given().contentType("application/x-www-form-urlencoded").formParams(valid()).post("/schools/" + SCHOOL + "/apply")
                .then().statusCode(405);
        given().contentType("application/x-www-form-urlencoded").formParams(valid()).post(STATUS).then().statusCode(405);
        given().contentType("application/x-www-form-urlencoded").formParams(valid()).put(FORM).then().statusCode(405);
        given().delete(FORM).then().statusCode(405);
    }

    static String key(String html) {
        Matcher m = Pattern.compile("name=\"submissionKey\" value=\"([0-9a-f]{32})\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    static String randomBase32() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder b = new StringBuilder();
        java.util.Random r = new java.security.SecureRandom();
        for (int i = 0; i < 8; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static void send(DisclosureRequestEvent e) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS, e.schoolCode(), EventCodec.encode(e))).get();
        }
    }
}
