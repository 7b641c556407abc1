package io.xxgk.stack.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.contract.Topics;
import io.xxgk.stack.DemoData;
import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.Pipeline.Service;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a chaos run against a running {@link LocalStack} and {@link Pipeline}: clients post items through ingest's
 * public API (retrying 503, other 5xx and connection errors with the same id, which is idempotent), while this thread
 * SIGKILLs and restarts ingest, classify, publish, the object store, then takes PostgreSQL down (SIGKILLing the broker
 * meanwhile) and brings it back. Nothing is restarted by hand afterwards: it waits for the catalogue to hold every
 * accepted id, then audits publish's database, the whole submitted topic and the whole dead-letter topic.
 * Used by pipeline-it's ChaosIT and by bench/chaos.sh.
 */
public final class ChaosRun {

    private enum Outcome { ACCEPTED, REFUSED, UNANSWERED }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY = Duration.ofSeconds(180);

    private final LocalStack stack;
    private final Pipeline pipeline;
    private final String adminToken;
    private final ChaosConfig config;
    private final String prefix = "chaos-" + UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger answers503 = new AtomicInteger();
    private final AtomicInteger answers5xx = new AtomicInteger();
    private final AtomicInteger connectionErrors = new AtomicInteger();
    private final AtomicInteger refusedNotes = new AtomicInteger();
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final long t0 = System.nanoTime();
    private volatile boolean stopClients;

    public ChaosRun(LocalStack stack, Pipeline pipeline, String adminToken, ChaosConfig config) {
        this.stack = stack;
        this.pipeline = pipeline;
        this.adminToken = adminToken;
        this.config = config;
    }

    public String prefix() {
        return prefix;
    }

