package io.xxgk.classify.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A school's chosen sign-off mode, and who chose it when. */
@Entity
@Table(name = "sign_off_mode")
public class SchoolSignOffMode extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Column(nullable = false)
    public String mode;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
