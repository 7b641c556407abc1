package io.xxgk.publish.service.site;

import io.xxgk.publish.service.province.ProvinceOverview;

import java.util.List;

/** The province page: the overview's schools as columns, the 50 checklist items as rows. */
public record ProvinceMatrix(ProvinceOverview overview, List<Row> rows) {

    public record Row(int number, String categoryLabel, String text, List<Cell> cells) {
    }

    /** One school's status for one item, with the text a person reads (also without colour). */
    public record Cell(String status, String label, String symbol, long entries) {
        static Cell of(String status, long entries) {
            return switch (status) {
                case "PUBLISHED" -> new Cell(status, "已公开", "✓", entries);
                case "STANDING" -> new Cell(status, "长期有效", "✓", entries);
                case "MISSING" -> new Cell(status, "未公开", "✗", entries);
                default -> new Cell("NOT_APPLICABLE", "不涉及", "–", entries);
            };
        }
    }
}
