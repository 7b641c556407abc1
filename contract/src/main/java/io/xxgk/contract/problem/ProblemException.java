package io.xxgk.contract.problem;

import io.xxgk.contract.api.Problem;
import io.xxgk.contract.api.Problem.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that cannot be served, with its RFC 9457 answer. Thrown by any layer of any service; {@link ProblemMappers}
 * writes it. The factories are the answers the services share, so "unknown school" reads the same everywhere.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@code type} is the last segment of the problem type URI, e.g. {@code "conflict"}. */
    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(new Problem(Problem.TYPE_BASE + type, title, status, detail, null,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors)), null);
    }

    /** The same problem, answered with {@code Retry-After}. */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(problem, seconds);
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The problem with {@code instance} set to the request path unless the thrower set one. */
    public Problem toProblem(String instance) {
        Problem p = problem;
        return p.instance() != null ? p : new Problem(p.type(), p.title(), p.status(), p.detail(), instance, p.errors());
    }

    /** 400 naming every invalid field in {@code errors[].field}. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.messageZh() + " / " + e.message())
                .collect(Collectors.joining("; "));
        return new ProblemException(400, "validation", "请求内容无效 / Invalid request", detail, errors);
    }

    /** 400 naming one invalid field or parameter. */
    public static ProblemException invalid(String field, String code, String message, String messageZh) {
        return invalid(List.of(new FieldError(field, code, message, messageZh)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "无权操作 / Forbidden", detail, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "未找到 / Not found", detail, null);
    }

    /** 404 naming what was looked up, e.g. the {@code itemId} path parameter. */
    public static ProblemException notFound(String field, String detail) {
        String[] both = detail.split(" / ", 2);
        return new ProblemException(404, "not-found", "未找到 / Not found", detail,
                List.of(new FieldError(field, "not-found", both.length == 2 ? both[1] : detail, both[0])));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "冲突 / Conflict", detail, null);
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "payload-too-large", "请求体过大 / Payload too large",
                "请求体不能超过 " + maxBytes + " 字节 / the body may not exceed " + maxBytes + " bytes",
                List.of(new FieldError("$", "too-large", "larger than " + maxBytes + " bytes", "超过 " + maxBytes + " 字节")));
    }

    public static ProblemException unknownSchool(String code) {
        String shown = ShownText.of(code);
        return new ProblemException(404, "unknown-school", "未找到学校 / Unknown school",
                "没有代码为 " + shown + " 的学校 / no school with code '" + shown + "'",
                List.of(new FieldError("schoolCode", "unknown", "no school with code '" + shown + "'",
                        "schoolCode（学校代码）不存在：" + shown)));
    }

    /**
     * 404 for an item that does not exist <em>or</em> is not public (held, withheld, withdrawn): the two answers are
     * identical, so a public endpoint never reveals that a hidden item exists.
     */
    public static ProblemException unknownItem(String itemId) {
        String shown = ShownText.of(itemId);
        return new ProblemException(404, "unknown-item", "未找到信息 / Unknown item",
                "没有编号为 " + shown + " 的公开信息 / no published item with id '" + shown + "'",
                List.of(new FieldError("itemId", "unknown", "no published item with id '" + shown + "'",
                        "itemId（信息编号）没有对应的公开信息：" + shown)));
    }

    /** 503: a dependency (database, object store, broker) is down; nothing was stored and the request may be repeated. */
    public static ProblemException unavailable(String type, String title, String detail, int retryAfterSeconds) {
        return new ProblemException(503, type, title, detail, null).retryAfter(retryAfterSeconds);
    }
}
