package io.xxgk.ingest.repository;

import io.xxgk.contract.event.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code item_revision} and {@code outbox} rows of the current transaction, written at its flush point with one JDBC
 * batch per table, which the driver's {@code reWriteBatchedInserts} sends as multi-row INSERTs (up to 128 rows each).
 * As entities with IDENTITY ids, Hibernate would execute each of them at once, one statement and round trip per row,
 * and could batch none of the chunk's inserts.
 * <p>
 * The ids still come from the tables' bigserial columns as the rows are inserted, in the order they were added: a
 * later revision of an item, written after the earlier one committed (its item row is locked), gets the larger id, on
 * any replica, and the outbox relay sends in id order as before. Whoever adds rows calls {@link #flush()} before the
 * transaction commits, so that the database's refusal arrives there (a batch then falls back to one item per
 * transaction, a lost id race is retried); a transaction that would commit with rows still pending fails instead.
 */
@ApplicationScoped
public class ChunkInserts {

    /** One revision of an item; {@code event} is the event as JSON. */
    public record RevisionRow(String schoolCode, String itemId, int revision, String action, String event, String contentHash,
                              Instant createdAt) {
    }

    /** One outbox event, with the trace context of the request that wrote it. */
    public record OutboxRow(String topic, String messageKey, String payload, Map<String, String> headers, Instant createdAt,
                            String traceparent) {
    }

    private static final String INSERT_REVISION = "insert into item_revision"
            + " (school_code, item_id, revision, action, event, content_hash, created_at) values (?, ?, ?, ?, ?::jsonb, ?, ?)";
    private static final String INSERT_OUTBOX = "insert into outbox"
            + " (topic, message_key, payload, headers, created_at, traceparent) values (?, ?, ?, ?::jsonb, ?, ?)";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public ChunkInserts(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** The rows one transaction has added and not written yet. */
    private static final class Pending {
        final List<RevisionRow> revisions = new ArrayList<>();
        final List<OutboxRow> outbox = new ArrayList<>();

        boolean isEmpty() {
            return revisions.isEmpty() && outbox.isEmpty();
        }
    }

    public void add(RevisionRow row) {
        pending().revisions.add(row);
    }

    public void add(OutboxRow row) {
        pending().outbox.add(row);
    }

    /**
     * Writes what the transaction has pending: Hibernate's queued changes (the chunk's items, batched), then the
     * revisions and outbox rows added since the last flush, one JDBC batch per table. A refusal of the database arrives
     * here as Hibernate's exception (a {@code ConstraintViolationException} with its SQLSTATE, as from a persist).
     */
    public void flush() {
        em.flush();
        Pending p = (Pending) transactions.getResource(Pending.class);
        if (p == null || p.isEmpty()) {
            return;
        }
        List<RevisionRow> revisions = List.copyOf(p.revisions);
        List<OutboxRow> outbox = List.copyOf(p.outbox);
        p.revisions.clear();
        p.outbox.clear();
        em.unwrap(Session.class).doWork(c -> {
            insertRevisions(c, revisions);
            insertOutbox(c, outbox);
        });
    }

    private Pending pending() {
        Pending p = (Pending) transactions.getResource(Pending.class);
        if (p == null) {
            Pending created = new Pending();
            transactions.putResource(Pending.class, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (!created.isEmpty()) {
                        // a path that adds rows without flushing them is a bug: the commit fails rather than lose the rows
                        throw new IllegalStateException(created.revisions.size() + " revision and " + created.outbox.size()
                                + " outbox rows were added but never written; ChunkInserts.flush() must run before the commit");
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            p = created;
        }
        return p;
    }

    private static void insertRevisions(Connection c, List<RevisionRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_REVISION)) {
            for (RevisionRow r : rows) {
                ps.setString(1, r.schoolCode());
                ps.setString(2, r.itemId());
                ps.setInt(3, r.revision());
                ps.setString(4, r.action());
                ps.setString(5, r.event());
                ps.setString(6, r.contentHash());
                ps.setObject(7, utc(r.createdAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertOutbox(Connection c, List<OutboxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_OUTBOX)) {
            for (OutboxRow r : rows) {
                ps.setString(1, r.topic());
                ps.setString(2, r.messageKey());
                ps.setString(3, r.payload());
                ps.setString(4, EventCodec.encode(r.headers()));
                ps.setObject(5, utc(r.createdAt()));
                ps.setString(6, r.traceparent());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
