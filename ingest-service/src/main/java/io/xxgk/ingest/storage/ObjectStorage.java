package io.xxgk.ingest.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.xxgk.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;

/** The S3-compatible object store for attachments, through the MinIO Java SDK. */
@ApplicationScoped
public class ObjectStorage {

    private final MinioClient client;
    private final String bucket;
    private volatile boolean bucketReady;

    public ObjectStorage(IngestConfig config) {
        this.bucket = config.storage().bucket();
        this.client = MinioClient.builder()
                .endpoint(config.storage().endpoint())
                .credentials(config.storage().accessKey(), config.storage().secretKey())
                .region(config.storage().region())
                .build();
    }

    public MinioClient client() {
        return client;
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket on first use; true when it exists. */
    public boolean ensureBucket() throws Exception {
        if (!bucketReady) {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
            bucketReady = true;
        }
        return true;
    }

    @PreDestroy
    void close() throws Exception {
        client.close();
    }
}
