package io.xxgk.testing;

import io.xxgk.stack.LocalStack;
import io.xxgk.stack.ObjectStoreServer;
import io.xxgk.stack.StackPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * PostgreSQL (zonky), Kafka KRaft (a separate JVM) and S3Proxy (a separate JVM) on free ports in a temporary folder,
 * stopped and deleted when the JVM exits: the launcher's {@link LocalStack}, as {@code ./run.sh} uses it. No Docker.
 */
public final class EmbeddedServers implements TestServers {

    private final LocalStack stack;
    private final Database postgres;
    private final Broker kafka;
    private final ObjectStore objectStore;

    private EmbeddedServers(LocalStack stack) {
        this.stack = stack;
        this.postgres = new Database() {
            @Override
            public String jdbcUrl(String database) {
                return stack.postgres().jdbcUrl(database);
            }

            @Override
            public void ensureDatabase(String name) {
                stack.postgres().ensureDatabase(name);
            }

            @Override
            public void start() {
                stack.postgres().start();
            }

            @Override
            public void stop() {
                stack.postgres().stop();
            }
        };
        this.kafka = new Broker() {
            @Override
            public String bootstrapServers() {
                return stack.kafka().bootstrapServers();
            }

            @Override
            public void start() {
                stack.kafka().start();
            }

            @Override
            public void stop() {
                stack.kafka().stop();
            }
        };
        this.objectStore = new ObjectStore() {
            @Override
            public String endpoint() {
                return stack.objectStore().endpoint();
            }

            @Override
            public String accessKey() {
                return ObjectStoreServer.ACCESS_KEY;
            }

            @Override
            public String secretKey() {
                return ObjectStoreServer.SECRET_KEY;
            }
        };
    }

    static EmbeddedServers start() {
        try {
            Path dir = Files.createTempDirectory("xxgk-test-stack-");
            LocalStack started = new LocalStack(LocalStack.Settings.ephemeral(dir), StackPaths.fromBuild()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteQuietly(dir);
            }, "xxgk-test-stack-stop"));
            return new EmbeddedServers(started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return stack.serviceConfig(database);
    }

    /** The launcher's stack itself, for the few measurements that restart its PostgreSQL with other settings. */
    public LocalStack localStack() {
        return stack;
    }

    @Override
    public String description() {
        return "embedded (zonky PostgreSQL, Kafka KRaft JVM, S3Proxy; no Docker)";
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp folder; the OS cleans it eventually
        }
    }
}
