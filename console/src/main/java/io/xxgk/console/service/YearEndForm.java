package io.xxgk.console.service;

import io.xxgk.console.client.YearEndFiguresClient.Figure;
import io.xxgk.console.client.YearEndFiguresClient.Key;
import io.xxgk.contract.api.Problem.FieldError;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The year-end figures on the report's form ({@code figures.<key>}) and in publish's year-end API: what a stored figure
 * shows as ("10余" for an approximate count), and what a filled-in form sends ("10余" → {"value": 10, "approximate":
 * true}, "23,500" → 23500). publish validates; what it cannot read is sent as typed, so its field error names the key.
 */
final class YearEndForm {

    static final String PREFIX = "figures.";
    /** "10余", "10 余", "10余次" (the unit typed too): a count that is a lower bound. */
    private static final Pattern APPROXIMATE = Pattern.compile("^(\\d+)\\s*余\\s*\\S?$");

    private YearEndForm() {
    }

    /** The value an input shows for a stored figure. */
    static String shown(Figure f) {
        if (f.count() != null) {
            return f.count() + (f.approximate() ? "余" : "");
        }
        if (f.percent() != null) {
            return f.percent().stripTrailingZeros().toPlainString();
        }
        return f.text() == null ? "" : f.text();
    }

    /** The stored figures as a request body, to tell whether the form changed them. */
    static Map<String, Object> body(List<Figure> stored) {
        Map<String, Object> b = new LinkedHashMap<>();
        for (Figure f : stored) {
            if (f.count() != null) {
                b.put(f.key(), f.approximate() ? Map.of("value", f.count(), "approximate", true) : (Object) f.count());
            } else if (f.percent() != null) {
                b.put(f.key(), number(f.percent().toPlainString()));
            } else if (f.text() != null) {
                b.put(f.key(), f.text());
            }
        }
        return b;
    }

    /** The body for publish from the form's {@code figures.<key>} values; empty inputs are left out. */
    static Map<String, Object> body(List<Key> keys, Map<String, String> form) {
        Map<String, Object> b = new LinkedHashMap<>();
        for (Key k : keys) {
            String raw = form.get(PREFIX + k.key());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String v = raw.strip();
            b.put(k.key(), switch (k.kind()) {
                case "COUNT" -> count(v);
                case "PERCENT" -> number(v.endsWith("%") ? v.substring(0, v.length() - 1).strip() : v);
                default -> v;
            });
        }
        return b;
    }

    private static Object count(String v) {
        Matcher m = APPROXIMATE.matcher(v.replace(",", "").replace("，", ""));
        if (m.matches()) {
            return Map.of("value", Long.parseLong(m.group(1)), "approximate", true);
        }
        return number(v);
    }

    /** A number as a number (commas and spaces dropped), else the text as typed for publish to name. */
    private static Object number(String v) {
        try {
            BigDecimal n = new BigDecimal(v.replace(",", "").replace("，", "").replace(" ", ""));
            return n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0 ? (Object) n.longValueExact() : n.stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            return v;
        }
    }

    /** publish names a figure by its key; on the form it is {@code figures.<key>}. */
    static List<FieldError> onForm(List<FieldError> errors, List<Key> keys) {
        Set<String> known = keys.stream().map(Key::key).collect(Collectors.toSet());
        return errors.stream().map(e -> known.contains(e.field())
                ? new FieldError(PREFIX + e.field(), e.code(), e.message(), e.messageZh()) : e).toList();
    }
}
