package io.xxgk.classify.event;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.CloudEventHeaders;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.Scope;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.testing.RealServersResource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast tier of {@link SubmittedItemProcessor}: polls are handed to it through SmallRye's InMemoryConnector (no
 * broker) and its decisions are read from an in-memory sink; the decisions are stored in the real database. The
 * processor takes a whole poll ({@code batch=true}) and the in-memory connector has no batching, so each poll is sent
 * as one {@link ConsumerRecords} payload, as the Kafka connector delivers it.
 */
@QuarkusTest
@TestProfile(SubmittedItemProcessorInMemoryTest.InMemoryChannels.class)
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "classify"))
class SubmittedItemProcessorInMemoryTest {

    /**
     * The processor's channels on the in-memory connector; the database stays real. (Not through
     * InMemoryConnector.switch*ChannelsToInMemory: those set system properties that would outlive this profile.)
     */
    public static class InMemoryChannels implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("mp.messaging.incoming." + Channels.ITEMS_SUBMITTED + ".connector", InMemoryConnector.CONNECTOR);
            for (String out : List.of(Channels.ITEMS_CLASSIFIED, Channels.DEAD_LETTER)) {
                config.put("mp.messaging.outgoing." + out + ".connector", InMemoryConnector.CONNECTOR);
            }
            return config;
        }
    }

    private static final String SCHOOL = "zzsz";

    @Inject
    @Any
    InMemoryConnector connector;

    private final String run = "mem-" + UUID.randomUUID().toString().substring(0, 8);
    private long offset;

    @BeforeEach
    void clearSinks() {
        connector.sink(Channels.ITEMS_CLASSIFIED).clear();
        connector.sink(Channels.DEAD_LETTER).clear();
    }

    @Test
    void aPollIsDecidedItemByItemAndAnUnreadableRecordAloneIsDeadLettered() {
        ItemSubmitted tender = item("tender", "2026年学生公寓空调采购项目公开招标公告", "采购与招标管理处", "项目编号 ZB-2026-018，欢迎投标。");
        ItemSubmitted personal = item("personal", "2026年新生奖学金评审结果公示", "学生工作处", "获奖学生 张三 身份证号 11010519491231002X");
        poll(EventCodec.encode(tender), "{\"itemId\": \"" + run + "-broken\", \"revision\": ", EventCodec.encode(personal));

        Map<String, Message<String>> out = decisions(2);
        ItemClassified t = EventCodec.decode(out.get(tender.itemId()).getPayload(), ItemClassified.class);
        assertEquals(Integer.valueOf(18), t.checklistItem(), t.explanation());
        assertEquals(Decision.PUBLISH, t.decision());
        assertEquals(tender.itemId(), header(out.get(tender.itemId()), Topics.CE_ID));
        assertNotNull(header(out.get(tender.itemId()), CloudEventHeaders.CE_TIME));

        ItemClassified p = EventCodec.decode(out.get(personal.itemId()).getPayload(), ItemClassified.class);
        assertEquals(Decision.HOLD, p.decision());
        assertFalse(p.body().contains("11010519491231002X"), "the public copy is masked: " + p.body());
        assertTrue(p.personalDataMasked());

        InMemorySink<String> deadLetters = connector.sink(Channels.DEAD_LETTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.received().size() == 1);
        Message<String> dead = deadLetters.received().get(0);
        assertTrue(dead.getPayload().contains(run + "-broken"));
        assertEquals(Topics.ITEMS_SUBMITTED, header(dead, DeadLetters.TOPIC));
        assertNotNull(header(dead, DeadLetters.REASON));
    }

    @Test
    void anInternalItemKeepsItsScope() {
        ItemSubmitted internal = item("internal", "关于2026年校内实训室设备采购结果的通报", "采购与招标管理处", "仅限校内。")
                .toBuilder().scope(Scope.INTERNAL).build();
        ItemSubmitted open = item("open", "2026年实训室设备采购结果公告", "采购与招标管理处", "现将结果公告如下。");
        poll(EventCodec.encode(internal), EventCodec.encode(open));
        Map<String, Message<String>> out = decisions(2);
        assertEquals(Scope.INTERNAL, EventCodec.decode(out.get(internal.itemId()).getPayload(), ItemClassified.class).scope());
        assertEquals(Scope.PUBLIC, EventCodec.decode(out.get(open.itemId()).getPayload(), ItemClassified.class).scope());
    }

    @Test
    void aRedeliveredPollResendsTheStoredDecisionsUnchanged() {
        ItemSubmitted budget = item("budget", "关于公开2026年部门预算的说明", "财务处", "根据规定，现将本校2026年部门预算公开如下。");
        poll(EventCodec.encode(budget));
        ItemClassified first = EventCodec.decode(decisions(1).get(budget.itemId()).getPayload(), ItemClassified.class);
        connector.sink(Channels.ITEMS_CLASSIFIED).clear();

        poll(EventCodec.encode(budget));
        ItemClassified again = EventCodec.decode(decisions(1).get(budget.itemId()).getPayload(), ItemClassified.class);
        assertEquals(first, again, "the same decision, to the instant it was first made");
        assertTrue(connector.sink(Channels.DEAD_LETTER).received().isEmpty());
    }

    private ItemSubmitted item(String suffix, String title, String department, String body) {
        return ItemSubmitted.builder().itemId(run + "-" + suffix).revision(1).action(ItemAction.SUBMIT).schoolCode(SCHOOL)
                .department(department).title(title).body(body).kind(ItemKind.OTHER).producedDate(LocalDate.of(2026, 3, 2))
                .submittedAt(Instant.now()).build();
    }

    /** One poll of the submitted-items topic, as the Kafka connector hands it to a batch consumer. */
    private void poll(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String v : values) {
            records.add(new ConsumerRecord<>(Topics.ITEMS_SUBMITTED, 0, offset++, SCHOOL, v));
        }
        connector.<ConsumerRecords<String, String>>source(Channels.ITEMS_SUBMITTED)
                .send(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ITEMS_SUBMITTED, 0), records)));
    }

    /** The decisions sent so far, by item id, once there are {@code count} of them. */
    private Map<String, Message<String>> decisions(int count) {
        InMemorySink<String> sink = connector.sink(Channels.ITEMS_CLASSIFIED);
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().size() >= count);
        assertEquals(count, sink.received().size());
        return sink.received().stream().collect(Collectors.toMap(
                m -> EventCodec.decode(m.getPayload(), ItemClassified.class).itemId(), Function.identity()));
    }

    private static String header(Message<String> m, String key) {
        Header h = m.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getHeaders().lastHeader(key);
        assertNotNull(h, "header " + key);
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
