package io.xxgk.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.stack.DemoData;
import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.StackPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static final String ADMIN = "it-admin-" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static LocalStack stack;
    static Pipeline pipeline;

    @BeforeAll
    static void startEverything() throws Exception {
        Path dir = Files.createTempDirectory("xxgk-it-");
        StackPaths paths = StackPaths.fromBuild();
        stack = new LocalStack(LocalStack.Settings.ephemeral(dir), paths).start();
        pipeline = new Pipeline(stack, paths, dir.resolve("logs"), Pipeline.ServicePorts.ephemeral(),
                Map.of("xxgk.admin-token", ADMIN)).start();
    }

    @AfterAll
    static void stopEverything() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void postedItemReachesTheCatalogueThroughKafka() throws Exception {
        String key = new DemoData(pipeline.url(Pipeline.Service.INGEST), ADMIN).issueKey("zzsz", "采购与招标管理处");
        String id = "it-" + UUID.randomUUID();
        String item = JSON.writeValueAsString(Map.of("id", id, "schoolCode", "zzsz", "department", "采购与招标管理处",
                "title", "株洲师范高等专科学校2025年实训设备采购项目招标公告", "kind", "PROCUREMENT_NOTICE",
                "producedDate", "2025-04-01", "body", "欢迎符合条件的供应商参加投标。"));
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(Pipeline.Service.INGEST) + "/api/v1/items"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(item, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, posted.statusCode(), posted.body());
        assertEquals(id, JSON.readTree(posted.body()).path("id").asText());

        JsonNode schools = get(pipeline.url(Pipeline.Service.PUBLISH) + "/api/v1/schools");
        assertEquals(5, schools.size());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode catalogue = get(pipeline.url(Pipeline.Service.PUBLISH) + "/api/v1/schools/zzsz/catalogue");
            JsonNode finance = catalogue.path("categories").get(2);
            assertEquals("财务、资产及收费信息", finance.path("name").asText());
            JsonNode item18 = finance.path("items").findParents("number").stream()
                    .filter(n -> n.path("number").asInt() == 18).findFirst().orElseThrow();
            assertEquals("PUBLISHED", item18.path("status").asText());
            assertTrue(item18.path("entries").toString().contains(id), item18.toString());
        });
    }

    static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), url + " → " + r.body());
        return JSON.readTree(r.body());
    }
}
