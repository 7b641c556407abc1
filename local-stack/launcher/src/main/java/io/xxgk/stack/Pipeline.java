package io.xxgk.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three services as separate JVMs (their packaged quarkus-run.jar) wired to a {@link LocalStack}. */
public final class Pipeline implements AutoCloseable {

    public enum Service {
        INGEST("ingest-service", "ingest"),
        CLASSIFY("classify-service", "classify"),
        PUBLISH("publish-service", "publish");

        final String module;
        final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }

        public String module() {
            return module;
        }
    }

    public record ServicePorts(int ingest, int classify, int publish) {
        public static ServicePorts defaults() {
            return new ServicePorts(8081, 8082, 8083);
        }

        public static ServicePorts ephemeral() {
            return new ServicePorts(Ports.free(), Ports.free(), Ports.free());
        }

        int of(Service s) {
            return switch (s) {
                case INGEST -> ingest;
                case CLASSIFY -> classify;
                case PUBLISH -> publish;
            };
        }
    }

    private final LocalStack stack;
    private final StackPaths paths;
    private final Path logDir;
    private final ServicePorts ports;
    private final Map<String, String> extraConfig;
    private final Map<Service, ServerProcess> running = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<ServerProcess> replicas = new ArrayList<>();

    /** {@code extraConfig}: Quarkus properties for all services (e.g. the admin token), passed as env vars. */
    public Pipeline(LocalStack stack, StackPaths paths, Path logDir, ServicePorts ports, Map<String, String> extraConfig) {
        this.stack = stack;
        this.paths = paths;
        this.logDir = logDir;
        this.ports = ports;
        this.extraConfig = Map.copyOf(extraConfig);
    }

    public Pipeline start() {
        for (Service s : Service.values()) {
            startService(s);
        }
        for (Service s : Service.values()) {
            awaitReady(s, Duration.ofSeconds(120));
        }
        return this;
    }

    /** Starts a service (again, after {@link #kill} or {@link #stop}); does not wait for it to be ready. */
    public synchronized void startService(Service s) {
        ServerProcess old = running.get(s);
        if (old != null && old.isAlive()) {
            throw new IllegalStateException(s.module + " is already running (pid " + old.pid() + ")");
        }
        running.put(s, launch(s, s.database, ports.of(s), Map.of(), s.module));
    }

    /** Starts a service again and waits until it is ready. */
    public void restartService(Service s, Duration timeout) {
        startService(s);
        awaitReady(s, timeout);
    }

    /**
     * For a {@link Supervisor}: a service that dies is started again; one stopped or killed through this class is
     * not.
     */
    public Supervisor.Watched supervised(Service s) {
        return new Supervisor.Watched(s.module, () -> running.containsKey(s),
                () -> {
                    ServerProcess p = running.get(s);
                    return p != null && p.isAlive();
                },
                () -> {
                    ServerProcess p = running.get(s);
                    return p == null ? "stopped" : "exit code " + p.exitCode();
                },
                () -> {
                    synchronized (this) {
                        ServerProcess p = running.get(s);
                        if (p == null || p.isAlive()) {
                            return;
                        }
                        startService(s);
                    }
                    awaitReady(s, Duration.ofSeconds(180));
                });
    }

    /**
     * A second instance of a service on its own database and port, e.g. a publish-service that rebuilds the
     * catalogue from the topics into fresh tables. Stopped with the pipeline; returns its base URL.
     */
    public String startReplica(Service s, String database, Map<String, String> config) {
        int port = Ports.free();
        ServerProcess p = launch(s, database, port, config, s.module + "-" + database);
        replicas.add(p);
        String url = "http://" + Ports.HOST + ":" + port;
        awaitReady(s.module + " (" + database + ")", url, p, Duration.ofSeconds(120));
        return url;
    }

    private ServerProcess launch(Service s, String database, int port, Map<String, String> overrides, String logName) {
        Map<String, String> config = new LinkedHashMap<>(stack.serviceConfig(database));
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.http.host", Ports.HOST);
        // the packaged jar logs JSON lines (prod); the local logs in .data/logs stay readable text
        config.put("quarkus.log.console.json.enabled", "false");
        config.putAll(extraConfig);
        config.putAll(overrides);
        Map<String, String> env = new LinkedHashMap<>();
        config.forEach((k, v) -> env.put(LocalStack.envName(k), v));
        Path data = stack.settings().dataDir();
        // the marker lets the next launcher of this data folder recognise the process if this one dies
        List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Dlocal-stack.data=" + StaleServers.marker(data)));
        return ServerProcess.start(logName,
                ServerProcess.javaCommand(jvm, null, "-jar", List.of(paths.serviceJar(s.module).toString())),
                env, paths.projectRoot(), logDir.resolve(logName + ".log"), StaleServers.pidFile(data, logName));
    }

    public void awaitReady(Service s, Duration timeout) {
        awaitReady(s.module, url(s), running.get(s), timeout);
    }

    private void awaitReady(String name, String baseUrl, ServerProcess p, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(name + " exited (code " + p.exitCode() + "); see " + p.logFile());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Ports.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; see "
                + (p == null ? logDir : p.logFile()));
    }

    public String url(Service s) {
        return "http://" + Ports.HOST + ":" + ports.of(s);
    }

    public ServerProcess process(Service s) {
        return running.get(s);
    }

    /** Crash a service (SIGKILL); a {@link Supervisor} leaves it down, {@link #startService} brings it back. */
    public synchronized void kill(Service s) {
        ServerProcess p = running.remove(s);
        if (p != null) {
            p.kill();
        }
    }

    public synchronized void stop(Service s) {
        ServerProcess p = running.remove(s);
        if (p != null) {
            p.stop(20);
        }
    }

    @Override
    public synchronized void close() {
        replicas.forEach(r -> r.stop(20));
        replicas.clear();
        List<Service> order = new ArrayList<>(List.of(Service.values()));
        java.util.Collections.reverse(order);
        order.forEach(this::stop);
    }
}
