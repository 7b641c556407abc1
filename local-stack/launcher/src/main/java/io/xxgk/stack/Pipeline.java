package io.xxgk.stack;

import io.xxgk.contract.config.RequiredSettingsCheck;

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

/**
 * The three services as separate JVMs (their packaged quarkus-run.jar) wired to a {@link LocalStack}, and on request
 * the console ({@link #startConsole}), which calls them: classify and publish get its service account {@code console}
 * with a password made for this pipeline, the console gets their URLs, that password and ingest's admin token.
 */
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

    /** The console's module, database and log name. */
    public static final String CONSOLE = "console";

    public record ServicePorts(int ingest, int classify, int publish, int console) {
        public static ServicePorts defaults() {
            return new ServicePorts(8081, 8082, 8083, 8084);
        }

        public static ServicePorts ephemeral() {
            return new ServicePorts(Ports.free(), Ports.free(), Ports.free(), Ports.free());
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
    /** The console's HTTP Basic password at classify and publish, new for every pipeline. */
    private final String consolePassword = randomSecret();
    /** The public application form's credential at ingest (publish's form → ingest), new for every pipeline. */
    private final String publicFormToken = randomSecret();
    private Map<String, String> consoleConfig;
    private ServerProcess console;

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

    /**
     * Starts the console (its packaged jar, database {@code console}) and waits until it is ready; {@code config}: more
     * of its settings, e.g. {@code xxgk.console.demo-accounts}. Returns its base URL.
     */
    public String startConsole(Map<String, String> config) {
        synchronized (this) {
            if (console != null && console.isAlive()) {
                throw new IllegalStateException("console is already running (pid " + console.pid() + ")");
            }
            consoleConfig = Map.copyOf(config);
            console = launchConsole();
        }
        awaitReady(CONSOLE, consoleUrl(), console, Duration.ofSeconds(120));
        return consoleUrl();
    }

    private ServerProcess launchConsole() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("xxgk.console.ingest-url", url(Service.INGEST));
        config.put("xxgk.console.classify-url", url(Service.CLASSIFY));
        config.put("xxgk.console.publish-url", url(Service.PUBLISH));
        config.put("xxgk.console.service-password", consolePassword);
        String adminToken = extraConfig.get("xxgk.admin-token");
        if (adminToken != null) {
            config.put("xxgk.console.ingest-admin-token", adminToken);
        }
        // the session key stays with the data folder, so a restart keeps people signed in
        config.put("quarkus.http.auth.session.encryption-key", sessionKey());
        // a stack on this machine over plain http with demo accounts is not production: the prod profile would refuse
        // the demo accounts (AccountBootstrap) and mark the cookies Secure
        config.put("quarkus.profile", "local");
        config.putAll(consoleConfig);
        return launch(CONSOLE, CONSOLE, ports.console(), config, CONSOLE);
    }

    public String consoleUrl() {
        return "http://" + Ports.HOST + ":" + ports.console();
    }

    public ServerProcess consoleProcess() {
        return console;
    }

    /** For a {@link Supervisor}: the console, started again if it dies (once {@link #startConsole} has run). */
    public Supervisor.Watched consoleSupervised() {
        return new Supervisor.Watched(CONSOLE, () -> console != null,
                () -> console != null && console.isAlive(),
                () -> console == null ? "stopped" : "exit code " + console.exitCode(),
                () -> {
                    synchronized (this) {
                        if (console == null || console.isAlive()) {
                            return;
                        }
                        console = launchConsole();
                    }
                    awaitReady(CONSOLE, consoleUrl(), console, Duration.ofSeconds(180));
                });
    }

    private String sessionKey() {
        java.nio.file.Path file = stack.settings().dataDir().resolve("console-session-key");
        try {
            if (java.nio.file.Files.exists(file)) {
                return java.nio.file.Files.readString(file).trim();
            }
            String key = randomSecret();
            java.nio.file.Files.writeString(file, key + "\n");
            return key;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String randomSecret() {
        byte[] b = new byte[24];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
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
        Map<String, String> config = new LinkedHashMap<>();
        if (s == Service.CLASSIFY || s == Service.PUBLISH) {
            // the console's service account (QUARKUS_SECURITY_USERS_EMBEDDED_USERS_CONSOLE)
            config.put("quarkus.security.users.embedded.users.console", consolePassword);
        }
        // 依申请公开: publish's form records applications through ingest with a token that can do nothing else
        if (s == Service.INGEST) {
            config.put("xxgk.public-applications-token", publicFormToken);
        }
        if (s == Service.PUBLISH) {
            config.put("xxgk.apply.ingest-url", url(Service.INGEST));
            config.put("xxgk.apply.ingest-token", publicFormToken);
        }
        config.putAll(overrides);
        return launch(s.module, database, port, config, logName);
    }

    private ServerProcess launch(String module, String database, int port, Map<String, String> overrides, String logName) {
        Map<String, String> config = new LinkedHashMap<>(stack.serviceConfig(database));
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.http.host", Ports.HOST);
        // the packaged jar logs JSON lines (prod); the local logs in .data/logs stay readable text
        config.put("quarkus.log.console.json.enabled", "false");
        config.putAll(extraConfig);
        config.putAll(overrides);
        Map<String, String> env = new LinkedHashMap<>(ServiceJvm.ENVIRONMENT);
        config.forEach((k, v) -> env.put(RequiredSettingsCheck.environmentName(k), v));
        Path data = stack.settings().dataDir();
        List<String> jvm = new ArrayList<>(ServiceJvm.options(module));
        // the marker lets the next launcher of this data folder recognise the process if this one dies
        jvm.add("-Dlocal-stack.data=" + StaleServers.marker(data));
        return ServerProcess.start(logName,
                ServerProcess.javaCommand(jvm, null, "-jar", List.of(paths.serviceJar(module).toString())),
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
        if (console != null) {
            console.stop(20);
            console = null;
        }
        replicas.forEach(r -> r.stop(20));
        replicas.clear();
        List<Service> order = new ArrayList<>(List.of(Service.values()));
        java.util.Collections.reverse(order);
        order.forEach(this::stop);
    }
}
