package io.xxgk.it.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.CloudEventHeaders;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.it.RunningPipeline;
import io.xxgk.stack.DemoData;
import io.xxgk.stack.Pipeline;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations in a real browser, on the shared stack and console ({@link RunningPipeline}, {@link ConsoleBrowser}): the
 * demo operator sees consumer lag per group and partition and the outbox backlog, finds a dead letter (an item that
 * never reached classify) with its reason, replays it, and the item reaches publish's public catalogue; the replay is
 * listed with who and when, and a second replay asks first. The demo department editor is refused /ops.
 */
class OperationsIT {

    private static final String SCHOOL = RunningPipeline.CONSOLE_SCHOOL;
    private static final String DEPARTMENT = "采购与招标管理处";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConsoleBrowser browser = ConsoleBrowser.get();
    private final RunningPipeline pipeline = RunningPipeline.get();

    @Test
    void anOperatorReplaysADeadLetterAndTheItemIsPublished() throws Exception {
        DemoData.ConsoleAccount operator = pipeline.consoleAccount("operator");

        // one item through the whole pipeline first, so every service's consumer group has committed offsets
        String firstId = "ops-it-first-" + UUID.randomUUID();
        HttpResponse<String> posted = pipeline.postItem(pipeline.issueKey(SCHOOL, DEPARTMENT), Map.of("id", firstId,
                "schoolCode", SCHOOL, "department", DEPARTMENT, "title", "株洲师范高等专科学校2025年教学楼维修项目招标公告",
                "kind", "PROCUREMENT_NOTICE", "producedDate", "2025-04-02", "body", "欢迎符合条件的供应商参加投标。"));
        assertEquals(202, posted.statusCode(), posted.body());
        awaitPublished(firstId, "教学楼维修项目");

        // an item that never reached classify: its submission was set aside by an earlier failure
        String itemId = "ops-it-" + UUID.randomUUID();
        ItemSubmitted submitted = ItemSubmitted.builder().itemId(itemId).revision(1).action(ItemAction.SUBMIT).schoolCode(SCHOOL)
                .department(DEPARTMENT).title("株洲师范高等专科学校2025年实训设备采购项目招标公告").body("欢迎符合条件的供应商参加投标。")
                .kind(ItemKind.PROCUREMENT_NOTICE).producedDate(LocalDate.of(2025, 4, 1)).submittedAt(Instant.now()).build();
        String reason = "cannot be classified: PSQLException: ERROR: relation \"decision\" does not exist (测试用)";
        RecordMetadata dl = deadLetter(submitted, reason);
        String letterId = dl.partition() + "-" + dl.offset();

        try (ConsoleBrowser.Session s = browser.open("ops").signIn(operator)) {
            Page page = s.page;
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("运行监控 Operations")).click();
            page.waitForURL("**/ops");
            assertEquals("运行监控 Operations", page.locator("h1").innerText().replaceAll("\\s+", " ").trim());
            // lag per group and partition: classify's group on the submitted topic, with its partitions
            Locator classifyRows = page.locator("#lag tr[data-topic='" + Topics.ITEMS_SUBMITTED + "']");
            assertTrue(classifyRows.count() >= 1, "a lag row for " + Topics.ITEMS_SUBMITTED);
            assertTrue(page.locator("#lag tbody").innerText().contains("classify"), page.locator("#lag tbody").innerText());
            // the outbox drains within moments; what the operator sees once it has
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                page.reload();
                assertEquals("0", page.locator("#outbox-unsent").innerText().trim());
            });
            assertEquals("0", page.locator("#outbox-parked").innerText().trim());
            assertTrue(page.locator("#tile-dead .num").innerText().trim().matches("[1-9]\\d*"), page.locator("#tile-dead").innerText());
            s.screenshot("01-operations");
            page.setViewportSize(390, 844);
            s.screenshot("01-operations-390");
            page.setViewportSize(1280, 900);

            page.locator("#tile-dead a").click();
            page.waitForURL("**/ops/dead-letters");
            Locator letter = page.locator("#letter-" + letterId);
            assertTrue(letter.innerText().contains(reason), letter.innerText());
            assertTrue(letter.innerText().contains(Topics.ITEMS_SUBMITTED));
            letter.locator("summary").click();
            assertTrue(letter.locator("pre").innerText().contains(itemId), "the operator sees the payload");
            s.screenshot("02-dead-letters");

            letter.locator("button[type=submit]").click();
            page.waitForURL("**/ops/dead-letters?replayed=" + letterId);
            assertTrue(page.locator("#done").innerText().contains(letterId));
            Locator logged = page.locator("#replays tr[data-letter='" + letterId + "']");
            assertEquals(1, logged.count());
            assertTrue(logged.innerText().contains(operator.displayName()) && logged.innerText().contains(operator.username()),
                    logged.innerText());
            assertTrue(logged.innerText().contains("已写入"), logged.innerText());
            assertTrue(logged.locator("td").first().innerText().matches(".*\\d{2}:\\d{2}.*"), "when: " + logged.innerText());
            assertTrue(page.locator("#letter-" + letterId).innerText().contains("已重放"));
            s.screenshot("03-replayed");

            // the replayed item reaches publish's public catalogue
            awaitPublished(itemId, "实训设备采购项目招标公告");

            // a second replay asks first, and cancelling it replays nothing
            page.locator("#letter-" + letterId + " button[type=submit]").click();
            page.waitForLoadState();
            assertTrue(page.locator("#confirm").innerText().contains("已经重放过"), page.locator("#confirm").innerText());
            assertTrue(page.locator("#confirm").innerText().contains(operator.displayName()), page.locator("#confirm").innerText());
            s.screenshot("04-confirm-second-replay");
            page.locator("#confirm a").click();
            page.waitForURL("**/ops/dead-letters");
            assertEquals(1, page.locator("#replays tr[data-letter='" + letterId + "']").count());
        }

        try (ConsoleBrowser.Session s = browser.open("ops").signIn(pipeline.consoleAccount("editor"))) {
            Page page = s.page;
            assertEquals(0, page.locator("header nav a[href='/ops']").count(), "no link to /ops for an editor");
            Response refused = page.navigate("/ops");
            assertEquals(403, refused.status());
            assertFalse(page.content().contains("消费延迟"), "nothing of the page is shown");
            // a page in the console's layout, not an API's problem+json
            assertTrue(page.locator("h1").innerText().contains("无权查看"), page.content());
            assertTrue(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT).innerText().contains("您的角色不能查看此页面"));
            assertTrue(page.locator("header .who").innerText().contains(pipeline.consoleAccount("editor").username()));
            s.screenshot("05-editor-refused");
        }
    }

    private void awaitPublished(String itemId, String titlePart) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> item = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(Pipeline.Service.PUBLISH)
                    + "/api/v1/schools/" + SCHOOL + "/items/" + itemId)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, item.statusCode(), item.body());
            assertTrue(item.body().contains(titlePart), item.body());
        });
    }

    /** A dead letter as classify writes it (contract DeadLetters headers over the original CloudEvents headers). */
    private RecordMetadata deadLetter(ItemSubmitted e, String reason) throws Exception {
        RecordHeaders h = CloudEventHeaders.toKafka(CloudEventHeaders.of(e));
        h.add(DeadLetters.REASON, reason.getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.TOPIC, Topics.ITEMS_SUBMITTED.getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.PARTITION, "0".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.OFFSET, "0".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetters.CONSUMER, "classify-service".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                pipeline.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            return p.send(new ProducerRecord<>(Topics.DEAD_LETTER, null, e.schoolCode(), EventCodec.encode(e), h)).get();
        }
    }
}
