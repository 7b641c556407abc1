package io.xxgk.publish.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The latest revision of one item of one school, with its place in the checklist and its public status. */
@Entity
@Table(name = "catalogue_entry")
@IdClass(CatalogueEntry.Key.class)
public class CatalogueEntry extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "item_id")
    public String itemId;

    public int revision;

    /** {@link EntryStatus} name. */
    public String status;

    @Column(name = "checklist_item")
    public Integer checklistItem;

    public Integer category;

    public double confidence;

    public String department;

    public String title;

    @Column(columnDefinition = "text")
    public String body;

    public String kind;

    @Column(name = "produced_date")
    public LocalDate producedDate;

    @Column(name = "published_date")
    public LocalDate publishedDate;

    // item_date, the date the entry counts under (coalesce(published_date, produced_date)), is a column PostgreSQL
    // generates from these two (V5); it is only read by the queries, so it is not mapped here.

    /** Comma-separated channel names. */
    public String channels;

    @Column(name = "source_url")
    public String sourceUrl;

    @Column(name = "withhold_reason")
    public String withholdReason;

    /** JSON array of attachment references. */
    @Column(columnDefinition = "text")
    public String attachments;

    /** The 项目编号 of a procurement notice or result (V12): links a notice and its result into one project. */
    @Column(name = "project_number")
    public String projectNumber;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the system made the current revision public (its sign-off allowed it); null if not public or not known (V9). */
    @Column(name = "made_public_at")
    public Instant madePublicAt;

    /** For a revision after the first (更正): the day it was made, the start of its own 20 working days. */
    @Column(name = "revised_on")
    public LocalDate revisedOn;

    /** The dates of the item's first publication, kept when later revisions replace the row. */
    @Column(name = "original_produced_date")
    public LocalDate originalProducedDate;

    @Column(name = "original_published_date")
    public LocalDate originalPublishedDate;

    @Column(name = "original_made_public_at")
    public Instant originalMadePublicAt;

    public static CatalogueEntry findEntry(String schoolCode, String itemId) {
        return findById(new Key(schoolCode, itemId));
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public String itemId;

        public Key() {
        }

        public Key(String schoolCode, String itemId) {
            this.schoolCode = schoolCode;
            this.itemId = itemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(itemId, k.itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, itemId);
        }
    }
}
