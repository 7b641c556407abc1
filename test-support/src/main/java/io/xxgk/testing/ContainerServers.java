package io.xxgk.testing;

import io.xxgk.stack.KafkaBroker;
import io.xxgk.stack.LocalStack;
import io.xxgk.stack.ObjectStoreServer;
import io.xxgk.stack.Ports;
import io.xxgk.stack.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kafka, PostgreSQL and MinIO in containers (Testcontainers), used only where a Docker engine answers
 * ({@link ServerChoice}). Images: {@code xxgk-test-containers.properties} (Kafka's tag is the root pom's
 * {@code kafka.dist.version}; PostgreSQL's and MinIO's those of docker-compose.yml). Each container's port is bound to
 * a fixed free host port, so that an outage test can stop a container and start it again on the same address and
 * data, as it does with the embedded servers. Testcontainers removes the containers when the JVM exits.
 */
final class ContainerServers implements TestServers {

    private static final int POSTGRES_PORT = 5432;
    private static final int KAFKA_PORT = 9092;
    private static final int MINIO_PORT = 9000;

    private final PostgreSQLContainer postgresContainer;
    private final KafkaContainer kafkaContainer;
    private final MinIOContainer minioContainer;
    private final Database postgres;
    private final Broker kafka;
    private final ObjectStore objectStore;

    private ContainerServers(Properties images) {
        postgresContainer = new PostgreSQLContainer(images.getProperty("postgres.image"))
                .withDatabaseName("postgres").withUsername("postgres").withPassword("postgres")
                .withEnv("POSTGRES_INITDB_ARGS", "--encoding=UTF8")
                // as the embedded server: no fsync (throw-away data), synchronous commits, room for every service's pool
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=on", "-c", "max_connections=200");
        kafkaContainer = new KafkaContainer(images.getProperty("kafka.image"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        minioContainer = new MinIOContainer(images.getProperty("minio.image"))
                .withUserName(ObjectStoreServer.ACCESS_KEY).withPassword(ObjectStoreServer.SECRET_KEY);
        bindToFreeHostPort(postgresContainer, POSTGRES_PORT);
        bindToFreeHostPort(kafkaContainer, KAFKA_PORT);
        bindToFreeHostPort(minioContainer, MINIO_PORT);
        postgres = new ContainerDatabase();
        kafka = new ContainerBroker();
        objectStore = new ObjectStore() {
            @Override
            public String endpoint() {
                return minioContainer.getS3URL();
            }

            @Override
            public String accessKey() {
                return minioContainer.getUserName();
            }

            @Override
            public String secretKey() {
                return minioContainer.getPassword();
            }
        };
    }

    static ContainerServers start() {
        long t0 = System.nanoTime();
        ContainerServers servers = new ContainerServers(images());
        CompletableFuture.allOf(
                CompletableFuture.runAsync(servers.postgresContainer::start),
                CompletableFuture.runAsync(servers.kafkaContainer::start),
                CompletableFuture.runAsync(servers.minioContainer::start)).join();
        KafkaBroker.createTopics(servers.kafka.bootstrapServers(), LocalStack.TOPICS);
        System.out.printf("test servers up in containers in %.1f s: PostgreSQL %s, Kafka %s, S3 %s%n",
                (System.nanoTime() - t0) / 1e9, servers.postgres.jdbcUrl("postgres"), servers.kafka.bootstrapServers(),
                servers.objectStore.endpoint());
        return servers;
    }

    static Properties images() {
        Properties images = new Properties();
        try (InputStream in = ContainerServers.class.getResourceAsStream("/xxgk-test-containers.properties")) {
            images.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }

    private static void bindToFreeHostPort(GenericContainer<?> container, int containerPort) {
        container.setPortBindings(List.of(Ports.free() + ":" + containerPort));
    }

    @Override
    public Database postgres() {
        return postgres;
    }

    @Override
    public Broker kafka() {
        return kafka;
    }

    @Override
    public ObjectStore objectStore() {
        return objectStore;
    }

    @Override
    public Map<String, String> serviceConfig(String database) {
        postgres.ensureDatabase(database);
        return LocalStack.serviceConfig(database, kafka.bootstrapServers(), postgres.jdbcUrl(database),
                objectStore.endpoint(), objectStore.accessKey(), objectStore.secretKey());
    }

    @Override
    public String description() {
        return "Testcontainers (" + postgresContainer.getDockerImageName() + ", " + kafkaContainer.getDockerImageName()
                + ", " + minioContainer.getDockerImageName() + ")";
    }

    /** {@code docker stop}: the container keeps its data and its port binding; {@code docker start} brings it back. */
    private static void stopContainer(GenericContainer<?> container) {
        DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
    }

    private static void startContainer(GenericContainer<?> container) {
        DockerClientFactory.instance().client().startContainerCmd(container.getContainerId()).exec();
    }

    private static void await(String what, Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                check.run();
                return;
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted", e);
            }
        }
        throw new IllegalStateException(what + " did not come back within " + timeout + ": " + last, last);
    }

    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }

    private final class ContainerDatabase implements Database {

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + postgresContainer.getHost() + ":" + postgresContainer.getMappedPort(POSTGRES_PORT) + "/" + database;
        }

        @Override
        public void ensureDatabase(String name) {
            PostgresServer.ensureDatabase(jdbcUrl("postgres"), "postgres", "postgres", name);
        }

        @Override
        public synchronized void start() {
            startContainer(postgresContainer);
            await("PostgreSQL", Duration.ofSeconds(60), () -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres")) {
                    c.createStatement().execute("select 1");
                }
            });
        }

        @Override
        public synchronized void stop() {
            stopContainer(postgresContainer);
        }
    }

    private final class ContainerBroker implements Broker {

        @Override
        public String bootstrapServers() {
            return kafkaContainer.getBootstrapServers();
        }

        @Override
        public synchronized void start() {
            startContainer(kafkaContainer);
            await("Kafka", Duration.ofSeconds(90), () -> {
                try (Admin admin = KafkaBroker.admin(bootstrapServers())) {
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                }
            });
        }

        @Override
        public synchronized void stop() {
            stopContainer(kafkaContainer);
        }
    }
}
