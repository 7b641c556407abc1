package io.xxgk.publish.rest;

/** Echoing parameter values in errors (the control-character check is {@code service.TextChecks}). */
public final class Texts {

    private static final int SHOWN_CHARS = 64;

    private Texts() {
    }

    /** The value as it may be echoed in an error: control characters escaped, at most 64 characters. */
    public static String shown(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < s.length() && b.length() < SHOWN_CHARS; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return i < s.length() ? b + "…" : b.toString();
    }
}
