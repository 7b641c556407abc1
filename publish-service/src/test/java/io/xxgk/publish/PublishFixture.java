package io.xxgk.publish;

import io.restassured.specification.RequestSpecification;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.testing.RealServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What publish's tests share: classified items to feed through the real broker, waiting for what they change, and
 * requests as the console makes them for a person.
 */
public final class PublishFixture {

    private PublishFixture() {
    }

    /** A short id unique to this test run, to put into ids, departments and words. */
    public static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A classified item of revision 1 with the fields a test seldom cares about filled in: website channel, confidence
     * 0.9, explanation "test", classified now; a withheld one with {@code withholdReason}.
     */
    public static ItemClassified.Builder item(String school, String id, Decision decision, String withholdReason) {
        return ItemClassified.builder().itemId(id).revision(1).schoolCode(school)
                .channels(List.of(Channel.WEBSITE)).confidence(0.9).explanation("test").decision(decision)
                .withholdReason(decision == Decision.WITHHOLD ? withholdReason : null).classifiedAt(Instant.now());
    }

    /** A producer to the test broker (acks from all, idempotent). */
    public static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(p);
    }

    /** Sends the events to items.classified in order, keyed by school, each acknowledged before the next. */
    public static void send(ItemClassified... events) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (ItemClassified e : events) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))).get();
            }
        }
    }

    /** Waits up to a minute until GET {@code path} answers {@code status}. */
    public static void awaitStatus(String path, int status) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(path).then().statusCode(status));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * A request as the console sends it: signed in as its service account, acting for the person named (a department
     * editor with their department; otherwise {@code department} is null).
     */
    public static RequestSpecification console(String role, String name, String department) {
        RequestSpecification r = given().auth().preemptive().basic("console", "console-dev-password")
                .header(ActingUser.NAME_HEADER, ActingUser.headerValue(name)).header(ActingUser.ROLE_HEADER, role);
        return department == null ? r : r.header(ActingUser.DEPARTMENT_HEADER, ActingUser.headerValue(department));
    }

    /** The console acting for the office's reviewer 王审核. */
    public static RequestSpecification reviewer() {
        return console("REVIEWER", "王审核", null);
    }
}
