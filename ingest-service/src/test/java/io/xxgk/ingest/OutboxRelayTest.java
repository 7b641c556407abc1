package io.xxgk.ingest;

import io.xxgk.testing.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.ingest.event.OutboxLease;
import io.xxgk.ingest.event.OutboxReconciler;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox relay against the real PostgreSQL and Kafka: one row never blocks the others, one replica relays. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OutboxRelayTest {

    private static final String TOPIC = Topics.ITEMS_SUBMITTED;

    @Test
    void anEventTheBrokerRefusesIsParkedAndTheRowsAroundItAreSent() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Long> normal = new ArrayList<>();
        long big;
        try (Connection c = ingestDb()) {
            normal.add(insert(c, "zzsz", event(run, "before")));
            // 2 MiB: larger than the producer's max.request.size (1 MiB), refused for good
            big = insert(c, "zzsz", "{\"run\":\"" + run + "\",\"pad\":\"" + "大".repeat(700 * 1024) + "\"}");
            for (int i = 0; i < 5; i++) {
                normal.add(insert(c, i % 2 == 0 ? "jclg" : "zzsz", event(run, "after-" + i)));
            }
        }

        try (Connection c = ingestDb()) {
            await().atMost(60, TimeUnit.SECONDS).until(() -> row(c, big).get("parked_at") != null);
            Map<String, Object> parked = row(c, big);
            assertNull(parked.get("sent_at"));
            assertTrue(((String) parked.get("park_reason")).contains("RecordTooLargeException"), parked.toString());
            for (long id : normal) {
                assertNotNull(row(c, id).get("sent_at"), "row " + id + " marked sent");
                assertNull(row(c, id).get("parked_at"));
            }
        }
        // the rows around it were not re-sent with a rolled-back batch
        Map<Long, Integer> onTopic = awaitOnTopic(Set.copyOf(normal), Duration.ofSeconds(30));
        normal.forEach(id -> assertEquals(1, onTopic.get(id), "event " + id + " on the topic exactly once"));
        assertFalse(onTopic.containsKey(big));
        // the failed send left the emitter usable: a later event goes out
        long later;
        try (Connection c = ingestDb()) {
            later = insert(c, "zzsz", event(run, "later"));
        }
        assertEquals(1, awaitOnTopic(Set.of(later), Duration.ofSeconds(30)).get(later));

        // operators see it: readiness detail with the reason, and the gauge
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'outbox' }.data.'parked." + big + "'", containsString("RecordTooLargeException"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        double gauge = metrics.lines().filter(l -> l.startsWith("xxgk_outbox_parked "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim())).findFirst().orElse(-1);
        assertTrue(gauge >= 1, "xxgk_outbox_parked gauge: " + gauge);

        // and through the operators' endpoint: the reason, a retry (refused again, parked again), no access for departments
        given().header("Authorization", "Bearer " + Keys.ADMIN).get("/api/v1/admin/outbox/parked?limit=500").then().statusCode(200)
                .body("find { it.id == " + big + " }.reason", containsString("RecordTooLargeException"));
        given().header("Authorization", Keys.bearer("zzsz", "招生就业处")).get("/api/v1/admin/outbox/parked").then().statusCode(403);
        given().header("Authorization", "Bearer " + Keys.ADMIN).post("/api/v1/admin/outbox/parked/999999999/retry").then()
                .statusCode(404).contentType(containsString("application/problem+json"));
        given().header("Authorization", "Bearer " + Keys.ADMIN).get("/api/v1/admin/outbox/parked?limit=x").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().header("Authorization", "Bearer " + Keys.ADMIN).post("/api/v1/admin/outbox/parked/" + big + "/retry").then()
                .statusCode(200).body("id", equalTo((int) big));
        try (Connection c = ingestDb()) {
            await().atMost(60, TimeUnit.SECONDS).until(() -> row(c, big).get("parked_at") != null);
            assertNull(row(c, big).get("sent_at"), "still too large: parked again, never sent");
        }
    }

    @Test
    void onlyTheLeaseHolderRelaysAndATakeoverReconcilesBeforeSending() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Long> ids = new ArrayList<>();
        try (Connection admin = superuserDb(); Connection otherReplica = ingestDb()) {
            takeLeaseFromTheService(admin, otherReplica);
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> given().when().get("/q/health/ready").then()
                    .body("checks.find { it.name == 'outbox' }.data.relayActive", equalTo(false)));

            try (Connection c = ingestDb()) {
                for (int i = 0; i < 6; i++) {
                    ids.add(insert(c, "zzsz", event(run, "lease-" + i)));
                }
            }
            // the service stands by while the other replica holds the lease
            List<ConsumerRecord<String, String>> early = TopicProbe.readUntil(TOPIC, seen -> false, Duration.ofSeconds(4));
            assertTrue(outboxIds(early).keySet().stream().noneMatch(ids::contains), "nothing sent by a replica without the lease");

            // the other replica sends the first three and dies before marking them sent
            try (KafkaProducer<String, String> producer = producer()) {
                for (long id : ids.subList(0, 3)) {
                    ProducerRecord<String, String> r = new ProducerRecord<>(TOPIC, "zzsz", event(run, "lease-" + ids.indexOf(id)));
                    r.headers().add(OutboxReconciler.OUTBOX_ID_HEADER, Long.toString(id).getBytes(StandardCharsets.UTF_8));
                    producer.send(r).get(30, TimeUnit.SECONDS);
                }
            }
        } // its session ends: the lease is free

        try (Connection c = ingestDb()) {
            await().atMost(60, TimeUnit.SECONDS).until(() -> ids.stream().allMatch(id -> sent(c, id)));
        }
        Map<Long, Integer> onTopic = awaitOnTopic(Set.copyOf(ids), Duration.ofSeconds(30));
        Thread.sleep(1000);
        onTopic = awaitOnTopic(Set.copyOf(ids), Duration.ofSeconds(30));
        for (long id : ids) {
            assertEquals(1, onTopic.get(id), "event " + id + " on the topic exactly once after the takeover");
        }
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'outbox' }.data.relayActive", equalTo(true)));
    }

    @Test
    void theRelayResumesByItselfAfterABrokerOutageAndADatabaseRestart() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Long> ids = new ArrayList<>();

        RealServers.stack().kafka().stop();
        try {
            try (Connection c = ingestDb()) {
                for (int i = 0; i < 3; i++) {
                    ids.add(insert(c, "zzsz", event(run, "broker-down-" + i)));
                }
            }
            // longer than the producer's delivery timeout in tests (8 s): the sends fail transiently, the relay backs off
            Thread.sleep(12_000);
            try (Connection c = ingestDb()) {
                for (long id : ids) {
                    Map<String, Object> r = row(c, id);
                    assertNull(r.get("sent_at"));
                    assertNull(r.get("parked_at"), "a broker outage never parks");
                }
            }
        } finally {
            RealServers.stack().kafka().start();
        }

        RealServers.stack().postgres().close();
        try {
            Thread.sleep(3000);
        } finally {
            RealServers.stack().postgres().start();
        }
        // the relay must take its lease again on the restarted database and carry on
        try (Connection c = ingestDb()) {
            for (int i = 0; i < 3; i++) {
                ids.add(insert(c, "jclg", event(run, "after-restart-" + i)));
            }
            await().atMost(120, TimeUnit.SECONDS).until(() -> ids.stream().allMatch(id -> sent(c, id)));
            for (long id : ids) {
                assertNull(row(c, id).get("parked_at"), "a transient failure never parks");
            }
        }
        Map<Long, Integer> onTopic = awaitOnTopic(Set.copyOf(ids), Duration.ofSeconds(60));
        for (long id : ids) {
            assertEquals(1, onTopic.get(id), "event " + id + " on the topic exactly once");
        }
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'outbox' }.data.relayActive", equalTo(true)));
    }

    /**
     * Ends the service's lease session and takes the lock on {@code holder} before the service takes it again, so the
     * service stands by (also used by {@link OpsObservabilityTest}).
     */
    static void takeLeaseFromTheService(Connection admin, Connection holder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (PreparedStatement ps = admin.prepareStatement(
                    "select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
                ps.setString(1, OutboxLease.APPLICATION_NAME);
                ps.executeQuery().close();
            }
            try (Statement st = holder.createStatement();
                 ResultSet rs = st.executeQuery("select pg_try_advisory_lock(" + OutboxLease.LOCK_KEY + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("could not take the relay lease from the service");
    }

    private static String event(String run, String name) {
        return "{\"run\":\"" + run + "\",\"name\":\"" + name + "\",\"title\":\"信息公开测试\"}";
    }

    private static long insert(Connection c, String key, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into outbox (topic, message_key, payload, headers, created_at) "
                + "values (?, ?, ?, ?::jsonb, now()) returning id")) {
            ps.setString(1, TOPIC);
            ps.setString(2, key);
            ps.setString(3, payload);
            ps.setString(4, "{\"content-type\":\"application/json; charset=UTF-8\"}");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, Object> row(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select sent_at, parked_at, park_reason from outbox where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "row " + id + " exists");
                Map<String, Object> m = new HashMap<>();
                m.put("sent_at", rs.getObject("sent_at"));
                m.put("parked_at", rs.getObject("parked_at"));
                m.put("park_reason", rs.getString("park_reason"));
                return m;
            }
        }
    }

    private static boolean sent(Connection c, long id) {
        try {
            return row(c, id).get("sent_at") != null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Occurrences on the topic of each outbox id, once all of {@code ids} are there (or the timeout passed). */
    private static Map<Long, Integer> awaitOnTopic(Set<Long> ids, Duration timeout) {
        List<ConsumerRecord<String, String>> records = TopicProbe.readUntil(TOPIC,
                seen -> outboxIds(seen).keySet().containsAll(ids), timeout);
        Map<Long, Integer> counts = outboxIds(records);
        assertTrue(counts.keySet().containsAll(ids), "all on the topic; missing: "
                + ids.stream().filter(id -> !counts.containsKey(id)).collect(Collectors.toList()));
        return counts;
    }

    private static Map<Long, Integer> outboxIds(List<ConsumerRecord<String, String>> records) {
        Map<Long, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            Header h = r.headers().lastHeader(OutboxReconciler.OUTBOX_ID_HEADER);
            if (h != null) {
                counts.merge(Long.parseLong(new String(h.value(), StandardCharsets.UTF_8)), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    private static Connection ingestDb() throws SQLException {
        return DriverManager.getConnection(RealServers.stack().postgres().jdbcUrl("ingest"), "ingest", "ingest");
    }

    private static Connection superuserDb() throws SQLException {
        return DriverManager.getConnection(RealServers.stack().postgres().jdbcUrl("ingest"), "postgres", "postgres");
    }
}
