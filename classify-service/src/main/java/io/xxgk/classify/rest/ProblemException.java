package io.xxgk.classify.rest;

import io.xxgk.contract.api.Problem;

import java.util.List;

/** Thrown in classify's REST layer to answer with a problem+json response. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

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

    public static ProblemException invalid(String field, String code, String message, String messageZh) {
        return invalid(List.of(new Problem.FieldError(field, code, message, messageZh)));
    }

    public static ProblemException notFound(String field, String detail) {
        return new ProblemException(404, "not-found", "未找到 / Not found", detail,
                List.of(new Problem.FieldError(field, "not-found", "not in the review queue", "不在审核队列中")));
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(413, "payload-too-large", "请求体过大 / Payload too large",
                "请求体不能超过 " + maxBytes + " 字节 / the body may not exceed " + maxBytes + " bytes",
                List.of(new Problem.FieldError("$", "too-large", "larger than " + maxBytes + " bytes", "超过 " + maxBytes + " 字节")));
    }

    public Problem toProblem(String instance) {
        return new Problem("https://xxgk.io/problems/" + type, title, status, getMessage(), instance,
                errors.isEmpty() ? null : errors);
    }

    public int status() {
        return status;
    }
}
