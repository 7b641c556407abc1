package io.xxgk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transactional outbox: written in the same transaction as the item (by {@link ChunkInserts}, a chunk's rows in one
 * batch; the id is the table's bigserial, in the order the rows were written), published to Kafka by the relay in id order.
 * A row with {@code sentAt == null && parkedAt == null} is an accepted event the broker has not acknowledged yet.
 * A parked row was refused by the broker for good (e.g. larger than max.request.size); it is never sent again
 * automatically and stays until an operator {@link #unpark(long) unparks} it, e.g. after raising the limit.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "message_key", nullable = false)
    public String messageKey;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Map<String, String> headers;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "park_reason", columnDefinition = "text")
    public String parkReason;

    /** W3C trace context of the request that wrote the row; the relay's send continues that trace. */
    @Column(name = "traceparent")
    public String traceparent;

    /** What an operator needs to see of a parked row (never the payload, which may be megabytes). */
    public record Parked(long id, String topic, String messageKey, Instant createdAt, Instant parkedAt, String reason,
                         int payloadChars) {
    }

    public static long countUnsent() {
        return count("sentAt is null and parkedAt is null");
    }

    /** When the oldest row neither sent nor parked was written; empty when there is none. */
    public static Optional<Instant> oldestUnsentCreatedAt() {
        return getEntityManager().createQuery(
                        "select min(o.createdAt) from OutboxMessage o where o.sentAt is null and o.parkedAt is null", Instant.class)
                .getResultStream().filter(java.util.Objects::nonNull).findFirst();
    }

    public static long countParked() {
        return count("parkedAt is not null");
    }

    /** The oldest parked rows first. */
    public static List<Parked> listParked(int limit) {
        List<Object[]> rows = getEntityManager().createQuery(
                        "select o.id, o.topic, o.messageKey, o.createdAt, o.parkedAt, o.parkReason, length(o.payload) "
                                + "from OutboxMessage o where o.parkedAt is not null order by o.id", Object[].class)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> new Parked((Long) r[0], (String) r[1], (String) r[2], (Instant) r[3],
                (Instant) r[4], (String) r[5], ((Number) r[6]).intValue())).toList();
    }

    /** Puts a parked row back in the queue; true if it was parked. */
    public static boolean unpark(long id) {
        return update("parkedAt = null, parkReason = null where id = ?1 and parkedAt is not null and sentAt is null", id) == 1;
    }
}
