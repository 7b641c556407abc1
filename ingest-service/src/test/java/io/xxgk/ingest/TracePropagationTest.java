package io.xxgk.ingest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.TraceContexts;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import io.xxgk.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trace of a department's POST (here begun by the caller, as a traced client does) is kept in the outbox row and
 * continued by the relay's send: the submitted event's traceparent header names the same trace.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class TracePropagationTest {

    @Test
    void thePostsTraceTravelsThroughTheOutboxRowIntoTheKafkaHeaders() throws Exception {
        String traceId = randomHex(16);
        String callerSpan = randomHex(8);
        String id = "trace-" + UUID.randomUUID();
        given().header("Authorization", Keys.bearer("zzsz", "采购与招标管理处")).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(Keys.JSON).body(ItemIntakeTest.item(id)).post("/api/v1/items").then().statusCode(202);

        String stored;
        try (Connection c = DriverManager.getConnection(RealServers.stack().postgres().jdbcUrl("ingest"), "ingest", "ingest");
             PreparedStatement ps = c.prepareStatement("select traceparent from outbox where payload like ?")) {
            ps.setString(1, "%" + id + "%");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "outbox row of " + id);
                stored = rs.getString(1);
            }
        }
        assertEquals(traceId, TraceContexts.traceId(stored).orElseThrow(), "the outbox row keeps the POST's trace: " + stored);

        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(Topics.ITEMS_SUBMITTED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id)), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        List<String> headers = new java.util.ArrayList<>();
        record.headers().headers(TraceContexts.TRACEPARENT).forEach(h -> headers.add(new String(h.value())));
        assertEquals(1, headers.size(), "one traceparent header: " + headers);
        String sent = headers.get(0);
        assertEquals(traceId, TraceContexts.traceId(sent).orElseThrow(), "the submitted event continues the POST's trace: " + sent);
        assertNotEquals(callerSpan, sent.split("-")[2], "the send is a span of its own");
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (invalid)
        return HexFormat.of().formatHex(b);
    }
}
