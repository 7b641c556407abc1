package io.xxgk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bulk import of a register file and its progress. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    @Column(nullable = false)
    public String department;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(nullable = false)
    public String format;

    /** The uploaded file, kept in the object store so that an interrupted import resumes after a restart. */
    @Column(name = "object_key", nullable = false)
    public String objectKey;

    @Column(nullable = false)
    public String status;

    @Column(name = "total_rows")
    public int totalRows;

    public int processed;

    public int accepted;

    public int rejected;

    /** Starts of this import (first run, resumes after restarts); reset when a client resumes it. */
    public int attempts;

    @Column(columnDefinition = "text")
    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Imports of every school, newest first. */
    public static List<ImportJob> newestFirst(int offset, int limit) {
        return find("order by createdAt desc, id").range(offset, offset + limit - 1).list();
    }
}
