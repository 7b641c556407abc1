package io.xxgk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.stack.Pipeline;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "202 means durable": an accepted item survives ingest being killed mid-burst and the broker being down.
 * Every accepted id reaches the submitted topic and lands in the catalogue exactly once.
 */
class DurabilityIT {

    @Test
    void itemsAcceptedJustBeforeIngestIsKilledAreAllDelivered() throws Exception {
        RunningPipeline p = RunningPipeline.get();
        String key = p.issueKey("hnxx", "党政办公室");
        String prefix = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        List<String> inFlight = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String id = prefix + "-" + i;
            posts.add(pool.submit(() -> {
                try {
                    HttpResponse<String> r = p.postItem(key, item(id, "hnxx", "党政办公室", "关于校园文化活动的通知第" + id + "期"));
                    if (r.statusCode() == 202) {
                        accepted.add(id);
                    } else if (r.statusCode() < 500) {
                        refused.add(id);
                    } else {
                        inFlight.add(id);
                    }
                } catch (RuntimeException e) {
                    // the service died under this request: its commit may or may not have happened
                    inFlight.add(id);
                }
            }));
        }
        // kill ingest (SIGKILL, no shutdown hooks) while the burst is still arriving
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 150);
        p.pipeline.kill(Pipeline.Service.INGEST);
        for (Future<?> f : posts) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        int acceptedBeforeCrash = accepted.size();
        assertTrue(acceptedBeforeCrash >= 150 && acceptedBeforeCrash < 600, "accepted " + acceptedBeforeCrash);
        assertTrue(refused.isEmpty(), "valid items refused: " + refused);

        p.pipeline.startService(Pipeline.Service.INGEST);
        p.pipeline.awaitReady(Pipeline.Service.INGEST, Duration.ofSeconds(120));

        Map<String, Integer> onTopic = countOnTopic(p, prefix, new HashSet<>(accepted), Duration.ofSeconds(90));
        for (String id : accepted) {
            assertTrue(onTopic.getOrDefault(id, 0) >= 1, "accepted " + id + " never reached Kafka");
        }
        long duplicates = onTopic.values().stream().filter(n -> n > 1).count();
        System.out.printf("crash test: %d accepted before SIGKILL, all on the topic, %d of them more than once, "
                + "%d posts in flight at the kill%n", acceptedBeforeCrash, duplicates, inFlight.size());
        assertEquals(0, duplicates, "exactly once on the topic: " + onTopic);

        // a post in flight at the kill may have committed without its 202 reaching the client: it may appear,
        // once; an accepted one must appear exactly once; nothing else may
        Set<String> mayAppear = new HashSet<>(inFlight);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Integer> inCatalogue = catalogueIds(p, "hnxx", prefix);
            for (String id : accepted) {
                assertEquals(1, inCatalogue.getOrDefault(id, 0), "accepted " + id + " exactly once in the catalogue");
            }
            for (var e : inCatalogue.entrySet()) {
                if (!accepted.contains(e.getKey())) {
                    assertTrue(mayAppear.contains(e.getKey()), e.getKey() + " was never posted or was refused");
                    assertEquals(1, e.getValue(), "in-flight " + e.getKey() + " at most once");
                }
            }
        });
    }

    @Test
    void itemsAcceptedWhileTheBrokerIsDownArriveWhenItReturns() throws Exception {
        RunningPipeline p = RunningPipeline.get();
        String key = p.issueKey("zjjhk", "宣传部");
        String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        p.stack.kafka().kill();
        List<String> accepted = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String id = prefix + "-" + i;
                HttpResponse<String> r = p.postItem(key, item(id, "zjjhk", "宣传部", "我院举办读书分享会 " + id));
                assertEquals(202, r.statusCode(), "ingest accepts durably while Kafka is down: " + r.body());
                accepted.add(id);
            }
        } finally {
            p.stack.kafka().start();
        }
        Map<String, Integer> onTopic = countOnTopic(p, prefix, new HashSet<>(accepted), Duration.ofSeconds(120));
        assertEquals(new HashSet<>(accepted), onTopic.keySet());
        assertTrue(onTopic.values().stream().allMatch(n -> n == 1), "exactly once on the topic: " + onTopic);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertEquals(20, catalogueEntries(p, "zjjhk", prefix)));
    }

    static Map<String, Object> item(String id, String school, String department, String title) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("schoolCode", school);
        m.put("department", department);
        m.put("title", title);
        m.put("kind", "NEWS");
        m.put("producedDate", "2025-05-06");
        return m;
    }

    /** How many times each id with {@code prefix} is on the submitted topic, reading until all expected are seen. */
    static Map<String, Integer> countOnTopic(RunningPipeline p, String prefix, Set<String> expected, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, p.stack.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.ITEMS_SUBMITTED));
            long deadline = System.nanoTime() + timeout.toNanos();
            int idle = 0;
            while (System.nanoTime() < deadline && (!counts.keySet().containsAll(expected) || idle < 5)) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() ? idle + 1 : 0;
                records.forEach(r -> {
                    if (r.value().contains(prefix)) {
                        counts.merge(EventCodec.decode(r.value(), ItemSubmitted.class).itemId(), 1, Integer::sum);
                    }
                });
            }
        }
        return counts;
    }

    /** Published entries whose id starts with {@code prefix}, counted through the public list (news belongs to no checklist item). */
    static long catalogueEntries(RunningPipeline p, String school, String prefix) throws Exception {
        return catalogueIds(p, school, prefix).values().stream().mapToLong(Integer::longValue).sum();
    }

    /** How many times each published id starting with {@code prefix} is listed in the school's public list. */
    static Map<String, Integer> catalogueIds(RunningPipeline p, String school, String prefix) throws Exception {
        String base = p.url(Pipeline.Service.PUBLISH) + "/api/v1/schools/" + school + "/items?limit=100&q=" + prefix;
        JsonNode page = p.get(base);
        Map<String, Integer> ids = new HashMap<>();
        while (true) {
            for (JsonNode e : page.path("items")) {
                if (e.path("id").asText().startsWith(prefix)) {
                    ids.merge(e.path("id").asText(), 1, Integer::sum);
                }
            }
            String next = page.path("next").isTextual() ? page.path("next").asText() : null;
            if (next == null || next.isEmpty()) {
                return ids;
            }
            page = p.get(base + "&cursor=" + next);
        }
    }
}