    public ChaosReport run() throws InterruptedException {
        Map<String, String> keys = new LinkedHashMap<>();
        DemoData admin = new DemoData(pipeline.url(Service.INGEST), adminToken);
        for (String school : config.schools()) {
            keys.put(school, admin.issueKey(school, "党政办公室"));
        }
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < config.clients(); c++) {
            String school = config.schools().get(c % config.schools().size());
            Thread t = new Thread(() -> postLoop(school, keys.get(school)), "chaos-client-" + c);
            t.start();
            clients.add(t);
        }
        long outageEnded;
        try {
            outageEnded = chaos(keys);
        } finally {
            ensureUp();
        }
        for (Thread t : clients) {
            t.join();
        }
        note("all " + outcomes.size() + " posts answered or given up");
        long[] stall = new long[1];
        boolean drained = awaitDrained(outageEnded, stall);
        note(drained ? "drained" : "not drained");
        return audit(drained, stall[0]);
    }

    // ---------------------------------------------------------------- the chaos

    /** Returns when the outage ended (System.nanoTime()). */
    private long chaos(Map<String, String> keys) throws InterruptedException {
        sleep(config.settle());
        for (Service s : List.of(Service.INGEST, Service.CLASSIFY, Service.PUBLISH)) {
            note("SIGKILL " + s.module());
            pipeline.kill(s);
            Thread.sleep(1000);
            pipeline.restartService(s, READY);
            note(s.module() + " ready again");
            sleep(config.settle());
        }
        note("SIGKILL s3proxy");
        stack.objectStore().kill();
        stack.objectStore().start();
        sleep(config.settle());

        burst(keys);
        note((config.killPostgres() ? "SIGKILL" : "fast shutdown of") + " PostgreSQL for " + config.outage().toSeconds() + " s");
        long outageStart = System.nanoTime();
        if (config.killPostgres()) {
            stack.postgres().kill();
        } else {
            stack.postgres().stop();
        }
        // the broker dies too while the database is down
        sleep(Duration.ofSeconds(Math.min(10, config.outage().toSeconds() / 4)));
        note("SIGKILL Kafka broker");
        stack.kafka().kill();
        Thread.sleep(2000);
        stack.kafka().start();
        note("Kafka broker back");
        long remaining = config.outage().toNanos() - (System.nanoTime() - outageStart);
        if (remaining > 0) {
            Thread.sleep(remaining / 1_000_000);
        }
        stack.postgres().start();
        long ended = System.nanoTime();
        note("PostgreSQL back after " + (ended - outageStart) / 1_000_000_000 + " s");
        return ended;
    }

    /** Whatever the chaos left down (after an exception), so the stack is usable afterwards. */
    private void ensureUp() {
        try {
            if (!stack.postgres().isRunning()) {
                stack.postgres().start();
            }
            if (!stack.kafka().isRunning()) {
                stack.kafka().start();
            }
            if (!stack.objectStore().isRunning()) {
                stack.objectStore().start();
            }
            for (Service s : Service.values()) {
                if (pipeline.process(s) == null || !pipeline.process(s).isAlive()) {
                    pipeline.kill(s);
                    pipeline.restartService(s, READY);
                }
            }
        } catch (RuntimeException e) {
            stopClients = true;
            throw e;
        }
    }

    /** {@code burst} items in batches of 500, then a moment for the outbox to put them on the topic. */
    private void burst(Map<String, String> keys) throws InterruptedException {
        if (config.burst() <= 0) {
            return;
        }
        List<String> schools = config.schools();
        int accepted = 0;
        for (int from = 0; from < config.burst(); from += 500) {
            String school = schools.get((from / 500) % schools.size());
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int n = from; n < Math.min(config.burst(), from + 500); n++) {
                batch.add(item(prefix + "-b" + String.format("%06d", n), school));
            }
            Set<String> retry = new TreeSet<>();
            batch.forEach(i -> retry.add((String) i.get("id")));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(pipeline.url(Service.INGEST) + "/api/v1/items/batch"))
                        .header("Authorization", "Bearer " + keys.get(school)).header("Content-Type", "application/json; charset=UTF-8")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200 || r.statusCode() == 202 || r.statusCode() == 207) {
                    for (var line : JSON.readTree(r.body()).path("results")) {
                        String id = line.path("id").asText();
                        int status = line.path("status").asInt();
                        if (status == 202 || status == 200) {
                            outcomes.put(id, Outcome.ACCEPTED);
                            retry.remove(id);
                            accepted++;
                        } else if (status >= 400 && status < 500) {
                            outcomes.put(id, Outcome.REFUSED);
                            retry.remove(id);
                        }
                    }
                } else {
                    note("batch answered " + r.statusCode() + ": " + abbreviate(r.body()));
                }
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
            }
            // what the batch did not settle is posted one by one, with the same ids
            for (String id : retry) {
                outcomes.put(id, post(item(id, school), keys.get(school)));
            }
        }
        note("burst of " + config.burst() + " items in batches: " + accepted + " accepted at once");
        Thread.sleep(2000);
    }

    // ---------------------------------------------------------------- the clients

    private void postLoop(String school, String key) {
        while (!stopClients) {
            int n = next.getAndIncrement();
            if (n >= config.items()) {
                return;
            }
            pace();
            String id = prefix + "-" + String.format("%06d", n);
            outcomes.put(id, post(item(id, school), key));
        }
    }

    private void pace() {
        if (config.ratePerSecond() <= 0) {
            return;
        }
        long interval = (long) (1e9 / config.ratePerSecond());
        long slot = nextSlot.getAndUpdate(s -> Math.max(s, System.nanoTime()) + interval);
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Map<String, Object> item(String id, String school) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("schoolCode", school);
        item.put("department", "党政办公室");
        item.put("title", "关于开展校园读书分享活动的通知（" + id + "）");
        item.put("kind", "NEWS");
        item.put("producedDate", "2025-05-06");
        return item;
    }

    private Outcome post(Map<String, Object> item, String key) {
        String id = (String) item.get("id");
        String body;
        try {
            body = JSON.writeValueAsString(item);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // an item keeps being retried until well after the outage could have ended
        long giveUp = System.nanoTime() + config.outage().toNanos() + Duration.ofMinutes(10).toNanos();
        long backoff = 250;
        while (System.nanoTime() < giveUp && !stopClients) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(pipeline.url(Service.INGEST) + "/api/v1/items"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json; charset=UTF-8")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = r.statusCode();
                if (status == 202 || status == 200) {
                    return Outcome.ACCEPTED;
                }
                if (status >= 400 && status < 500) {
                    if (refusedNotes.incrementAndGet() <= 5) {
                        note("refused " + id + ": " + status + " " + abbreviate(r.body()));
                    }
                    return Outcome.REFUSED;
                }
                if (status == 503) {
                    answers503.incrementAndGet();
                } else {
                    if (answers5xx.incrementAndGet() <= 3) {
                        note("answer " + status + " for " + id + ": " + abbreviate(r.body()));
                    }
                }
            } catch (IOException e) {
                connectionErrors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = Math.min(backoff * 2, 4000);
        }
        return Outcome.UNANSWERED;
    }

    // ---------------------------------------------------------------- waiting and auditing

    private boolean awaitDrained(long outageEnded, long[] longestStall) throws InterruptedException {
        Set<String> accepted = ids(Outcome.ACCEPTED);
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        long lastProgress = outageEnded;
        int lastCount = -1;
        while (true) {
            long now = System.nanoTime();
            int count;
            try {
                Set<String> present = catalogue().keySet();
                count = (int) accepted.stream().filter(present::contains).count();
            } catch (SQLException e) {
                count = lastCount;
            }
            if (count > lastCount) {
                lastCount = count;
                lastProgress = now;
            }
            longestStall[0] = Math.max(longestStall[0], (now - Math.max(lastProgress, outageEnded)) / 1_000_000_000);
            if (count == accepted.size()) {
                return true;
            }
            if (now > deadline || now - lastProgress > config.stallLimit().toNanos()) {
                note("gave up waiting: " + count + " of " + accepted.size() + " accepted ids in the catalogue");
                return false;
            }
            Thread.sleep(1000);
        }
    }

    private ChaosReport audit(boolean drained, long stalledSeconds) {
        Set<String> accepted = ids(Outcome.ACCEPTED);
        Set<String> refused = ids(Outcome.REFUSED);
        Set<String> unanswered = ids(Outcome.UNANSWERED);
        Map<String, Integer> inCatalogue;
        Set<String> twice = new TreeSet<>();
        try {
            inCatalogue = catalogue();
            inCatalogue.forEach((id, rows) -> {
                if (rows > 1) {
                    twice.add(id);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read publish's catalogue: " + e.getMessage(), e);
        }
        Set<String> lost = new TreeSet<>(accepted);
        lost.removeAll(inCatalogue.keySet());
        Set<String> unexpected = new TreeSet<>(inCatalogue.keySet());
        unexpected.removeAll(accepted);
        unexpected.removeAll(unanswered);

        Map<String, Integer> submitted = new HashMap<>();
        readWholeTopic(Topics.ITEMS_SUBMITTED, r -> {
            String ceId = header(r, Topics.CE_ID);
            if (ceId != null && ceId.startsWith(prefix)) {
                submitted.merge(ceId, 1, Integer::sum);
            }
        });
        Map<String, Integer> submittedTwice = new TreeMap<>();
        submitted.forEach((id, n) -> {
            if (n > 1) {
                submittedTwice.put(id, n);
            }
        });
        Pattern ours = Pattern.compile(Pattern.quote(prefix) + "-b?\\d{6}");
        Map<String, String> deadLettered = new TreeMap<>();
        readWholeTopic(Topics.DEAD_LETTER, r -> {
            Matcher m = ours.matcher(r.value() == null ? "" : r.value());
            if (m.find()) {
                deadLettered.put(m.group(), "from " + header(r, "dead-letter-topic") + ": " + abbreviate(String.valueOf(header(r, "dead-letter-reason"))));
            }
        });
        note("audit: " + inCatalogue.size() + " in the catalogue, " + submitted.size() + " on the submitted topic");
        return new ChaosReport(outcomes.size(), accepted.size(), refused.size(), unanswered.size(), answers503.get(),
                answers5xx.get(), connectionErrors.get(), lost, unexpected, submittedTwice, twice, deadLettered,
                stalledSeconds, drained, List.copyOf(timeline));
    }

    private Set<String> ids(Outcome o) {
        Set<String> s = new TreeSet<>();
        outcomes.forEach((id, v) -> {
            if (v == o) {
                s.add(id);
            }
        });
        return s;
    }

    /** Ids of this run in publish's database and how many history rows (revisions received) each has. */
    private Map<String, Integer> catalogue() throws SQLException {
        Map<String, Integer> found = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("publish"), "publish", "publish");
             PreparedStatement ps = c.prepareStatement("select e.item_id, (select count(*) from catalogue_history h"
                     + " where h.school_code = e.school_code and h.item_id = e.item_id) from catalogue_entry e where e.item_id like ?")) {
            ps.setString(1, prefix + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.merge(rs.getString(1), Math.max(1, rs.getInt(2)), Integer::sum);
                }
            }
        }
        return found;
    }

    private void readWholeTopic(String topic, java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void note(String what) {
        String line = String.format("%5.0fs %s", (System.nanoTime() - t0) / 1e9, what);
        timeline.add(line);
        System.err.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " [chaos] " + line);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}
