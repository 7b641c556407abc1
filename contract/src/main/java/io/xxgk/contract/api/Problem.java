package io.xxgk.contract.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** RFC 9457 problem details; {@code errors} names each offending field, in Chinese and English. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Every problem type is this base plus a short name, e.g. {@code https://xxgk.io/problems/validation}. */
    public static final String TYPE_BASE = "https://xxgk.io/problems/";

    public static Problem of(int status, String type, String title, String detail, String instance) {
        return new Problem(TYPE_BASE + type, title, status, detail, instance, null);
    }

    /** One invalid field: a JSON pointer-ish path, a stable code and the message in both languages. */
    public record FieldError(String field, String code, String message, String messageZh) {
    }
}
