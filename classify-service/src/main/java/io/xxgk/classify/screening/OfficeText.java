package io.xxgk.classify.screening;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The text of a DOCX or XLSX file (a ZIP of XML parts), for personal-data screening. Linear time: the ZIP's central
 * directory is read with {@link ZipFile}, so only the XML parts are inflated (never the media or the entries that are
 * skipped), and each part goes through a StAX parser (no DTDs, no external entities) instead of regular expressions.
 *
 * <p>Fails closed: whatever stops the reading before the end (entry count, entry size, total inflated size,
 * inflation ratio, character limit, malformed XML, an embedded document) gives an {@link Extracted} that is not
 * {@link Extracted#complete() complete}, so the caller never takes a prefix for the whole.
 *
 * <p>What is read: the character content of every XML part, the attributes {@code descr}, {@code title}, {@code Target}
 * (alternative texts, hyperlinks such as {@code mailto:}) and {@code v} (pivot-cache values). In worksheets, numeric
 * cells are written out in plain notation ({@code 1.3812345678E10} → {@code 13812345678}, a mobile number typed as
 * a number) and shared-string indices are skipped (the shared strings are read from their own part). Runs of text in
 * one paragraph or one shared string are joined without a separator, so a number split across runs stays whole.
 */
public final class OfficeText {

    public enum Format { DOCX, XLSX }

    /**
     * @param maxEntries        entries in the ZIP's central directory
     * @param maxEntryBytes     inflated bytes of one XML part
     * @param maxTotalBytes     inflated bytes of all XML parts together
     * @param maxInflationRatio inflated / compressed bytes of one part (checked once a part passes 1 MiB)
     * @param maxChars          characters of text extracted
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxInflationRatio, int maxChars) {
        public static Limits defaults(int maxChars) {
            return new Limits(5_000, 32L << 20, 96L << 20, 200, maxChars);
        }
    }

    /**
     * @param text     the text read (all of it when complete, a prefix otherwise)
     * @param complete whether everything that may carry text was read
     * @param problem  why not, in Chinese and English; null when complete
     */
    public record Extracted(String text, boolean complete, String problem) {
        static Extracted whole(String text) {
            return new Extracted(text, true, null);
        }

        static Extracted partial(CharSequence text, String problem) {
            return new Extracted(text.toString(), false, problem);
        }
    }

    private static final long RATIO_CHECK_FROM = 1L << 20;
    private static final Set<String> SEPARATE_AFTER = Set.of("p", "tc", "tr", "tab", "br", "cr", "si", "c", "row", "comment",
            "text", "f", "v", "is");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("descr", "title", "Target", "v");
    private static final XMLInputFactory XML = xmlFactory();

    private OfficeText() {
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        // prefixes are matched by their local part only; an undeclared prefix must not make a document unscreenable
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return f;
    }

    /** Reads a DOCX or XLSX file. @throws IOException only when the local file itself cannot be read */
    public static Extracted read(Path file, Format format, Limits limits) throws IOException {
        StringBuilder text = new StringBuilder();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            return Extracted.partial(text, "不是有效的 " + format + " 文件 / not a valid " + format + " (ZIP) file");
        }
        try (zip) {
            if (zip.size() > limits.maxEntries()) {
                return Extracted.partial(text, "压缩包条目过多 / more than " + limits.maxEntries() + " ZIP entries");
            }
            long total = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                if (name.contains("embeddings/") || name.endsWith("vbaProject.bin")) {
                    return Extracted.partial(text, "含嵌入的文档或宏，无法筛查 / embedded object " + name + " cannot be screened");
                }
                if (!name.endsWith(".xml") && !name.endsWith(".rels")) {
                    continue; // media, printer settings, fonts: no text here (images are not read, like the text next to them is)
                }
                if (e.getSize() > limits.maxEntryBytes()) {
                    return Extracted.partial(text, "条目过大 / entry " + name + " is larger than " + limits.maxEntryBytes() + " bytes");
                }
                try (LimitedInput in = new LimitedInput(zip.getInputStream(e), name, e.getCompressedSize(), limits,
                        limits.maxTotalBytes() - total)) {
                    String problem = parse(in, name.startsWith("xl/worksheets/"), text, limits.maxChars());
                    if (problem != null) {
                        return Extracted.partial(text, problem);
                    }
                    total += in.count;
                } catch (LimitExceeded limit) {
                    return Extracted.partial(text, limit.getMessage());
                } catch (ZipException | java.io.EOFException corrupt) {
                    return Extracted.partial(text, "压缩数据损坏 / corrupt ZIP data in " + name);
                }
            }
            return Extracted.whole(text.toString());
        }
    }

    /** Appends the text of one XML part; returns why it stopped early, or null. */
    private static String parse(InputStream in, boolean worksheet, StringBuilder text, int maxChars) throws IOException {
        XMLStreamReader xml = null;
        try {
            xml = XML.createXMLStreamReader(in);
            String cellType = null;
            boolean inValue = false;
            StringBuilder value = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            if (TEXT_ATTRIBUTES.contains(local(xml.getAttributeLocalName(i)))) {
                                text.append(xml.getAttributeValue(i)).append('\n');
                            }
                        }
                        String element = local(xml.getLocalName());
                        if (worksheet && "c".equals(element)) {
                            String t = xml.getAttributeValue(null, "t");
                            cellType = t == null ? "n" : t;
                        } else if (worksheet && "v".equals(element)) {
                            inValue = true;
                            value.setLength(0);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (inValue) {
                            value.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        } else {
                            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = local(xml.getLocalName());
                        if (inValue && "v".equals(name)) {
                            inValue = false;
                            text.append(cellValue(cellType, value));
                        }
                        if (SEPARATE_AFTER.contains(name)) {
                            text.append(name.equals("p") || name.equals("row") || name.equals("si") ? '\n' : ' ');
                        }
                    }
                    default -> {
                    }
                }
                if (text.length() > maxChars) {
                    text.setLength(maxChars);
                    return "文本超过 " + maxChars + " 个字符，未完整筛查 / more than " + maxChars + " characters of text; not completely screened";
                }
            }
            return null;
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof LimitExceeded limit) {
                throw limit;
            }
            Throwable cause = e.getCause();
            if (cause instanceof LimitExceeded limit) {
                throw limit;
            }
            return "XML 格式错误 / malformed XML: " + firstLine(e.getMessage());
        } catch (RuntimeException e) {
            // the JDK parser reports some malformed input (and our limits, through its reads) as unchecked exceptions
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LimitExceeded limit) {
                    throw limit;
                }
            }
            return "XML 无法解析 / unreadable XML: " + firstLine(String.valueOf(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream itself is closed by the caller
                }
            }
        }
    }

    /**
     * A worksheet cell's {@code <v>}: a shared-string index is not text; a number is written in plain notation
     * (Excel stores a typed mobile number as the double 13812345678, possibly written 1.3812345678E10).
     */
    static String cellValue(String cellType, CharSequence raw) {
        String v = raw.toString().strip();
        if ("s".equals(cellType) || "b".equals(cellType) || "e".equals(cellType)) {
            return "";
        }
        if ("n".equals(cellType) && v.length() <= 40 && (v.indexOf('E') >= 0 || v.indexOf('e') >= 0 || v.indexOf('.') >= 0)) {
            try {
                BigDecimal n = new BigDecimal(v).stripTrailingZeros();
                if (n.precision() - n.scale() <= 40 && n.scale() <= 40) {
                    return n.toPlainString();
                }
            } catch (NumberFormatException notANumber) {
                return v;
            }
        }
        return v;
    }

    private static String local(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(colon + 1);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** A limit hit while inflating: the reading stops there. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }

    /** Counts inflated bytes and stops at the entry, total and inflation-ratio limits. */
    private static final class LimitedInput extends FilterInputStream {
        private final String name;
        private final long compressed;
        private final Limits limits;
        private final long totalLeft;
        long count;

        LimitedInput(InputStream in, String name, long compressed, Limits limits, long totalLeft) {
            super(in);
            this.name = name;
            this.compressed = compressed;
            this.limits = limits;
            this.totalLeft = totalLeft;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            add(s);
            return s;
        }

        private void add(long n) throws LimitExceeded {
            count += n;
            if (count > limits.maxEntryBytes()) {
                throw new LimitExceeded("条目解压后过大 / entry " + name + " inflates to more than " + limits.maxEntryBytes() + " bytes");
            }
            if (count > totalLeft) {
                throw new LimitExceeded("解压后总量过大 / the document inflates to more than " + limits.maxTotalBytes() + " bytes");
            }
            if (count > RATIO_CHECK_FROM && compressed > 0 && count / compressed > limits.maxInflationRatio()) {
                throw new LimitExceeded("压缩比异常（疑似压缩炸弹）/ entry " + name + " inflates more than "
                        + limits.maxInflationRatio() + " times (a ZIP bomb?)");
            }
        }
    }
}
