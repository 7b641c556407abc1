package io.xxgk.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Watches the pipeline's topics from outside: end offsets (how far each stage got), consumer lag, and a full audit. */
final class KafkaWatch implements AutoCloseable {

    static final String SUBMITTED = "disclosure.items.submitted.v1";
    static final String CLASSIFIED = "disclosure.items.classified.v1";
    static final int PARTITIONS = 6;

    private final String bootstrap;
    private final Admin admin;

    KafkaWatch(String bootstrap, Admin admin) {
        this.bootstrap = bootstrap;
        this.admin = admin;
    }

    private static List<TopicPartition> partitions(String topic) {
        return IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    Map<TopicPartition, Long> endOffsets(String topic) {
        try {
            ListOffsetsResult r = admin.listOffsets(partitions(topic).stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())));
            Map<TopicPartition, Long> out = new HashMap<>();
            for (var e : r.all().get(20, TimeUnit.SECONDS).entrySet()) {
                out.put(e.getKey(), e.getValue().offset());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    long endSum(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records of {@code topic} not yet committed by {@code group} (committed offsets lag behind a throttled commit). */
    long lag(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : endOffsets(topic).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Waits until every consumer group has caught up (or the timeout); returns the remaining lags. */
    Map<String, Long> awaitQuiet(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> lags = new java.util.LinkedHashMap<>();
        while (true) {
            lags.put("classify-service", lag("classify-service", SUBMITTED));
            lags.put("publish-service", lag("publish-service", CLASSIFIED));
            lags.put("ingest-status", lag("ingest-status", CLASSIFIED));
            if (lags.values().stream().allMatch(l -> l == 0) || System.nanoTime() > deadline) {
                return lags;
            }
            sleep(250);
        }
    }

    /** One sample of how far each stage got: items accepted by the client so far, events on each topic. */
    record Sample(long nanos, int accepted, long submitted, long classified) {
    }

    /** Samples end offsets every {@code periodMs} while a phase runs. */
    final class StageMonitor implements AutoCloseable {
        final List<Sample> samples = new CopyOnWriteArrayList<>();
        final long submittedBase;
        final long classifiedBase;
        private final Thread thread;
        private volatile boolean running = true;

        StageMonitor(IntSupplier accepted, int periodMs) {
            submittedBase = endSum(SUBMITTED);
            classifiedBase = endSum(CLASSIFIED);
            thread = new Thread(() -> {
                while (running) {
                    try {
                        samples.add(new Sample(System.nanoTime(), accepted.getAsInt(), endSum(SUBMITTED) - submittedBase,
                                endSum(CLASSIFIED) - classifiedBase));
                    } catch (RuntimeException e) {
                        // a slow admin call: skip this sample
                    }
                    sleep(periodMs);
                }
            }, "bench-stage-monitor");
            thread.setDaemon(true);
            thread.start();
        }

        /** First time the submitted topic held {@code n} new events (the outbox relay had sent them all). */
        long relayedAt(long n) {
            return samples.stream().filter(s -> s.submitted() >= n).mapToLong(Sample::nanos).findFirst().orElse(-1);
        }

        long latestClassified() {
            return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).classified();
        }

        long classifiedAt(long n) {
            return samples.stream().filter(s -> s.classified() >= n).mapToLong(Sample::nanos).findFirst().orElse(-1);
        }

        /** Largest backlogs seen: accepted but not yet on Kafka (outbox), and on Kafka but not yet classified. */
        long maxOutboxBacklog() {
            return samples.stream().mapToLong(s -> s.accepted() - s.submitted()).max().orElse(0);
        }

        long maxClassifyBacklog() {
            return samples.stream().mapToLong(s -> s.submitted() - s.classified()).max().orElse(0);
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    StageMonitor monitor(IntSupplier accepted, int periodMs) {
        return new StageMonitor(accepted, periodMs);
    }

    /** Per event key ("school/id"): how many times it is on a topic, its decision header, and value sizes. */
    static final class Audit {
        final Map<String, Integer> count = new HashMap<>();
        final Map<String, String> decision = new HashMap<>();
        long records;
        long valueBytes;
        long benchRecords;
        long benchValueBytes;
    }

    /** Reads a whole topic from the beginning to its current end. Only events of {@code schools} are kept. */
    Audit audit(String topic, java.util.Set<String> schools, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024));
        Audit a = new Audit();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = partitions(topic);
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " timed out");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    a.records++;
                    int size = r.value() == null ? 0 : r.value().length;
                    a.valueBytes += size;
                    String source = header(r, "ce_source");
                    String school = source == null ? null : source.substring(source.lastIndexOf('/') + 1);
                    if (school == null || !schools.contains(school)) {
                        continue;
                    }
                    a.benchRecords++;
                    a.benchValueBytes += size;
                    String key = school + "/" + header(r, "ce_id");
                    a.count.merge(key, 1, Integer::sum);
                    String d = header(r, "xxgk_decision");
                    if (d != null) {
                        a.decision.put(key, d);
                    }
                }
            }
        }
        return a;
    }

    private static boolean done(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    static List<String> groups() {
        return new ArrayList<>(List.of("classify-service", "publish-service", "ingest-status"));
    }
}
