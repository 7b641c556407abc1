package io.xxgk.publish.rest;

import io.xxgk.contract.api.Problem;
import io.xxgk.contract.api.Problem.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A client error with its problem+json answer. Thrown by the resources and their parameter parsers; turned into the
 * response by {@link ProblemMapper}, the service's one place that writes problem+json.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400 naming one invalid parameter. */
    public static ProblemException invalid(String parameter, String code, String message, String messageZh) {
        return invalid(List.of(new FieldError(parameter, code, message, messageZh)), null);
    }

    /** 400 naming every invalid parameter in {@code errors[].field}. */
    public static ProblemException invalid(List<FieldError> errors, String instance) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.messageZh() + " / " + e.message())
                .collect(Collectors.joining("; "));
        return new ProblemException(new Problem("https://xxgk.io/problems/validation", "请求参数无效 / Invalid parameter", 400,
                detail, instance, List.copyOf(errors)));
    }

    public static ProblemException unknownSchool(String code) {
        String shown = Texts.shown(code);
        return new ProblemException(new Problem("https://xxgk.io/problems/unknown-school", "未找到学校 / Unknown school", 404,
                "没有代码为 " + shown + " 的学校 / no school with code '" + shown + "'", null,
                List.of(new FieldError("schoolCode", "unknown", "no school with code '" + shown + "'",
                        "schoolCode（学校代码）不存在：" + shown))));
    }

    /**
     * 404 for an item that does not exist <em>or</em> is not public (held, withheld, withdrawn): the two answers are
     * identical, so the endpoint never reveals that a hidden item exists.
     */
    public static ProblemException unknownItem(String itemId) {
        String shown = Texts.shown(itemId);
        return new ProblemException(new Problem("https://xxgk.io/problems/unknown-item", "未找到信息 / Unknown item", 404,
                "没有编号为 " + shown + " 的公开信息 / no published item with id '" + shown + "'", null,
                List.of(new FieldError("itemId", "unknown", "no published item with id '" + shown + "'",
                        "itemId（信息编号）没有对应的公开信息：" + shown))));
    }
}
