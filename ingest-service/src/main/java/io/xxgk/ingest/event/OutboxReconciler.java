package io.xxgk.ingest.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * Closes the one gap of the outbox: a crash, outage or lost lease after Kafka acknowledged a batch but before the
 * rows were marked sent. Whenever the relay gains the lease (and after a failed batch), it reads the tail of each
 * partition (as far back as a batch can reach) and marks the rows whose {@code xxgk_outbox_id} is already on the
 * topic, so they are not sent a second time.
 */
@ApplicationScoped
public class OutboxReconciler {

    public static final String OUTBOX_ID_HEADER = "xxgk_outbox_id";
    private static final Logger LOG = Logger.getLogger(OutboxReconciler.class);

    private final EntityManager em;
    private final String bootstrapServers;

    public OutboxReconciler(EntityManager em, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Marks unsent rows that are in fact on their topic; returns how many. Only the oldest unsent rows can be on the
     * topic unmarked: the relay sends the oldest {@code batchSize} rows at a time, so twice that is looked at, and
     * the tail of each partition as far back as that many records.
     */
    public int reconcile(int batchSize) {
        int window = Math.max(1, batchSize) * 2;
        int tailPerPartition = window;
        @SuppressWarnings("unchecked")
        List<Object[]> unsent = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select id, topic from outbox where sent_at is null and parked_at is null order by id limit :n")
                        .setParameter("n", window).getResultList());
        if (unsent.isEmpty()) {
            return 0;
        }
        Set<String> topics = new HashSet<>();
        unsent.forEach(r -> topics.add((String) r[1]));
        Set<Long> onTopic = new HashSet<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-outbox-reconcile-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(15))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(15));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, Duration.ofSeconds(15));
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - tailPerPartition));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Header h = r.headers().lastHeader(OUTBOX_ID_HEADER);
                    if (h != null) {
                        onTopic.add(Long.parseLong(new String(h.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
            for (TopicPartition tp : partitions) {
                if (consumer.position(tp) < ends.get(tp)) {
                    // deciding on a partial read would send again what the broker has
                    throw new org.apache.kafka.common.errors.TimeoutException("outbox reconciliation could not read " + tp + " to its end");
                }
            }
        }
        List<Long> already = unsent.stream().map(r -> ((Number) r[0]).longValue()).filter(onTopic::contains).toList();
        if (!already.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update outbox set sent_at = now() where id in (:ids) and sent_at is null")
                    .setParameter("ids", already).executeUpdate());
            LOG.infof("outbox: %d events were already on Kafka before the restart; marked sent, not sent again", already.size());
        }
        return already.size();
    }
}
