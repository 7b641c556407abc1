package io.xxgk.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The three real servers the pipeline needs, on 127.0.0.1, with their data under one folder:
 * PostgreSQL (zonky binaries), Kafka KRaft (separate JVM) and S3Proxy (separate JVM).
 * Used by {@code ./run.sh} with fixed ports and by the tests with free ports.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * Topics and their partition counts (XXGK_TOPIC_PARTITIONS, default 6; the dead-letter topic has 1). Item
     * events are keyed by item (contract Topics.itemKey), which keeps one item's revisions in order.
     */
    public static final Map<String, Integer> TOPICS = topics(Integer.parseInt(System.getenv().getOrDefault("XXGK_TOPIC_PARTITIONS", "6")));

    static Map<String, Integer> topics(int partitions) {
        return Map.of(
                "disclosure.items.submitted.v1", partitions,
                "disclosure.items.classified.v1", partitions,
                "disclosure.requests.v1", partitions,
                "disclosure.items.dlq", 1);
    }

    public static final String BUCKET = "xxgk-attachments";

    /** {@code durable}: PostgreSQL fsyncs its commits (zonky's default is fsync off, fine for throw-away test data). */
    public record Settings(Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort, int s3Port,
                           String kafkaHeap, boolean durable) {

        /** The fixed ports of {@code ./run.sh}; data that must survive a crash. */
        public static Settings defaults(Path dataDir) {
            return new Settings(dataDir, 15432, 19092, 19093, 19000, "512m", true);
        }

        /** Free ports, for tests. */
        public static Settings ephemeral(Path dataDir) {
            return new Settings(dataDir, Ports.free(), Ports.free(), Ports.free(), Ports.free(), "384m", false);
        }
    }

    private static final Executor STARTER = r -> {
        Thread t = new Thread(r, "local-stack-start");
        t.setDaemon(true);
        t.start();
    };

    private final Settings settings;
    private final StackPaths paths;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ObjectStoreServer objectStore;

    public LocalStack(Settings settings, StackPaths paths) {
        this.settings = settings;
        this.paths = paths;
    }

    public LocalStack start() {
        long t0 = System.nanoTime();
        Path data = settings.dataDir().toAbsolutePath();
        // servers of this data folder left running by a launcher that was killed
        StaleServers.reclaimAll(data);
        try {
            kafka = new KafkaBroker(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(),
                    settings.kafkaHeap(), paths.kafkaLib());
            objectStore = new ObjectStoreServer(data.resolve("s3"), settings.s3Port(), paths.s3proxyLib());
            // the two JVMs boot in parallel with PostgreSQL
            CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(kafka::start, STARTER);
            CompletableFuture<ObjectStoreServer> s3Start = CompletableFuture.supplyAsync(objectStore::start, STARTER);
            postgres = new PostgresServer(data.resolve("postgres"), settings.postgresPort(), settings.durable()).start();
            join(kafkaStart);
            join(s3Start);
            kafka.createTopics(TOPICS);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        System.out.printf("local stack up in %.1f s: PostgreSQL %d, Kafka %s, S3 %s%n",
                (System.nanoTime() - t0) / 1e9, settings.postgresPort(), kafka.bootstrapServers(), objectStore.endpoint());
        return this;
    }

    private static void join(CompletableFuture<?> start) {
        try {
            start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ObjectStoreServer objectStore() {
        return objectStore;
    }

    public Settings settings() {
        return settings;
    }

    /** Kafka, S3Proxy and PostgreSQL for a {@link Supervisor}. */
    public java.util.List<Supervisor.Watched> supervised() {
        return java.util.List.of(postgres.supervised(), kafka.supervised(), objectStore.supervised());
    }

    /**
     * The Quarkus configuration a service needs to talk to this stack, as property names.
     * {@code database} is the service's own database, created here if missing.
     */
    public Map<String, String> serviceConfig(String database) {
        postgres.ensureDatabase(database);
        return serviceConfig(database, kafka.bootstrapServers(), postgres.jdbcUrl(database), objectStore.endpoint(),
                ObjectStoreServer.ACCESS_KEY, ObjectStoreServer.SECRET_KEY);
    }

    /**
     * The same for servers started elsewhere (test-support's Testcontainers): login role and password = database name,
     * bucket {@link #BUCKET}.
     */
    public static Map<String, String> serviceConfig(String database, String kafkaBootstrap, String jdbcUrl,
                                                    String s3Endpoint, String accessKey, String secretKey) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        config.put("xxgk.storage.endpoint", s3Endpoint);
        config.put("xxgk.storage.access-key", accessKey);
        config.put("xxgk.storage.secret-key", secretKey);
        config.put("xxgk.storage.bucket", BUCKET);
        return config;
    }

    @Override
    public void close() {
        if (objectStore != null) {
            objectStore.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
