package io.xxgk.publish.repository.yearend;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One year-end figure of one school and period (V10): exactly one of the typed values is set. */
@Entity
@Table(name = "year_end_figure")
@IdClass(YearEndFigureEntity.Key.class)
public class YearEndFigureEntity extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "period_kind")
    public String periodKind;

    @Id
    @Column(name = "period_year")
    public int periodYear;

    @Id
    @Column(name = "figure_key")
    public String figureKey;

    @Column(name = "count_value")
    public Long countValue;

    @Column(name = "percent_value")
    public BigDecimal percentValue;

    @Column(name = "text_value", columnDefinition = "text")
    public String textValue;

    public boolean approximate;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_role")
    public String updatedRole;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<YearEndFigureEntity> of(String schoolCode, String periodKind, int year) {
        return list("schoolCode = ?1 and periodKind = ?2 and periodYear = ?3", schoolCode, periodKind, year);
    }

    public static long deleteOf(String schoolCode, String periodKind, int year) {
        return delete("schoolCode = ?1 and periodKind = ?2 and periodYear = ?3", schoolCode, periodKind, year);
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public String periodKind;
        public int periodYear;
        public String figureKey;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(periodKind, k.periodKind)
                    && periodYear == k.periodYear && Objects.equals(figureKey, k.figureKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, periodKind, periodYear, figureKey);
        }
    }
}
