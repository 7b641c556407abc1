package io.xxgk.classify.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A committed review decision the broker has not acknowledged yet: written with the decision, deleted once sent. */
@Entity
@Table(name = "unsent_review")
@IdClass(StoredDecision.Key.class)
public class UnsentReview extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "item_id")
    public String itemId;

    @Id
    public int revision;

    @Column(nullable = false, columnDefinition = "text")
    public String event;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static List<UnsentReview> decidedBefore(Instant before, int limit) {
        return UnsentReview.<UnsentReview>find("decidedAt < ?1 order by decidedAt", before).range(0, limit - 1).list();
    }
}
