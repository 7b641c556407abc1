package io.xxgk.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A real Apache Kafka broker in KRaft mode (broker + controller), in its own JVM from the kafka-dist classpath. */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private final Path lib;
    private ServerProcess process;
    private volatile boolean wanted;

    public KafkaBroker(Path dir, int port, int controllerPort, String heap, Path lib) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.lib = lib;
    }

    /** Starts the broker, or starts it again on the same port and data after {@link #kill()} or {@link #stop()}. */
    public synchronized KafkaBroker start() {
        try {
            Files.createDirectories(dir.resolve("logs"));
            Path config = writeConfig();
            if (!Files.exists(dir.resolve("logs/meta.properties"))) {
                format(config);
            }
            process = ServerProcess.start("kafka",
                    ServerProcess.javaCommand(List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
                                    "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties")),
                            lib + "/*", "kafka.Kafka", List.of(config.toString())),
                    Map.of(), dir, dir.resolve("kafka.log"), StaleServers.pidFile(dir.getParent(), "kafka"));
            wanted = true;
            Ports.awaitOpen("Kafka", port, Duration.ofSeconds(90), process);
            awaitBrokerReady(Duration.ofSeconds(60));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Kafka: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return Ports.HOST + ":" + port;
    }

    public ServerProcess process() {
        return process;
    }

    public void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(bootstrapServers(), partitionsByTopic);
    }

    /** Creates each topic with its partitions (replication 1) on the broker at that address; existing ones are kept. */
    public static void createTopics(String bootstrapServers, Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin(bootstrapServers)) {
            List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("topic creation timed out", e);
        }
    }

    public Admin admin() {
        return admin(bootstrapServers());
    }

    /** An admin client for the broker at that address, with the launcher's timeouts. */
    public static Admin admin(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        return Admin.create(p);
    }

    public boolean isRunning() {
        ServerProcess p = process;
        return p != null && p.isAlive();
    }

    /** For a {@link Supervisor}: restarted when it dies, unless stopped or killed through this class. */
    public Supervisor.Watched supervised() {
        return new Supervisor.Watched("kafka", () -> wanted, this::isRunning,
                () -> process == null ? "stopped" : "exit code " + process.exitCode(), () -> {
                    synchronized (this) {
                        if (wanted && !isRunning()) {
                            start();
                        }
                    }
                });
    }

    /** Graceful stop, as an operator would do for maintenance. */
    public synchronized void stop() {
        wanted = false;
        if (process != null) {
            process.stop(30);
            process = null;
        }
    }

    /** Crash: SIGKILL the broker. {@link #start()} brings it back on the same port and data. */
    public synchronized void kill() {
        wanted = false;
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitBrokerReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException(e.getMessage(), e);
            }
            Ports.sleep(200);
        }
        throw new IllegalStateException("Kafka not ready; see " + dir.resolve("kafka.log"), last);
    }

    private Path writeConfig() throws IOException {
        String props = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + Ports.HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + Ports.HOST + ":" + port + ",CONTROLLER://" + Ports.HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + Ports.HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=6",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                "") ;
        Path config = dir.resolve("server.properties");
        Files.writeString(config, props, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "status = error",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.kafka.name = kafka",
                "logger.kafka.level = WARN",
                "logger.org.name = org.apache.kafka",
                "logger.org.level = WARN",
                "logger.started.name = kafka.server.KafkaRaftServer",
                "logger.started.level = INFO",
                ""), StandardCharsets.UTF_8);
        return config;
    }

    private void format(Path config) {
        // Kafka's own ids never start with '-': a random base64url id does one time in 64, and the tool's argument
        // parser then reads it as an option ("--cluster-id: expected one argument")
        String clusterId = Uuid.randomUuid().toString();
        ServerProcess formatter = ServerProcess.start("kafka-format",
                ServerProcess.javaCommand(List.of("-Xmx256m"), lib + "/*", "kafka.tools.StorageTool",
                        List.of("format", "-t", clusterId, "-c", config.toString())),
                Map.of(), dir, dir.resolve("kafka-format.log"));
        for (int i = 0; i < 600 && formatter.isAlive(); i++) {
            Ports.sleep(100);
        }
        if (formatter.exitCode() != 0) {
            throw new IllegalStateException("Kafka storage format failed; see " + formatter.logFile());
        }
    }
}
