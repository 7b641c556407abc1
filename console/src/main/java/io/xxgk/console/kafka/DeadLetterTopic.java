package io.xxgk.console.kafka;

import io.xxgk.contract.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter topic ({@link Topics#DEAD_LETTER}): read newest first by a group-less consumer, and replayed to the
 * original topic by the idempotent producer, keeping key, value and headers and adding who replayed it and when.
 */
@ApplicationScoped
public class DeadLetterTopic {

    /** How far back a page or "replay all" reads per partition. */
    public static final int MAX_READ_PER_PARTITION = 5_000;

    public record Page(long total, List<DeadLetter> letters) {
    }

    private final KafkaClients clients;

    public DeadLetterTopic(KafkaClients clients) {
        this.clients = clients;
    }

    /** The newest {@code limit} dead letters after skipping {@code skip}, newest first (by timestamp, then offset). */
    public Page newestFirst(int skip, int limit) {
        int wanted = Math.min(MAX_READ_PER_PARTITION, skip + limit);
        try (KafkaConsumer<byte[], byte[]> c = clients.reader()) {
            List<TopicPartition> partitions = partitions(c);
            if (partitions.isEmpty()) {
                return new Page(0, List.of());
            }
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long total = partitions.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            List<DeadLetter> all = read(c, partitions, begin, end, wanted);
            all.sort(Comparator.comparing(DeadLetter::at).thenComparingLong(DeadLetter::offset)
                    .thenComparingInt(DeadLetter::partition).reversed());
            List<DeadLetter> page = all.size() <= skip ? List.of() : all.subList(skip, Math.min(all.size(), skip + limit));
            return new Page(total, List.copyOf(page));
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("dead-letter topic", e);
        }
    }

    /** Every dead letter still on the topic (at most {@link #MAX_READ_PER_PARTITION} newest per partition), oldest first. */
    public List<DeadLetter> all() {
        try (KafkaConsumer<byte[], byte[]> c = clients.reader()) {
            List<TopicPartition> partitions = partitions(c);
            if (partitions.isEmpty()) {
                return List.of();
            }
            List<DeadLetter> all = read(c, partitions, c.beginningOffsets(partitions), c.endOffsets(partitions), MAX_READ_PER_PARTITION);
            all.sort(Comparator.comparing(DeadLetter::at).thenComparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
            return all;
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("dead-letter topic", e);
        }
    }

    public Optional<DeadLetter> find(int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> c = clients.reader()) {
            TopicPartition tp = new TopicPartition(Topics.DEAD_LETTER, partition);
            if (partitions(c).stream().noneMatch(tp::equals)) {
                return Optional.empty();
            }
            long begin = c.beginningOffsets(List.of(tp)).get(tp);
            long end = c.endOffsets(List.of(tp)).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            c.assign(List.of(tp));
            c.seek(tp, offset);
            long deadline = System.nanoTime() + Duration.ofMillis(KafkaClients.TIMEOUT_MS).toNanos();
            while (System.nanoTime() < deadline && c.position(tp) <= offset) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(DeadLetter.of(r));
                    }
                }
            }
            return Optional.empty();
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("dead-letter topic", e);
        }
    }

    /**
     * Sends the dead letter's key, value and headers to its original topic and waits for the broker's acknowledgement
     * (acks=all); adds who replayed it, when, and from which dead letter.
     */
    public RecordMetadata replay(DeadLetter letter, String replayedBy, Instant at) {
        RecordHeaders headers = new RecordHeaders();
        letter.headers().stream().filter(h -> !h.key().startsWith("xxgk-replayed-")).forEach(headers::add);
        headers.add(DeadLetter.REPLAYED_BY, replayedBy.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetter.REPLAYED_AT, at.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetter.REPLAYED_FROM, (Topics.DEAD_LETTER + "-" + letter.id()).getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(letter.originalTopic(), null, letter.key(), letter.value(), headers);
        try {
            return clients.producer().send(record).get(40, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("replay to " + letter.originalTopic(), e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new KafkaUnavailableException("replay to " + letter.originalTopic(), e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(Topics.DEAD_LETTER, Duration.ofMillis(KafkaClients.TIMEOUT_MS));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** The last {@code perPartition} records of each partition. */
    private static List<DeadLetter> read(KafkaConsumer<byte[], byte[]> c, List<TopicPartition> partitions,
                                         Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end, int perPartition) {
        List<TopicPartition> nonEmpty = partitions.stream().filter(tp -> end.get(tp) > begin.get(tp)).toList();
        List<DeadLetter> out = new ArrayList<>();
        if (nonEmpty.isEmpty()) {
            return out;
        }
        c.assign(nonEmpty);
        for (TopicPartition tp : nonEmpty) {
            c.seek(tp, Math.max(begin.get(tp), end.get(tp) - perPartition));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (nonEmpty.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new KafkaUnavailableException("dead-letter topic", new TimeoutException("reading took longer than 15 s"));
            }
            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    out.add(DeadLetter.of(r));
                }
            }
        }
        return out;
    }
}
