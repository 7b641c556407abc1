package io.xxgk.publish.service.browse;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Keyword terms of {@code q} and their LIKE patterns. */
public final class SearchTerms {

    /** Any Unicode white space, including the ideographic space U+3000 that Chinese input methods type. */
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private SearchTerms() {
    }

    /** The distinct whitespace-separated terms, in order. */
    public static List<String> split(String q) {
        return Arrays.stream(WHITESPACE.split(q.strip())).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** {@code %term%} with the LIKE wildcards {@code %}, {@code _} and the escape character {@code \} escaped. */
    public static String containsPattern(String term) {
        StringBuilder b = new StringBuilder(term.length() + 8).append('%');
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('%').toString();
    }

    /** True when the term has a character bigram, i.e. at least two characters (code points). */
    public static boolean indexable(String term) {
        return term.codePointCount(0, term.length()) >= 2;
    }
}
