package io.xxgk.publish.service.site;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.http.Method;
import io.xxgk.contract.event.AttachmentRef;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Short-lived presigned GET links to attachments in the object store (the bucket ingest writes). Signing is local
 * (no request to the store). The site's pages link to a redirect that signs a fresh link at each click, so a cached
 * page never holds an expired or long-lived link. The signature covers the host, so links are signed for the address
 * readers reach ({@code xxgk.storage.public-endpoint}, e.g. a proxy in front of the store), not the internal one.
 */
@ApplicationScoped
public class AttachmentLinks {

    private final MinioClient client;
    private final String bucket;
    private final int expirySeconds;

    public AttachmentLinks(@ConfigProperty(name = "xxgk.storage.endpoint") Optional<String> endpoint,
                           @ConfigProperty(name = "xxgk.storage.access-key") Optional<String> accessKey,
                           @ConfigProperty(name = "xxgk.storage.secret-key") Optional<String> secretKey,
                           @ConfigProperty(name = "xxgk.storage.bucket", defaultValue = "xxgk-attachments") String bucket,
                           @ConfigProperty(name = "xxgk.storage.region", defaultValue = "us-east-1") String region,
                           @ConfigProperty(name = "xxgk.storage.public-endpoint") Optional<String> publicEndpoint,
                           SiteSettings settings) {
        this.client = endpoint.isPresent() && accessKey.isPresent() && secretKey.isPresent()
                ? MinioClient.builder().endpoint(publicEndpoint.orElse(endpoint.get())).credentials(accessKey.get(), secretKey.get()).region(region).build()
                : null;
        this.bucket = bucket;
        this.expirySeconds = (int) Math.max(1, settings.attachmentLinkExpiry().toSeconds());
    }

    /** Whether an object store is configured; without one the pages list attachments without links. */
    public boolean available() {
        return client != null;
    }

    /** A presigned GET of the attachment that saves it under its own file name; empty without an object store. */
    public Optional<String> presign(AttachmentRef attachment) {
        if (client == null) {
            return Optional.empty();
        }
        String name = attachment.fileName() == null || attachment.fileName().isBlank() ? "attachment" : attachment.fileName();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        try {
            return Optional.of(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET).bucket(bucket).object(attachment.objectKey())
                    .expiry(expirySeconds, TimeUnit.SECONDS)
                    .extraQueryParams(Map.of("response-content-disposition", "attachment; filename*=UTF-8''" + encoded))
                    .build()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a link to an attachment", e);
        }
    }

    @PreDestroy
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }
}
