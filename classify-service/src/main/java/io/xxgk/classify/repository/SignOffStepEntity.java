package io.xxgk.classify.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One sign-off decision on one revision: the audit trail behind the history. */
@Entity
@Table(name = "sign_off_step")
public class SignOffStepEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_code")
    public String schoolCode;

    @Column(name = "item_id")
    public String itemId;

    public int revision;

    public String stage;

    public String action;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String note;

    @Column(name = "item_before")
    public Integer itemBefore;

    @Column(name = "item_after")
    public Integer itemAfter;

    @Column(name = "withhold_reason")
    public String withholdReason;

    public static List<SignOffStepEntity> of(String schoolCode, String itemId, int revision) {
        return list("schoolCode = ?1 and itemId = ?2 and revision = ?3 order by id", schoolCode, itemId, revision);
    }
}
