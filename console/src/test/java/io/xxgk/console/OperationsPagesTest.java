package io.xxgk.console;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.xxgk.console.repository.Account;
import io.xxgk.console.repository.DeadLetterReplay;
import io.xxgk.contract.Topics;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * /ops and /ops/dead-letters against the real broker of the test stack (the three services are not running here, so
 * their parts must say they are unavailable while Kafka's parts are shown).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "console"))
class OperationsPagesTest {

    private static final String PASSWORD = "ops-test-password-1";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void lagPerGroupAndPartitionIsShownAndTheServicesThatAreDownAreNamed() throws Exception {
        String topic = "ops-test-" + UUID.randomUUID();
        String group = "ops-test-group-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, String> p = producer()) {
            for (int i = 0; i < 7; i++) {
                p.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
            }
        }
        try (KafkaConsumer<String, String> c = consumer(group)) {
            c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3)));
        }
        String page = given().cookie("xxgk-console", session(account("operator", null))).get("/ops").then().statusCode(200).extract().asString();
        Matcher row = Pattern.compile("<tr data-group=\"" + group + "\" data-topic=\"" + topic + "\" data-partition=\"0\"[^>]*>(.*?)</tr>",
                Pattern.DOTALL).matcher(page);
        assertThat("a row for the group's partition", row.find(), is(true));
        // committed 3, end 7, lag 4
        assertThat(row.group(1), allOf(containsString("<td class=\"n\">3</td>"), containsString("<td class=\"n\">7</td>"),
                containsString("<td class=\"n lag\">4</td>")));
        assertThat(page, allOf(containsString("ingest-service 暂不可用"), containsString("classify-service 暂不可用"),
                containsString("hx-trigger=\"every 5s\""), containsString("消费延迟合计")));
    }

    @Test
    void anOperatorSeesTheDeadLetterWithItsPayloadReplaysItAndASecondReplayAsksFirst() throws Exception {
        String itemId = "dl-" + UUID.randomUUID();
        String payload = "{\"itemId\":\"" + itemId + "\",\"title\":\"张三的奖学金公示\"," + "\"body\":\"" + "很长的正文".repeat(200) + "\"}";
        RecordMetadata dl = deadLetter("zzsz", payload, "cannot be classified: 测试原因 " + itemId, 4, 1234);
        String letterId = dl.partition() + "-" + dl.offset();

        String operator = account("operator", null);
        String cookie = session(operator);
        Response page = given().cookie("xxgk-console", cookie).get("/ops/dead-letters");
        String html = page.then().statusCode(200).extract().asString();
        String card = section(html, "letter-" + letterId);
        assertThat(card, allOf(containsString("cannot be classified: 测试原因 " + itemId), containsString(Topics.ITEMS_SUBMITTED),
                containsString("4 · 1234"), containsString("classify-service"), containsString(itemId), containsString("已截断"),
                not(containsString("已重放"))));
        assertThat("the payload is cut", card, not(containsString("很长的正文".repeat(200))));

        // an administrator manages the console but does not read personal data in payloads
        String adminHtml = given().cookie("xxgk-console", session(account("admin", null))).get("/ops/dead-letters").then().statusCode(200)
                .extract().asString();
        assertThat(section(adminHtml, "letter-" + letterId), allOf(containsString("测试原因 " + itemId), not(containsString(itemId + "\",")),
                containsString("仅运维角色可见")));

        String csrf = csrf(html);
        Response replay = given().redirects().follow(false).cookie("xxgk-console", cookie).cookie("xxgk-csrf", page.getCookie("xxgk-csrf"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .post("/ops/dead-letters/" + dl.partition() + "/" + dl.offset() + "/replay");
        assertThat(replay.statusCode(), is(303));
        assertThat(replay.getHeader("Location"), endsWith("/ops/dead-letters?replayed=" + letterId));

        ConsumerRecord<String, String> replayed = findReplayed(letterId);
        assertThat(replayed.key(), is("zzsz"));
        assertThat(replayed.value(), is(payload));
        assertThat(header(replayed, "xxgk-replayed-by"), is(operator));
        assertThat(header(replayed, "xxgk-replayed-at"), matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        assertThat(header(replayed, "ce_type"), is("cn.xxgk.item.submitted.v1"));
        assertThat("the dead-letter headers stay behind", replayed.headers().lastHeader(DeadLetters.REASON), is((Header) null));

        List<DeadLetterReplay> log = replays(dl);
        assertThat(log, hasSize(1));
        assertThat(log.get(0).result, is(DeadLetterReplay.Result.SENT));
        assertThat(log.get(0).replayedBy, is(operator));
        assertThat(log.get(0).targetOffset, equalTo(replayed.offset()));

        html = given().cookie("xxgk-console", cookie).get("/ops/dead-letters").then().statusCode(200).extract().asString();
        assertThat(section(html, "letter-" + letterId), allOf(containsString("已重放"), containsString("再次重放")));
        assertThat(html, containsString("<tr data-letter=\"" + letterId + "\" class=\"replay-SENT\">"));

        // replaying it again asks first and sends nothing
        String again = given().cookie("xxgk-console", cookie).cookie("xxgk-csrf", page.getCookie("xxgk-csrf"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .post("/ops/dead-letters/" + dl.partition() + "/" + dl.offset() + "/replay").then().statusCode(200).extract().asString();
        assertThat(again, allOf(containsString("确认再次重放"), containsString("name=\"confirm\" value=\"yes\"")));
        assertThat(replays(dl), hasSize(1));
        Response confirmed = given().redirects().follow(false).cookie("xxgk-console", cookie).cookie("xxgk-csrf", page.getCookie("xxgk-csrf"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf).formParam("confirm", "yes")
                .post("/ops/dead-letters/" + dl.partition() + "/" + dl.offset() + "/replay");
        assertThat(confirmed.statusCode(), is(303));
        assertThat(replays(dl), hasSize(2));
    }

    @Test
    void aReplayWithoutTheCsrfTokenIsRefusedAndSendsNothing() throws Exception {
        RecordMetadata dl = deadLetter("zzsz", "{}", "bad", 0, 1);
        given().cookie("xxgk-console", session(account("operator", null))).contentType("application/x-www-form-urlencoded")
                .formParam("confirm", "yes").post("/ops/dead-letters/" + dl.partition() + "/" + dl.offset() + "/replay")
                .then().statusCode(400);
        assertThat(replays(dl), hasSize(0));
    }

    @Test
    void aDepartmentEditorAndAReviewerAreRefused() {
        for (String role : List.of("editor", "reviewer")) {
            String cookie = session(account(role, "招生就业处"));
            given().cookie("xxgk-console", cookie).accept("text/html").get("/ops").then().statusCode(403);
            given().cookie("xxgk-console", cookie).accept("text/html").get("/ops/dead-letters").then().statusCode(403);
            given().cookie("xxgk-console", cookie).get("/").then().statusCode(200).body(not(containsString("href=\"/ops\"")));
        }
    }

    @Test
    void aPageNumberThatIsNotOneIsAProblemNamingTheField() {
        given().cookie("xxgk-console", session(account("operator", null))).get("/ops/dead-letters?page=abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("page"));
        given().cookie("xxgk-console", session(account("operator", null))).get("/ops/imports/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownDeadLetterIsANotFoundOnThePage() {
        Response page = given().cookie("xxgk-console", session(account("operator", null))).get("/ops/dead-letters");
        String csrf = csrf(page.asString());
        String html = given().cookie("xxgk-console", session(account("operator", null))).cookie("xxgk-csrf", page.getCookie("xxgk-csrf"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf)
                .post("/ops/dead-letters/0/99999999/replay").then().statusCode(404).extract().asString();
        assertThat(html, containsString("no dead letter at 0-99999999"));
    }

    // --- helpers

    private static List<DeadLetterReplay> replays(RecordMetadata dl) {
        return QuarkusTransaction.requiringNew().call(() -> DeadLetterReplay.<DeadLetterReplay>list(
                "dlqPartition = ?1 and dlqOffset = ?2 order by id", dl.partition(), dl.offset()));
    }

    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat("element " + id + " on the page", start >= 0, is(true));
        int end = html.indexOf("</li>", start);
        return html.substring(start, end);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat("a CSRF field", m.find(), is(true));
        return m.group(1);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A dead letter as the services write it (contract DeadLetters headers), of a record of the submitted topic. */
    private static RecordMetadata deadLetter(String key, String value, String reason, int partition, long offset) throws Exception {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_type", "cn.xxgk.item.submitted.v1".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.REASON, reason.getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.TOPIC, Topics.ITEMS_SUBMITTED.getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.CONSUMER, "classify-service".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> p = producer()) {
            return p.send(new ProducerRecord<>(Topics.DEAD_LETTER, null, key, value, h)).get();
        }
    }

    private static ConsumerRecord<String, String> findReplayed(String letterId) {
        try (KafkaConsumer<String, String> c = consumer(null)) {
            List<TopicPartition> parts = c.partitionsFor(Topics.ITEMS_SUBMITTED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    if ((Topics.DEAD_LETTER + "-" + letterId).equals(header(r, "xxgk-replayed-from"))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("the replay of " + letterId + " never reached " + Topics.ITEMS_SUBMITTED);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> c = new java.util.HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        if (group != null) {
            c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }

    private static String account(String role, String department) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = new Account();
            a.username = username;
            a.displayName = "测试" + role;
            a.role = role;
            a.schoolCode = "zzsz";
            a.department = department;
            a.passwordHash = BcryptUtil.bcryptHash(PASSWORD);
            a.persist();
        });
        return username;
    }

    private static String session(String username) {
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", PASSWORD).post("/j_security_check");
        String cookie = r.getCookie("xxgk-console");
        assertThat("sign-in of " + username, cookie, notNullValue());
        return cookie;
    }
}
