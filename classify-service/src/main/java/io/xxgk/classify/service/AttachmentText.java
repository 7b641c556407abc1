package io.xxgk.classify.service;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.xxgk.contract.event.AttachmentRef;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The text of an attachment, for the personal-data screening: DOCX (word/*.xml) and XLSX (shared strings and
 * inline strings) are read as the ZIP of XML they are, streamed from the object store; other types (PDF, images)
 * have no text to read here and are reported as such.
 */
@ApplicationScoped
public class AttachmentText {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern TEXT_RUN = Pattern.compile("<(?:w:)?t(?:\\s[^>]*)?>([^<]*)</(?:w:)?t>");

    private final MinioClient client;
    private final String bucket;
    private final int maxChars;

    public AttachmentText(@ConfigProperty(name = "xxgk.storage.endpoint") String endpoint,
                          @ConfigProperty(name = "xxgk.storage.access-key") String accessKey,
                          @ConfigProperty(name = "xxgk.storage.secret-key") String secretKey,
                          @ConfigProperty(name = "xxgk.storage.bucket", defaultValue = "xxgk-attachments") String bucket,
                          @ConfigProperty(name = "xxgk.classify.attachment-max-chars", defaultValue = "2000000") int maxChars) {
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region("us-east-1").build();
        this.bucket = bucket;
        this.maxChars = maxChars;
    }

    /** Whether this kind of attachment has text that can be screened. */
    public static boolean readable(AttachmentRef a) {
        return DOCX.equals(a.contentType()) || XLSX.equals(a.contentType());
    }

    /** The text, or empty for a type without readable text. @throws IOException when the store cannot be read */
    public Optional<String> text(AttachmentRef a) throws IOException {
        if (!readable(a)) {
            return Optional.empty();
        }
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(a.objectKey()).build());
             ZipInputStream zip = new ZipInputStream(in)) {
            StringBuilder text = new StringBuilder();
            for (ZipEntry e = zip.getNextEntry(); e != null && text.length() < maxChars; e = zip.getNextEntry()) {
                String name = e.getName();
                boolean wanted = name.startsWith("word/") && name.endsWith(".xml")
                        || name.equals("xl/sharedStrings.xml") || name.startsWith("xl/worksheets/") && name.endsWith(".xml");
                if (wanted) {
                    Matcher m = TEXT_RUN.matcher(new String(zip.readNBytes(maxChars * 4), StandardCharsets.UTF_8));
                    while (m.find() && text.length() < maxChars) {
                        text.append(unescape(m.group(1))).append(' ');
                    }
                }
            }
            return Optional.of(text.toString());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("attachment " + a.objectKey() + " could not be read: " + e.getMessage(), e);
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }

    @PreDestroy
    void close() throws Exception {
        client.close();
    }
}
