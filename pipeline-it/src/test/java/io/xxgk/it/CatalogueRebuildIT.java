package io.xxgk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xxgk.contract.Topics;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.stack.DemoData;
import io.xxgk.stack.Pipeline;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue is a pure function of the classified topic: a fresh publish-service on empty tables, replaying
 * the topic from the beginning, serves exactly the same catalogue, statistics and province overview as the one that
 * followed it live. The events are keyed by item, not by school, so the replay interleaves the partitions differently
 * from the live run: only each item's own order is kept, and that is the only order the catalogue depends on.
 */
class CatalogueRebuildIT {

    @Test
    void replayingTheTopicIntoFreshTablesGivesTheSameCatalogue() throws Exception {
        RunningPipeline p = RunningPipeline.get();
        DemoData.Result demo = new DemoData(p.url(Pipeline.Service.INGEST), RunningPipeline.ADMIN).load(4);
        assertEquals(0, demo.failed());
        assertTrue(demo.accepted() > 1000, "the demo year of five schools: " + demo.accepted());
        Map<String, String> expected = revisionsAndWithdrawals(p);
        awaitCaughtUp(p, "classify-service", Topics.ITEMS_SUBMITTED);
        awaitCaughtUp(p, "publish-service", Topics.ITEMS_CLASSIFIED);

        String group = "publish-rebuild-" + UUID.randomUUID();
        String rebuilt = p.pipeline.startReplica(Pipeline.Service.PUBLISH, "publish_rebuild", Map.of(
                "mp.messaging.incoming.items-classified.group.id", group,
                "mp.messaging.incoming.requests.group.id", group + "-requests"));
        awaitCaughtUp(p, group, Topics.ITEMS_CLASSIFIED);

        for (School school : SchoolDirectory.load().all()) {
            String path = "/api/v1/schools/" + school.code() + "/catalogue?entriesPerItem=200";
            JsonNode live = p.get(p.url(Pipeline.Service.PUBLISH) + path);
            JsonNode replayed = p.get(rebuilt + path);
            assertTrue(live.path("summary").path("published").asInt() > 0, school.code() + " has published items");
            assertEquals(live, replayed, "catalogue of " + school.code() + " rebuilt from the topic");

            // the statistics' maintained counts (publish V13) are rebuilt by the replay too
            String statistics = "/api/v1/schools/" + school.code() + "/statistics?year=2025";
            JsonNode liveStatistics = counted(p.get(p.url(Pipeline.Service.PUBLISH) + statistics));
            assertTrue(liveStatistics.path("published").asInt() > 0, school.code() + " has published items in 2025");
            assertEquals(liveStatistics, counted(p.get(rebuilt + statistics)), "statistics of " + school.code() + " rebuilt from the topic");
        }
        // one item's events share a key (school/itemId), so its revisions and withdrawal keep their order on the topic,
        // live and replayed, while the school's items spread over every partition
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String path = "/api/v1/schools/zzsz/items/" + e.getKey();
            int liveStatus = status(p.url(Pipeline.Service.PUBLISH) + path);
            int replayedStatus = status(rebuilt + path);
            if (e.getValue() == null) {
                assertEquals(404, liveStatus, e.getKey() + " was withdrawn");
                assertEquals(404, replayedStatus, e.getKey() + " was withdrawn (rebuilt)");
            } else {
                JsonNode live = p.get(p.url(Pipeline.Service.PUBLISH) + path);
                JsonNode replayed = p.get(rebuilt + path);
                assertEquals(e.getValue(), live.path("title").asText(), e.getKey() + ": its last revision is public");
                for (String field : java.util.List.of("revision", "title", "body", "checklistItem", "producedDate")) {
                    assertEquals(live.path(field), replayed.path(field), e.getKey() + "." + field + " rebuilt from the topic");
                }
            }
        }
        String overview = "/api/v1/province/overview?year=2025";
        assertEquals(p.get(p.url(Pipeline.Service.PUBLISH) + overview), p.get(rebuilt + overview),
                "province overview rebuilt from the topic");
    }

    /**
     * 30 procurement notices of one school, then, interleaved across them, revisions (更正) and withdrawals (撤回): some
     * items are revised twice, some withdrawn after a revision. Answers each item's id → the title that must be public
     * at the end, or null if withdrawn.
     */
    private static Map<String, String> revisionsAndWithdrawals(RunningPipeline p) throws Exception {
        String key = p.issueKey("zzsz", "采购与招标管理处");
        String prefix = "rb-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String id = prefix + "-" + i;
            String title = "株洲师范高等专科学校2025年第" + i + "号设备采购项目招标公告";
            assertEquals(202, p.postItem(key, notice(id, title)).statusCode());
            expected.put(id, title);
        }
        for (int version = 2; version <= 3; version++) {
            for (int i = 0; i < 30; i++) {
                String id = prefix + "-" + i;
                if (i % 3 == 0 || (version == 3 && i % 2 == 0 && expected.get(id) != null)) {
                    String title = "株洲师范高等专科学校2025年第" + i + "号设备采购项目招标公告（第" + version + "次更正）";
                    assertEquals(202, send(p, key, "PUT", "/api/v1/items/" + id, notice(id, title)), id);
                    expected.put(id, title);
                } else if (i % 3 == 1 && version == 3) {
                    assertEquals(202, send(p, key, "POST", "/api/v1/items/" + id + "/withdrawal", Map.of("reason", "项目取消")), id);
                    expected.put(id, null);
                }
            }
        }
        return expected;
    }

    private static Map<String, Object> notice(String id, String title) {
        return Map.of("id", id, "schoolCode", "zzsz", "department", "采购与招标管理处", "title", title,
                "kind", "PROCUREMENT_NOTICE", "producedDate", "2025-04-01", "body", "欢迎符合条件的供应商参加投标。" + title);
    }

    private static int send(RunningPipeline p, String key, String method, String path, Map<String, Object> body) throws Exception {
        return RunningPipeline.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(p.url(Pipeline.Service.INGEST) + path))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json; charset=UTF-8")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(RunningPipeline.JSON.writeValueAsString(body),
                                java.nio.charset.StandardCharsets.UTF_8)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static int status(String url) throws Exception {
        return RunningPipeline.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The statistics without what is not on the topic of classified items (the office's year-end figures, applications). */
    private static JsonNode counted(JsonNode statistics) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = statistics.deepCopy();
        copy.remove(java.util.List.of("yearEndFigures", "requests"));
        return copy;
    }

    /** Waits until {@code group} has consumed everything currently on {@code topic}. */
    static void awaitCaughtUp(RunningPipeline p, String group, String topic) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> lag(p, group, topic) == 0);
    }

    static long lag(RunningPipeline p, String group, String topic) throws Exception {
        try (Admin admin = p.stack.kafka().admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                lag += ends.get(tp).offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }
}
