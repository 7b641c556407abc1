package io.xxgk.classify.rest;

import io.xxgk.contract.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.contract.api.Problem.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON object body read within a byte limit and checked field by field, so that every mistake (not JSON, not an
 * object, a field of the wrong type, control characters) is named in the 400 in both languages.
 */
final class JsonFields {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    /** Reads a JSON object of at most {@code maxBytes}; 413 if larger, 400 if not a JSON object. */
    static JsonFields read(InputStream in, int maxBytes) {
        byte[] bytes;
        try {
            bytes = in == null ? new byte[0] : in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw ProblemException.tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            throw ProblemException.invalid("$", "required", "a JSON object body is required", "请求体不能为空，应为 JSON 对象");
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("$", "malformed", "not valid JSON: " + e.getOriginalMessage(), "不是有效的 JSON");
        } catch (IOException e) {
            throw ProblemException.invalid("$", "malformed", "not valid JSON", "不是有效的 JSON");
        }
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid("$", "type", "the body must be a JSON object, not " + kind(node),
                    "请求体应为 JSON 对象，而不是" + kindZh(node));
        }
        return new JsonFields(node);
    }

    /** A string field; null when absent or null. */
    String text(String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "required", field + " is required", field + " 不能为空"));
            }
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(field, "type", field + " must be a string, not " + kind(v), field + " 应为字符串，而不是" + kindZh(v)));
            return null;
        }
        String s = v.textValue();
        if (required && s.isBlank()) {
            errors.add(new FieldError(field, "required", field + " is required", field + " 不能为空"));
            return null;
        }
        checkText(errors, field, s);
        return s;
    }

    /** An integer field within [min, max]; null when absent or null. */
    Integer integer(String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            errors.add(new FieldError(field, "type", field + " must be an integer, not " + kind(v), field + " 应为整数，而不是" + kindZh(v)));
            return null;
        }
        int i = v.intValue();
        if (i < min || i > max) {
            errors.add(new FieldError(field, "range", field + " must be between " + min + " and " + max,
                    field + " 应在 " + min + " 到 " + max + " 之间"));
            return null;
        }
        return i;
    }

    /** A number field within [min, max]; null when absent or null. */
    Double number(String field, double min, double max, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "required", field + " is required", field + " 不能为空"));
            }
            return null;
        }
        if (!v.isNumber()) {
            errors.add(new FieldError(field, "type", field + " must be a number, not " + kind(v), field + " 应为数字，而不是" + kindZh(v)));
            return null;
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            errors.add(new FieldError(field, "range", field + " must be between " + min + " and " + max,
                    field + " 应在 " + min + " 到 " + max + " 之间"));
            return null;
        }
        return d;
    }

    /** An array field of 1 to {@code max} JSON objects, each read with {@link JsonFields}; empty when invalid. */
    List<JsonFields> objects(String field, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            errors.add(new FieldError(field, "required", field + " is required", field + " 不能为空"));
            return List.of();
        }
        if (!v.isArray() || v.isEmpty() || v.size() > max) {
            errors.add(new FieldError(field, v.isArray() ? "range" : "type", field + " must be an array of 1 to " + max + " objects",
                    field + " 应为 1 到 " + max + " 个对象的数组"));
            return List.of();
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                errors.add(new FieldError(field + "[" + i + "]", "type", field + "[" + i + "] must be an object, not " + kind(v.get(i)),
                        field + "[" + i + "] 应为对象，而不是" + kindZh(v.get(i))));
            } else {
                out.add(new JsonFields(v.get(i)));
            }
        }
        return out;
    }

    /** The errors found in a nested object, named under {@code prefix}. */
    void adopt(String prefix, JsonFields nested) {
        nested.errors.forEach(e -> errors.add(new FieldError(prefix + "." + e.field(), e.code(), e.message(), e.messageZh())));
    }

    void error(String field, String code, String message, String messageZh) {
        errors.add(new FieldError(field, code, message, messageZh));
    }

    /** Throws the 400 naming every invalid field, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Adds an error when {@code s} holds a control character other than tab, line feed or carriage return. */
    static void checkText(List<FieldError> errors, String field, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                errors.add(new FieldError(field, "control-character",
                        field + " contains the control character U+" + String.format("%04X", (int) c),
                        field + " 含控制字符 U+" + String.format("%04X", (int) c)));
                return;
            }
        }
    }

    private static String kind(JsonNode v) {
        return v == null || v.isMissingNode() ? "nothing" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String kindZh(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "空值";
        }
        return switch (v.getNodeType()) {
            case ARRAY -> "数组";
            case NUMBER -> "数字";
            case BOOLEAN -> "布尔值";
            case STRING -> "字符串";
            case OBJECT -> "对象";
            default -> "其他类型";
        };
    }
}
