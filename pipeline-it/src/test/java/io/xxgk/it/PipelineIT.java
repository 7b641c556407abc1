package io.xxgk.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xxgk.stack.Pipeline;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton end to end: the three packaged services as separate JVMs against a real Kafka broker,
 * PostgreSQL and S3 server. An item posted to ingest shows up in publish's catalogue under its checklist item.
 */
class PipelineIT {

    @Test
    void postedItemReachesTheCatalogueThroughKafka() throws Exception {
        RunningPipeline p = RunningPipeline.get();
        String key = p.issueKey("zzsz", "采购与招标管理处");
        String id = "it-" + UUID.randomUUID();
        HttpResponse<String> posted = p.postItem(key, Map.of("id", id, "schoolCode", "zzsz", "department", "采购与招标管理处",
                "title", "株洲师范高等专科学校2025年实训设备采购项目招标公告", "kind", "PROCUREMENT_NOTICE",
                "producedDate", "2025-04-01", "body", "欢迎符合条件的供应商参加投标。"));
        assertEquals(202, posted.statusCode(), posted.body());
        assertEquals(id, RunningPipeline.JSON.readTree(posted.body()).path("id").asText());

        JsonNode schools = p.get(p.url(Pipeline.Service.PUBLISH) + "/api/v1/schools");
        assertEquals(5, schools.size());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode catalogue = p.get(p.url(Pipeline.Service.PUBLISH) + "/api/v1/schools/zzsz/catalogue");
            JsonNode finance = catalogue.path("categories").get(2);
            assertEquals("财务、资产及收费信息", finance.path("name").asText());
            JsonNode item18 = finance.path("items").findParents("number").stream()
                    .filter(n -> n.path("number").asInt() == 18).findFirst().orElseThrow();
            assertEquals("PUBLISHED", item18.path("status").asText());
            assertTrue(item18.path("entries").toString().contains(id), item18.toString());
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> status = RunningPipeline.HTTP.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(p.url(Pipeline.Service.INGEST) + "/api/v1/items/" + id))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("PUBLISHED", RunningPipeline.JSON.readTree(status.body()).path("status").asText());
        });
    }
}
