package io.xxgk.publish.repository.coverage;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** Every 不涉及 mark and unmark: who, in which role, when and why (V7). */
@Entity
@Table(name = "not_applicable_log")
public class NotApplicableLog extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_code")
    public String schoolCode;

    @Column(name = "checklist_item")
    public int checklistItem;

    /** MARK or UNMARK. */
    public String action;

    public String reason;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public Instant at;

    public static List<NotApplicableLog> of(String schoolCode, int item) {
        return list("schoolCode = ?1 and checklistItem = ?2 order by at, id", schoolCode, item);
    }
}
