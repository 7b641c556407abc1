package io.xxgk.ingest.rest;

import io.xxgk.contract.api.Problem;

import java.util.List;

/** Thrown anywhere in ingest to answer with a problem+json response. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.messageZh() + " / " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("");
        return new ProblemException(400, "validation", "请求内容无效 / Invalid request", detail, errors);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "无权操作 / Forbidden", detail, null);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "未找到 / Not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "冲突 / Conflict", detail, null);
    }

    public Problem toProblem(String instance) {
        return new Problem("https://xxgk.io/problems/" + type, title, status, getMessage(), instance,
                errors.isEmpty() ? null : errors);
    }

    public int status() {
        return status;
    }
}
