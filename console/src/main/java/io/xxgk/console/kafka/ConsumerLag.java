package io.xxgk.console.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Consumer lag per group and partition, and the size of a topic, from the {@link Admin} client only. */
@ApplicationScoped
public class ConsumerLag {

    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }

    public record GroupLag(String group, String state, int members, long totalLag, List<PartitionLag> partitions) {
    }

    private final KafkaClients clients;

    public ConsumerLag(KafkaClients clients) {
        this.clients = clients;
    }

    /** Every consumer group with committed offsets: per partition, committed offset, end offset and the difference. */
    public List<GroupLag> groups() {
        Admin admin = clients.admin();
        try {
            List<String> groupIds = admin.listConsumerGroups().all().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .stream().map(ConsumerGroupListing::groupId).sorted().toList();
            if (groupIds.isEmpty()) {
                return List.of();
            }
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groupIds).all()
                    .get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (String g : groupIds) {
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(admin.listConsumerGroupOffsets(g)
                        .partitionsToOffsetAndMetadata().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS));
                offsets.values().removeIf(o -> o == null);
                committed.put(g, offsets);
            }
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            committed.values().forEach(m -> m.keySet().forEach(tp -> wanted.put(tp, OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = wanted.isEmpty() ? Map.of()
                    : admin.listOffsets(wanted).all().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            List<GroupLag> result = new ArrayList<>();
            for (String g : groupIds) {
                List<PartitionLag> parts = new ArrayList<>();
                committed.get(g).forEach((tp, om) -> {
                    long end = ends.containsKey(tp) ? ends.get(tp).offset() : om.offset();
                    parts.add(new PartitionLag(tp.topic(), tp.partition(), om.offset(), end, Math.max(0, end - om.offset())));
                });
                parts.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
                ConsumerGroupDescription d = described.get(g);
                result.add(new GroupLag(g, d == null ? "UNKNOWN" : String.valueOf(d.groupState()),
                        d == null ? 0 : d.members().size(), parts.stream().mapToLong(PartitionLag::lag).sum(), parts));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("consumer groups", e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailableException("consumer groups", e);
        }
    }

    /** How many records a topic holds now (end minus start offsets over its partitions); 0 if it does not exist yet. */
    public long recordsIn(String topic) {
        Admin admin = clients.admin();
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            d.partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            });
            var start = admin.listOffsets(earliest).all().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            var end = admin.listOffsets(latest).all().get(KafkaClients.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return end.entrySet().stream().mapToLong(e -> e.getValue().offset() - start.get(e.getKey()).offset()).sum();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw new KafkaUnavailableException(topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(topic, e);
        } catch (TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailableException(topic, e);
        }
    }
}
