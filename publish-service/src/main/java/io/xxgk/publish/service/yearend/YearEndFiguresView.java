package io.xxgk.publish.service.yearend;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The year-end figures of one school and period, in the order of {@link YearEndFigure}; only those recorded.
 *
 * @param updatedBy who last recorded them (null when none are)
 */
@Schema(description = "年终数据（非清单信息）：新媒体、简报校报、会议、媒体报道、阳光服务平台、满意度调查、自查 / year-end figures that are not items")
public record YearEndFiguresView(String schoolCode, String periodKind, int year, List<Figure> figures, String updatedBy,
                                 String updatedRole, Instant updatedAt) {

    /**
     * One figure: exactly one of count, percent, text is set (by kind). approximate: the count is a lower bound
     * ("10余次"). display: how the report prints it, e.g. "23500人", "10余次", "96.5%".
     */
    public record Figure(String key, String group, String groupLabel, String label, String labelEn, String kind, String unit,
                         Long count, BigDecimal percent, String text, boolean approximate, String display) {
    }
}
