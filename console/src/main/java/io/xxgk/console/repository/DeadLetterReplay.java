package io.xxgk.console.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** One replay of one dead letter: who, when, which dead letter, where it went and the result. */
@Entity
@Table(name = "dead_letter_replay")
public class DeadLetterReplay extends PanacheEntityBase {

    public enum Result { PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dlq_topic")
    public String dlqTopic;

    @Column(name = "dlq_partition")
    public int dlqPartition;

    @Column(name = "dlq_offset")
    public long dlqOffset;

    @Column(name = "original_topic")
    public String originalTopic;

    @Column(name = "original_partition")
    public Integer originalPartition;

    @Column(name = "original_offset")
    public Long originalOffset;

    @Column(name = "message_key")
    public String messageKey;

    public String reason;

    @Column(name = "replayed_by")
    public String replayedBy;

    @Column(name = "replayed_by_name")
    public String replayedByName;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    public Result result;

    @Column(name = "target_partition")
    public Integer targetPartition;

    @Column(name = "target_offset")
    public Long targetOffset;

    public String error;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public String letterId() {
        return dlqPartition + "-" + dlqOffset;
    }

    public static List<DeadLetterReplay> latest(int limit) {
        return find("order by requestedAt desc, id desc").page(0, limit).list();
    }

    /** Replays of the given dead letters (partition-offset ids) that reached the broker, newest first. */
    public static List<DeadLetterReplay> sentOf(String dlqTopic, Collection<Integer> partitions, long minOffset, long maxOffset) {
        if (partitions.isEmpty()) {
            return List.of();
        }
        return find("dlqTopic = ?1 and dlqPartition in ?2 and dlqOffset between ?3 and ?4 and result = ?5 order by requestedAt desc",
                dlqTopic, partitions, minOffset, maxOffset, Result.SENT).list();
    }

    public static List<DeadLetterReplay> sentOf(String dlqTopic, int partition, long offset) {
        return find("dlqTopic = ?1 and dlqPartition = ?2 and dlqOffset = ?3 and result = ?4 order by requestedAt desc",
                dlqTopic, partition, offset, Result.SENT).list();
    }

    public static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
