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

/**
 * Every revision an item went through (submit, 更正, 撤回), as the event that was sent. Read through this entity; written
 * by {@link ChunkInserts}, a chunk's rows in one batch (the id is the table's bigserial, as it always was).
 */
@Entity
@Table(name = "item_revision")
public class ItemRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String event;

    @Column(name = "content_hash", length = 64)
    public String contentHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
