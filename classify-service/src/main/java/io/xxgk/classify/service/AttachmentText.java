package io.xxgk.classify.service;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.xxgk.classify.screening.OfficeText;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.failure.TransientFailures;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of an attachment, for the personal-data screening. DOCX and XLSX are copied from the object store to a
 * temporary file (bounded) and read by {@link OfficeText}: only their XML parts are inflated, by a streaming parser,
 * within limits. Every other type (PDF, images, ZIP, anything unknown) has no text that can be read here and is
 * reported as not screened, with the reason; so is a DOCX/XLSX that could not be read completely.
 */
@ApplicationScoped
public class AttachmentText {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * @param text    the complete text, when {@code screened}
     * @param screened whether the whole attachment was read
     * @param problem why not, in Chinese and English
     */
    public record Read(String text, boolean screened, String problem) {
        static Read notScreened(String problem) {
            return new Read(null, false, problem);
        }
    }

    private final MinioClient client;
    private final String bucket;
    private final long maxFileBytes;
    private final OfficeText.Limits limits;

    public AttachmentText(@ConfigProperty(name = "xxgk.storage.endpoint") String endpoint,
                          @ConfigProperty(name = "xxgk.storage.access-key") String accessKey,
                          @ConfigProperty(name = "xxgk.storage.secret-key") String secretKey,
                          @ConfigProperty(name = "xxgk.storage.bucket", defaultValue = "xxgk-attachments") String bucket,
                          @ConfigProperty(name = "xxgk.classify.attachment-max-chars", defaultValue = "2000000") int maxChars,
                          @ConfigProperty(name = "xxgk.classify.attachment-max-bytes", defaultValue = "67108864") long maxFileBytes) {
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region("us-east-1").build();
        this.bucket = bucket;
        this.maxFileBytes = maxFileBytes;
        this.limits = OfficeText.Limits.defaults(maxChars);
    }

    /** Whether this kind of attachment has text that can be screened. */
    public static boolean readable(AttachmentRef a) {
        return DOCX.equals(a.contentType()) || XLSX.equals(a.contentType());
    }

    /**
     * Reads the attachment's text. An object store that cannot be reached right now is not a property of the
     * attachment: it is thrown (unchecked, transient by {@link TransientFailures}) so that the item is retried later
     * instead of being decided on a guess. Anything else that stops the reading is a {@link Read#notScreened}.
     */
    public Read read(AttachmentRef a) {
        if (!readable(a)) {
            return Read.notScreened(kindOf(a) + "无法做文本筛查 / " + kindOfEn(a) + " cannot be text-screened");
        }
        if (a.size() > maxFileBytes) {
            return Read.notScreened("文件过大 / larger than " + maxFileBytes + " bytes");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("xxgk-attachment-", ".zip");
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(a.objectKey()).build());
                 OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[64 * 1024];
                long copied = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    copied += n;
                    if (copied > maxFileBytes) {
                        return Read.notScreened("文件过大 / larger than " + maxFileBytes + " bytes");
                    }
                    out.write(buf, 0, n);
                }
            }
            OfficeText.Extracted x = OfficeText.read(tmp, DOCX.equals(a.contentType()) ? OfficeText.Format.DOCX : OfficeText.Format.XLSX, limits);
            return x.complete() ? new Read(x.text(), true, null) : Read.notScreened(x.problem());
        } catch (Exception e) {
            if (TransientFailures.isTransient(e)) {
                throw new UncheckedIOException(new IOException("object store unavailable reading " + a.objectKey(), e));
            }
            return Read.notScreened("无法读取 / could not be read: " + e.getClass().getSimpleName());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    private static String kindOf(AttachmentRef a) {
        String t = a.contentType() == null ? "" : a.contentType().toLowerCase(Locale.ROOT);
        return t.equals("application/pdf") ? "PDF 文件" : t.startsWith("image/") ? "图片" : t.contains("zip") ? "ZIP 压缩包" : "该类型附件";
    }

    private static String kindOfEn(AttachmentRef a) {
        String t = a.contentType() == null ? "" : a.contentType().toLowerCase(Locale.ROOT);
        return t.equals("application/pdf") ? "a PDF" : t.startsWith("image/") ? "an image" : t.contains("zip") ? "a ZIP archive"
                : "an attachment of type " + a.contentType();
    }

    @PreDestroy
    void close() throws Exception {
        client.close();
    }
}
