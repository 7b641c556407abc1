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
 * followed it live.
 */
class CatalogueRebuildIT {

    @Test
    void replayingTheTopicIntoFreshTablesGivesTheSameCatalogue() throws Exception {
        RunningPipeline p = RunningPipeline.get();
        DemoData.Result demo = new DemoData(p.url(Pipeline.Service.INGEST), RunningPipeline.ADMIN).load(4);
        assertEquals(0, demo.failed());
        assertTrue(demo.accepted() > 1000, "the demo year of five schools: " + demo.accepted());
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
        String overview = "/api/v1/province/overview?year=2025";
        assertEquals(p.get(p.url(Pipeline.Service.PUBLISH) + overview), p.get(rebuilt + overview),
                "province overview rebuilt from the topic");
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
