package io.xxgk.classify.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An operator's decision on a held item: who, when, what it was and what it became. */
@Entity
@Table(name = "correction")
public class Correction extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_code")
    public String schoolCode;

    @Column(name = "item_id")
    public String itemId;

    public int revision;

    public String title;

    public String action;

    @Column(name = "before_item")
    public Integer beforeItem;

    @Column(name = "after_item")
    public Integer afterItem;

    public String note;

    @Column(name = "corrected_by")
    public String correctedBy;

    @Column(name = "corrected_at")
    public Instant correctedAt;
}
