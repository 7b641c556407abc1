package io.xxgk.ingest.service;

import io.xxgk.contract.api.Problem.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Bean Validation violations of one object, as the {@link FieldError}s ingest has always answered: the field as
 * a path ({@code title}, {@code attachments[3]}), ingest's own code for the constraint, and the constraint's
 * bilingual message {@code "中文 / English"} split in two. A field reports at most one violation, "required" first.
 */
final class ConstraintErrors {

    /** ingest's codes; any other constraint is named by its annotation in lower-kebab ({@code not-empty}). */
    private static final Map<Class<? extends Annotation>, String> CODES = Map.of(
            NotBlank.class, "required",
            NotNull.class, "required",
            Pattern.class, "format",
            Min.class, "range",
            Max.class, "range");

    private final Map<String, ConstraintViolation<?>> byField = new HashMap<>();

    private ConstraintErrors(Set<? extends ConstraintViolation<?>> violations) {
        Comparator<ConstraintViolation<?>> requiredFirst = Comparator.comparingInt(v -> "required".equals(code(v)) ? 0 : 1);
        for (ConstraintViolation<?> v : violations) {
            byField.merge(field(v.getPropertyPath()), v, (a, b) -> requiredFirst.compare(a, b) <= 0 ? a : b);
        }
    }

    static ConstraintErrors of(Set<? extends ConstraintViolation<?>> violations) {
        return new ConstraintErrors(violations);
    }

    /** Adds the violation of {@code field}, if any; true if it did. */
    boolean report(String field, List<FieldError> errors) {
        ConstraintViolation<?> v = byField.get(field);
        if (v == null) {
            return false;
        }
        String text = v.getMessage();
        int slash = text.indexOf(" / ");
        errors.add(slash < 0 ? new FieldError(field, code(v), text, text)
                : new FieldError(field, code(v), text.substring(slash + 3), text.substring(0, slash)));
        return true;
    }

    private static String code(ConstraintViolation<?> v) {
        Class<? extends Annotation> type = v.getConstraintDescriptor().getAnnotation().annotationType();
        String code = CODES.get(type);
        return code != null ? code : type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code attachments[3]} for the fourth element of {@code attachments}, {@code title} for a property. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }
}
