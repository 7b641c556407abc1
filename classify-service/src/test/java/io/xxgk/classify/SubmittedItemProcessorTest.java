package io.xxgk.classify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import io.xxgk.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "classify"))
class SubmittedItemProcessorTest {

    static ItemSubmitted submitted(String id, String title, ItemKind kind) {
        return submitted(id, title, null, kind, null);
    }

    static ItemSubmitted submitted(String id, String title, String body, ItemKind kind, Integer hint) {
        return new ItemSubmitted(1, id, 1, ItemAction.SUBMIT, "zzsz", "采购与招标管理处", title, body, kind,
                LocalDate.of(2025, 3, 3), null, null, null, hint, false, null, null, null, Instant.now());
    }

    public static void send(String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.ITEMS_SUBMITTED, key, value)).get();
        }
    }

    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<List<ConsumerRecord<String, String>>> done) {
        return read(topic, done, Duration.ofSeconds(30));
    }

    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<List<ConsumerRecord<String, String>>> done,
                                                            Duration timeout) {
        return TopicProbe.readUntil(topic, done, timeout);
    }

    @Test
    void procurementNoticeIsItem18AndNewsIsNone() throws Exception {
        String tender = "t-" + UUID.randomUUID();
        String news = "n-" + UUID.randomUUID();
        send("zzsz", EventCodec.encode(submitted(tender, "2025年水电耗材采购项目招标公告", ItemKind.PROCUREMENT_NOTICE)));
        send("zzsz", EventCodec.encode(submitted(news, "我校在全省职业院校技能大赛中获一等奖", ItemKind.NEWS)));

        List<ConsumerRecord<String, String>> out = read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().filter(r -> r.value().contains(tender) || r.value().contains(news)).count() >= 2);
        ItemClassified t = find(out, tender);
        ItemClassified n = find(out, news);
        assertEquals(18, t.checklistItem());
        assertEquals(3, t.category());
        assertEquals(Decision.PUBLISH, t.decision());
        assertNull(n.checklistItem());
        assertEquals("zzsz/" + tender, out.stream().filter(r -> r.value().contains(tender)).findFirst().orElseThrow().key(),
                "keyed by item, as the submitted event was");
    }

    @Test
    void redeliveredSubmissionIsNotDecidedTwice() throws Exception {
        String id = "dup-" + UUID.randomUUID();
        String json = EventCodec.encode(submitted(id, "2025年部门预算公开", ItemKind.BUDGET));
        send("zzsz", json);
        send("zzsz", json);
        List<ConsumerRecord<String, String>> out = read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().filter(r -> r.value().contains(id)).count() >= 2);
        List<ItemClassified> mine = out.stream().filter(r -> r.value().contains(id))
                .map(r -> EventCodec.decode(r.value(), ItemClassified.class)).toList();
        assertEquals(2, mine.size(), "the redelivery re-sends the stored decision");
        assertEquals(mine.get(0), mine.get(1), "identical, including the classification time");
        assertEquals(19, mine.get(0).checklistItem());
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicAndProcessingContinues() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        send("zzsz", "{\"this is\": not json " + marker);
        String after = "after-" + UUID.randomUUID();
        send("zzsz", EventCodec.encode(submitted(after, "关于2025年学费收费标准的公示", ItemKind.FEE_SCHEDULE)));

        List<ConsumerRecord<String, String>> dlq = read(Topics.DEAD_LETTER,
                seen -> seen.stream().anyMatch(r -> r.value().contains(marker)));
        ConsumerRecord<String, String> dead = dlq.stream().filter(r -> r.value().contains(marker)).findFirst().orElseThrow();
        assertNotNull(dead.headers().lastHeader("dead-letter-reason"));
        assertTrue(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8).contains("ItemSubmitted"));

        List<ConsumerRecord<String, String>> out = read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(after)));
        assertEquals(21, find(out, after).checklistItem());
    }

    static ItemClassified find(List<ConsumerRecord<String, String>> records, String id) {
        return records.stream().filter(r -> r.value().contains(id)).findFirst()
                .map(r -> EventCodec.decode(r.value(), ItemClassified.class)).orElseThrow(() -> new AssertionError("no event for " + id));
    }
}
