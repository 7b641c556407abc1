package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer of disclosure.requests.v1: idempotent by (school, record, revision), a newer revision replaces,
 * poison messages go to the dead-letter topic and the consumer carries on. School jclg, school year 2015 only.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class RequestRegisterTest {

    static final String URL = "/api/v1/schools/jclg/statistics?year=2015";

    static DisclosureRequestEvent event(String id, int revision, AnswerType answer, LocalDate answered, String fee) {
        return new DisclosureRequestEvent(1, id, revision, "jclg", RecordType.APPLICATION, LocalDate.of(2015, 3, 2),
                ApplicantType.RESEARCH_INSTITUTION, "申请公开某项目经费", answer, answered, fee == null ? null : new BigDecimal(fee),
                null, Instant.now());
    }

    @Test
    void newerRevisionReplacesOlderAndReplaysChangeNothingPoisonGoesToTheDeadLetterTopic() throws Exception {
        String id = "req-" + UUID.randomUUID();
        String poison = "{\"not\": \"a request\", \"marker\": \"" + UUID.randomUUID() + "\"}";
        String garbage = "garbage-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS, "jclg", garbage)).get();
            producer.send(new ProducerRecord<>(Topics.REQUESTS, "jclg", poison)).get();
            producer.send(new ProducerRecord<>(Topics.REQUESTS, "jclg", EventCodec.encode(event(id, 1, null, null, null)))).get();
            producer.send(new ProducerRecord<>(Topics.REQUESTS, "jclg",
                    EventCodec.encode(event(id, 3, AnswerType.PARTIALLY_DISCLOSED, LocalDate.of(2015, 3, 27), "8.00")))).get();
            // late, older revisions and a replay of the newest
            producer.send(new ProducerRecord<>(Topics.REQUESTS, "jclg",
                    EventCodec.encode(event(id, 2, AnswerType.WITHHELD, LocalDate.of(2015, 3, 5), "1.00")))).get();
            producer.send(new ProducerRecord<>(Topics.REQUESTS, "jclg",
                    EventCodec.encode(event(id, 3, AnswerType.PARTIALLY_DISCLOSED, LocalDate.of(2015, 3, 27), "8.00")))).get();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get(URL).then().statusCode(200)
                        .body("requests.received", equalTo(1))
                        .body("requests.answered", equalTo(1))
                        .body("requests.byAnswer.find { it.key == 'PARTIALLY_DISCLOSED' }.count", equalTo(1))
                        .body("requests.byAnswer.find { it.key == 'WITHHELD' }.count", equalTo(0))
                        .body("requests.feesYuan", equalTo(8.0f))
                        // 2015-03-02 (Mon) to 2015-03-27 (Fri): 19 working days, over the limit of 15
                        .body("requests.answeredWithinLimit", equalTo(0))
                        .body("requests.byApplicant.find { it.key == 'RESEARCH_INSTITUTION' }.label", equalTo("科研机构")));

        ConsumerRecord<String, String> deadGarbage = awaitDeadLetter(garbage);
        ConsumerRecord<String, String> deadPoison = awaitDeadLetter(poison);
        assertNotNull(deadGarbage.headers().lastHeader("dead-letter-reason"));
        assertTrue(header(deadPoison, "dead-letter-reason").contains("recordId"), header(deadPoison, "dead-letter-reason"));
        assertTrue(header(deadPoison, "dead-letter-topic").equals(Topics.REQUESTS));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    static ConsumerRecord<String, String> awaitDeadLetter(String value) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(r.value())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("not on the dead-letter topic: " + value);
    }
}
