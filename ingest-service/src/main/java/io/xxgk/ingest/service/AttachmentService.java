package io.xxgk.ingest.service;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.failure.TransientFailures;
import io.xxgk.ingest.config.IngestConfig;
import io.xxgk.ingest.repository.Attachment;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.storage.ContentSniffer;
import io.xxgk.ingest.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Attachments into the object store: the upload is streamed from Quarkus's temporary file (never held whole in
 * memory), typed from its bytes, hashed, and stored once per SHA-256 however many times it is uploaded.
 */
@ApplicationScoped
public class AttachmentService {

    private final ObjectStorage storage;
    private final IngestConfig config;
    private final Clock clock;

    public AttachmentService(ObjectStorage storage, IngestConfig config, Clock clock) {
        this.storage = storage;
        this.config = config;
        this.clock = clock;
    }

    public record Stored(Attachment record, boolean deduplicated) {
    }

    public Stored store(Caller caller, Path upload, String fileName) {
        if (caller.schoolCode() == null) {
            throw ProblemException.forbidden("只有部门 API key 可以上传附件 / only department keys upload attachments");
        }
        try {
            long size = Files.size(upload);
            if (size == 0) {
                throw ProblemException.invalid(List.of(new FieldError("file", "empty", "the file is empty", "文件为空")));
            }
            if (size > config.attachments().maxBytes()) {
                throw new ProblemException(413, "too-large", "附件过大 / Attachment too large",
                        "附件不能超过 " + config.attachments().maxBytes() / (1024 * 1024) + " MB / the limit is "
                                + config.attachments().maxBytes() + " bytes",
                        List.of(new FieldError("file", "too-large", "larger than " + config.attachments().maxBytes() + " bytes", "文件过大")));
            }
            String contentType = ContentSniffer.sniff(upload).orElseThrow(() -> ProblemException.invalid(List.of(
                    new FieldError("file", "unsupported-type", "only PDF, DOCX, XLSX, PNG, JPEG, GIF and ZIP files are accepted",
                            "仅支持 PDF、DOCX、XLSX、PNG、JPEG、GIF 和 ZIP 文件"))));
            String sha256 = sha256(upload);
            String objectKey = "sha256/" + sha256;
            storage.ensureBucket();
            boolean exists = exists(objectKey);
            if (!exists) {
                try (InputStream in = Files.newInputStream(upload)) {
                    storage.client().putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(objectKey)
                            .stream(in, size, -1).contentType(contentType).build());
                }
            }
            Attachment r = new Attachment();
            r.id = UUID.randomUUID();
            r.schoolCode = caller.schoolCode();
            r.department = caller.department() == null ? "" : caller.department();
            r.fileName = fileName == null || fileName.isBlank() ? objectKey : fileName.strip();
            r.contentType = contentType;
            r.sizeBytes = size;
            r.sha256 = sha256;
            r.objectKey = objectKey;
            r.createdAt = clock.instant();
            QuarkusTransaction.requiringNew().run(r::persist);
            return new Stored(r, exists);
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            if (!TransientFailures.isTransient(e) && !e.getClass().getName().startsWith("io.minio.")) {
                throw new IllegalStateException("attachment not stored", e);
            }
            throw new ProblemException(503, "storage-unavailable", "对象存储不可用 / Object store unavailable",
                    "附件未保存，请稍后重试 / the attachment was not stored, please retry: " + e.getMessage(), null);
        }
    }

    public Optional<Attachment> find(String schoolCode, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Attachment.<Attachment>findByIdOptional(id))
                .filter(a -> a.schoolCode.equals(schoolCode));
    }

    /** A presigned GET link valid for the configured time. */
    public String downloadUrl(Attachment a) {
        try {
            return storage.client().getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET).bucket(storage.bucket()).object(a.objectKey)
                    .expiry((int) config.attachments().linkExpiry().toSeconds(), TimeUnit.SECONDS).build());
        } catch (Exception e) {
            throw new ProblemException(503, "storage-unavailable", "对象存储不可用 / Object store unavailable", e.getMessage(), null);
        }
    }

    /** Field errors for attachment ids that do not exist for this school. */
    public List<FieldError> checkAllExist(String schoolCode, List<String> ids) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (resolve(schoolCode, ids.get(i)).isEmpty()) {
                errors.add(new FieldError("attachments[" + i + "]", "unknown", "no attachment '" + ids.get(i) + "' for this school",
                        "本校没有编号为 " + ids.get(i) + " 的附件"));
            }
        }
        return errors;
    }

    public List<AttachmentRef> references(String schoolCode, List<String> ids) {
        return ids.stream().map(id -> resolve(schoolCode, id).orElseThrow())
                .map(a -> new AttachmentRef(a.objectKey, a.fileName, a.contentType, a.sizeBytes, a.sha256)).toList();
    }

    private Optional<Attachment> resolve(String schoolCode, String id) {
        try {
            return find(schoolCode, UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private boolean exists(String objectKey) throws Exception {
        try {
            storage.client().statObject(StatObjectArgs.builder().bucket(storage.bucket()).object(objectKey).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return false;
            }
            throw e;
        }
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
