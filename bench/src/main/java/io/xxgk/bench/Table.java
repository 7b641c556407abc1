package io.xxgk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table that keeps columns aligned with Chinese text (CJK characters are two columns wide). */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    Table(String... header) {
        rows.add(header);
        rightAligned = new boolean[header.length];
        for (int i = 1; i < header.length; i++) {
            rightAligned[i] = true;
        }
    }

    Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] == null ? "" : cells[i].toString();
        }
        rows.add(r);
        return this;
    }

    String render() {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length && i < cols; i++) {
                w[i] = Math.max(w[i], width(r[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            sb.append(' ');
            for (int i = 0; i < cols; i++) {
                String c = i < r.length ? r[i] : "";
                String pad = " ".repeat(w[i] - width(c));
                sb.append(rightAligned[i] ? pad + c : c + pad);
                if (i < cols - 1) {
                    sb.append("  ");
                }
            }
            sb.append('\n');
            if (k == 0) {
                sb.append(' ');
                for (int i = 0; i < cols; i++) {
                    sb.append("-".repeat(w[i]));
                    if (i < cols - 1) {
                        sb.append("  ");
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }

    static String f0(double v) {
        return v < 0 || Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return v < 0 || Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%,.1f", v);
    }

    static String f2(double v) {
        return v < 0 || Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String mib(long kib) {
        return kib < 0 ? "?" : String.format(Locale.ROOT, "%,.0f MiB", kib / 1024.0);
    }
}
