package io.xxgk.ingest.service.imports;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an XLSX register before the workbook reader sees it, reading every XML part once as a stream through
 * {@link ZipFile} (the central directory: parts that are not XML are never inflated): the number of parts, the
 * inflated size of each part and of all of them, the inflation ratio, the number and total length of shared
 * strings (the reader keeps those it needs in memory) and the number of rows. A file over a limit fails with a
 * reason in Chinese and English instead of exhausting the heap.
 */
final class XlsxGuard {

    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio, int maxSharedStrings,
                  long maxSharedStringChars, int maxRows) {

        static final Limits DEFAULT = new Limits(1_000, 256L << 20, 512L << 20, 200, 500_000, 16L << 20, 100_000);
    }

    /** Inflated parts smaller than this are never refused for their ratio (tiny XML compresses well). */
    private static final long RATIO_FLOOR = 1L << 20;

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private XlsxGuard() {
    }

    static void check(Path file, Limits limits) throws RegisterFileReader.UnreadableRegister {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw refuse("文件包含 " + zip.size() + " 个部件，超过上限 " + limits.maxEntries(),
                        "the file has " + zip.size() + " parts; at most " + limits.maxEntries());
            }
            long[] total = {0};
            int sharedStrings = 0;
            long sharedChars = 0;
            int rows = 0;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !(name.endsWith(".xml") || name.endsWith(".rels"))) {
                    continue;
                }
                try (InputStream in = new Bounded(zip.getInputStream(e), name, Math.max(e.getCompressedSize(), 1), total, limits)) {
                    if (name.endsWith("sharedStrings.xml")) {
                        long[] counted = countSharedStrings(in, limits);
                        sharedStrings += (int) counted[0];
                        sharedChars += counted[1];
                    } else if (name.startsWith("xl/worksheets/")) {
                        rows += countRows(in, limits.maxRows() - rows);
                    } else {
                        drain(in);
                    }
                }
            }
            if (rows > limits.maxRows()) {
                throw refuse("登记表超过 " + limits.maxRows() + " 行", "the register has more than " + limits.maxRows() + " rows");
            }
        } catch (RegisterFileReader.UnreadableRegister e) {
            throw e;
        } catch (ZipException e) {
            throw refuse("文件不是完整的 XLSX（ZIP 结构损坏或被截断）", "the file is not a complete XLSX (damaged or truncated ZIP): "
                    + e.getMessage());
        } catch (XMLStreamException | IOException | RuntimeException e) {
            RegisterFileReader.UnreadableRegister refused = unwrap(e);
            if (refused != null) {
                throw refused;
            }
            throw refuse("XLSX 内容无法解析", "the XLSX content cannot be parsed: " + e.getMessage());
        }
    }

    private static long[] countSharedStrings(InputStream in, Limits limits) throws XMLStreamException, RegisterFileReader.UnreadableRegister {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        long count = 0;
        long chars = 0;
        try {
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw refuse("XLSX 中不允许 DTD", "DTDs are not allowed in XLSX parts");
                }
                if (ev == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
                    if (++count > limits.maxSharedStrings()) {
                        throw refuse("共享字符串超过 " + limits.maxSharedStrings() + " 个", "more than " + limits.maxSharedStrings()
                                + " shared strings");
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    chars += xml.getTextLength();
                    if (chars > limits.maxSharedStringChars()) {
                        throw refuse("共享字符串总长度超过 " + limits.maxSharedStringChars() + " 个字符",
                                "the shared strings are longer than " + limits.maxSharedStringChars() + " characters in total");
                    }
                }
            }
        } finally {
            xml.close();
        }
        return new long[]{count, chars};
    }

    private static int countRows(InputStream in, int allowed) throws XMLStreamException, RegisterFileReader.UnreadableRegister {
        XMLStreamReader xml = XML.createXMLStreamReader(in);
        int rows = 0;
        try {
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw refuse("XLSX 中不允许 DTD", "DTDs are not allowed in XLSX parts");
                }
                if (ev == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName()) && ++rows > allowed) {
                    return rows;
                }
            }
        } finally {
            xml.close();
        }
        return rows;
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    static RegisterFileReader.UnreadableRegister refuse(String zh, String en) {
        return new RegisterFileReader.UnreadableRegister("XLSX 文件被拒绝：" + zh + " / XLSX file refused: " + en);
    }

    /** Counts inflated bytes and stops at the per-part, total and ratio limits (the sizes in the ZIP may lie). */
    private static final class Bounded extends FilterInputStream {
        private final String name;
        private final long compressed;
        private final long[] total;
        private final Limits limits;
        private long read;

        Bounded(InputStream in, String name, long compressed, long[] total, Limits limits) {
            super(in);
            this.name = name;
            this.compressed = compressed;
            this.total = total;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                total[0] += n;
                if (read > limits.maxEntryBytes()) {
                    throw new Refused(refuse("部件 " + name + " 解压后超过 " + (limits.maxEntryBytes() >> 20) + " MB",
                            "part " + name + " inflates to more than " + (limits.maxEntryBytes() >> 20) + " MB"));
                }
                if (total[0] > limits.maxTotalBytes()) {
                    throw new Refused(refuse("解压后总大小超过 " + (limits.maxTotalBytes() >> 20) + " MB",
                            "the parts inflate to more than " + (limits.maxTotalBytes() >> 20) + " MB in total"));
                }
                if (read > RATIO_FLOOR && read / compressed > limits.maxRatio()) {
                    throw new Refused(refuse("部件 " + name + " 压缩比超过 " + limits.maxRatio() + " 倍（疑似 ZIP 炸弹）",
                            "part " + name + " inflates more than " + limits.maxRatio() + " times (a zip bomb?)"));
                }
            }
            return n;
        }
    }

    /** Carries a refusal through XML parsers, which wrap IOExceptions. */
    private static final class Refused extends IOException {
        Refused(RegisterFileReader.UnreadableRegister cause) {
            super(cause.getMessage(), cause);
        }
    }

    static RegisterFileReader.UnreadableRegister unwrap(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RegisterFileReader.UnreadableRegister u) {
                return u;
            }
        }
        return null;
    }
}
