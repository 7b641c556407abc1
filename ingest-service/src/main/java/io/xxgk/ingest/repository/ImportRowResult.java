package io.xxgk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The answer for one row of an import: 202 with the item id, or the problem. */
@Entity
@Table(name = "import_row_result")
@IdClass(ImportRowResult.Key.class)
public class ImportRowResult extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Id
    @Column(name = "row_no")
    public int rowNo;

    @Column(name = "item_id")
    public String itemId;

    public int status;

    /** problem+json of a rejected row. */
    @Column(columnDefinition = "text")
    public String problem;

    public static class Key implements Serializable {
        public UUID jobId;
        public int rowNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(jobId, k.jobId) && rowNo == k.rowNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, rowNo);
        }
    }
}
