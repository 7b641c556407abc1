package io.xxgk.it.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Ports;
import io.xxgk.stack.PostgresServer;
import io.xxgk.stack.ServerProcess;
import io.xxgk.stack.StackPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 9, "proven configuration": each service's packaged jar started with exactly the environment that
 * docker-compose.yml gives it, and again with what deploy/ gives it (ConfigMap + Secret + the Deployment's env and
 * envFrom), must answer UP on /q/health/ready. The only change to the values is the host:port of the infrastructure
 * (kafka, postgres, minio, the Strimzi bootstrap Service), mapped to the embedded servers. The child JVM gets no
 * other environment variable than PATH, HOME and LANG; its HTTP port and interface are given as system properties,
 * as a container's own network namespace would.
 *
 * <p>The embedded servers are set up the way the manifests set up theirs, not from what the services receive:
 * PostgreSQL roles from deploy/postgres/init.sql (compose) and from postgres.yaml's init script (Kubernetes); one
 * S3 identity per `mc admin user add` of minio-init (compose) and the minio-setup Job (Kubernetes). Compose's
 * required variables (${X:?...}) come from a generated .env, and every CHANGE-ME value of the Secrets is replaced
 * by a generated one, as the operator must do before the first start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentConfigIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern MC_USER = Pattern.compile("mc admin user add \\S+ \"\\$\\{?(\\w+)}?\" \"\\$\\{?(\\w+)}?\"");
    private static final Pattern MC_BUCKET = Pattern.compile("mc mb (?:--ignore-existing )?\"\\S+?/\\$\\{?(\\w+)}?\"");
    private static final Pattern PG_SCRIPT_DB = Pattern.compile("create_service_database\\s+(\\w+)\\s+\"\\$\\{?(\\w+)}?\"");

    private final DeploymentFiles files = DeploymentFiles.load();
    private final StackPaths paths = StackPaths.fromBuild();
    private final List<ServerProcess> servers = new ArrayList<>();
    private final List<Child> children = new ArrayList<>();

    /** A service's JVM, started with an environment of its own (ServerProcess adds to the test JVM's). */
    private record Child(Process process, Path logFile) {
        boolean isAlive() {
            return process.isAlive();
        }

        int exitCode() {
            return process.exitValue();
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
    private Path dir;
    private LocalStack stack;
    private PostgresServer deployPostgres;

    @BeforeAll
    void startServers() throws IOException {
        dir = Files.createTempDirectory("xxgk-deploy-it-");
        stack = new LocalStack(LocalStack.Settings.ephemeral(dir), paths).start();
        // Kubernetes' PostgreSQL is a second, empty server: its roles are created from other passwords
        deployPostgres = new PostgresServer(dir.resolve("postgres-k8s"), Ports.free(), false).start();
    }

    @AfterAll
    void stopServers() {
        children.forEach(Child::stop);
        servers.forEach(s -> s.stop(10));
        if (deployPostgres != null) {
            deployPostgres.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyServiceIsReadyWithExactlyTheEnvironmentOfDockerCompose() throws Exception {
        Map<String, String> dotEnv = new LinkedHashMap<>();
        for (String name : files.composeRequiredVariables()) {
            dotEnv.put(name, strongSecret());
        }
        // PostgreSQL: the init script compose mounts into docker-entrypoint-initdb.d, as written
        runSql(stack.postgres().port(), Files.readString(files.root.resolve("deploy/postgres/init.sql")));
        // MinIO: the users and buckets minio-init creates
        Map<String, String> initEnv = interpolated("minio-init", dotEnv);
        String script = DeploymentFiles.interpolate(String.join("\n", strings(files.composeService("minio-init").get("command"))), dotEnv);
        Map<String, String> s3 = objectStores("compose", script, initEnv);

        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        Map<String, Integer> declaredPorts = new LinkedHashMap<>();
        for (String service : DeploymentFiles.SERVICES) {
            Map<String, String> env = interpolated(service, dotEnv);
            Map<String, String> hosts = new LinkedHashMap<>();
            hosts.put("kafka:9092", stack.kafka().bootstrapServers());
            hosts.put("postgres:5432", Ports.HOST + ":" + stack.postgres().port());
            hosts.put("minio:9000", s3For(s3, env));
            envs.put(service, mapHosts(env, hosts));
            declaredPorts.put(service, composeContainerPort(service));
        }
        startAndRequireReady("docker-compose.yml", envs, declaredPorts);
        aServiceWithoutItsBrokerRefusesToStartAndNamesIt(envs.get("publish-service"));
    }

    /**
     * The prod profile has no local defaults: a deployment that forgets the broker's address is refused at start,
     * with the setting named, instead of quietly dialling localhost.
     */
    private void aServiceWithoutItsBrokerRefusesToStartAndNamesIt(Map<String, String> env) throws Exception {
        Map<String, String> withoutBroker = new LinkedHashMap<>(env);
        assertNotNull(withoutBroker.remove("KAFKA_BOOTSTRAP_SERVERS"), "compose gives publish-service KAFKA_BOOTSTRAP_SERVERS");
        Child refused = start("docker-compose.yml without KAFKA_BOOTSTRAP_SERVERS", "publish-service", withoutBroker, Ports.free());
        assertTrue(refused.process().waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "publish-service did not stop");
        children.remove(refused);
        String log = tail(refused.logFile(), 200);
        assertNotEquals(0, refused.exitCode(), log);
        assertTrue(log.contains("kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS)"), log);
    }

    @Test
    void everyServiceIsReadyWithExactlyTheEnvironmentOfTheKubernetesManifests() throws Exception {
        Map<String, String> replaced = new HashMap<>();
        java.util.function.UnaryOperator<String> operator = v -> v.toUpperCase(java.util.Locale.ROOT).contains("CHANGE-ME")
                ? replaced.computeIfAbsent(v, x -> strongSecret()) : v;

        // PostgreSQL: the roles and databases postgres.yaml's init script creates, with the passwords it reads
        StatefulSet pg = files.get(StatefulSet.class, "postgres");
        Map<String, String> pgEnv = files.containerEnv("StatefulSet postgres", pg.getSpec().getTemplate().getSpec().getContainers().get(0), operator);
        ConfigMap init = files.get(ConfigMap.class, "postgres-init");
        StringBuilder sql = new StringBuilder();
        for (String script : init.getData().values()) {
            Matcher m = PG_SCRIPT_DB.matcher(script);
            while (m.find()) {
                String password = pgEnv.get(m.group(2));
                if (password == null) {
                    fail("postgres-init calls create_service_database " + m.group(1) + " with $" + m.group(2) + ", which the postgres container does not get");
                }
                sql.append("CREATE ROLE \"").append(m.group(1)).append("\" WITH LOGIN PASSWORD '").append(password.replace("'", "''")).append("';\n")
                        .append("CREATE DATABASE \"").append(m.group(1)).append("\" OWNER \"").append(m.group(1)).append("\" ENCODING 'UTF8';\n")
                        .append("REVOKE ALL ON DATABASE \"").append(m.group(1)).append("\" FROM PUBLIC;\n");
            }
        }
        runSql(deployPostgres.port(), sql.toString());
        // MinIO: the users and buckets of the minio-setup Job
        Job setup = files.get(Job.class, "minio-setup");
        Container mc = setup.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> s3 = objectStores("deploy", String.join("\n", mc.getArgs()), files.containerEnv("Job minio-setup", mc, operator));

        String kafkaBootstrap = files.all(io.strimzi.api.kafka.model.kafka.Kafka.class).get(0).getMetadata().getName() + "-kafka-bootstrap:"
                + files.all(io.strimzi.api.kafka.model.kafka.Kafka.class).get(0).getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst().orElseThrow().getPort();
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        Map<String, Integer> declaredPorts = new LinkedHashMap<>();
        for (String service : DeploymentFiles.SERVICES) {
            Container c = files.container(files.get(Deployment.class, service));
            Map<String, String> env = files.containerEnv("Deployment " + service, c, operator);
            Map<String, String> hosts = new LinkedHashMap<>();
            hosts.put(kafkaBootstrap, stack.kafka().bootstrapServers());
            hosts.put("postgres:5432", Ports.HOST + ":" + deployPostgres.port());
            hosts.put("minio:9000", s3For(s3, env));
            envs.put(service, mapHosts(env, hosts));
            declaredPorts.put(service, c.getPorts().stream().filter(p -> "http".equals(p.getName()))
                    .map(ContainerPort::getContainerPort).findFirst().orElse(null));
        }
        startAndRequireReady("deploy/", envs, declaredPorts);
    }

    // ---- the services

    private void startAndRequireReady(String source, Map<String, Map<String, String>> envs, Map<String, Integer> declaredPorts) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Child> started = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (var e : envs.entrySet()) {
            String service = e.getKey();
            String http = e.getValue().get("QUARKUS_HTTP_PORT");
            if (http != null && !http.equals(String.valueOf(declaredPorts.get(service)))) {
                problems.add(source + " " + service + ": QUARKUS_HTTP_PORT " + http + " but the container port its probes use is " + declaredPorts.get(service));
            }
            int port = Ports.free();
            ports.put(service, port);
            started.put(service, start(source, service, e.getValue(), port));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (var e : started.entrySet()) {
            String service = e.getKey();
            String base = "http://" + Ports.HOST + ":" + ports.get(service);
            String why = awaitReady(client, base, e.getValue(), Duration.ofSeconds(300));
            if (why != null) {
                problems.add(source + " " + service + " is not ready: " + why + "\n--- last lines of " + e.getValue().logFile() + "\n" + tail(e.getValue().logFile(), 25));
                continue;
            }
            if (service.equals("classify-service")) {
                reviewOperatorsCanLogIn(source, client, base, envs.get(service), problems);
            }
            if (!logsJsonLines(e.getValue().logFile())) {
                problems.add(source + " " + service + ": the prod profile should log JSON lines (quarkus-logging-json)\n"
                        + tail(e.getValue().logFile(), 10));
            }
        }
        started.values().forEach(Child::stop);
        children.removeAll(started.values());
        assertEquals("", String.join("\n\n", problems));
    }

    /** Whether the service's start-up message is a JSON line, as log collectors read them. */
    private static boolean logsJsonLines(Path log) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{") && line.contains("started in")) {
                try {
                    return json.readTree(line).path("message").asText().contains("started in");
                } catch (IOException notJson) {
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Every operator account of the environment opens the review queue (and there is at least one); the console's
     * service account (role console, not operator) must at least be recognised: 403, never 401.
     */
    private static void reviewOperatorsCanLogIn(String source, HttpClient client, String base, Map<String, String> env, List<String> problems) throws Exception {
        String prefix = "QUARKUS_SECURITY_USERS_EMBEDDED_USERS_";
        List<String> users = env.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        String consoleKey = prefix + "CONSOLE";
        if (users.stream().allMatch(consoleKey::equals)) {
            problems.add(source + " classify-service: no review operator account (" + prefix + "<NAME>); held items could never be released");
        }
        for (String key : users) {
            String user = key.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT);
            String basic = Base64.getEncoder().encodeToString((user + ":" + env.get(key)).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/review"))
                    .header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (key.equals(consoleKey)) {
                if (r.statusCode() != 403 && r.statusCode() != 200) {
                    problems.add(source + " classify-service: the console's service account gets " + r.statusCode() + ": " + r.body());
                }
            } else if (r.statusCode() != 200) {
                problems.add(source + " classify-service: operator " + user + " gets " + r.statusCode() + " from GET /api/v1/review: " + r.body());
            }
        }
    }

    /**
     * Started with the JVM options the file gives the image's run-java.sh (JAVA_OPTS_APPEND, GC_CONTAINER_OPTIONS), so
     * that the heap and limits set there are ones the service starts and answers with.
     */
    private Child start(String source, String service, Map<String, String> env, int port) throws IOException {
        List<String> jvm = new ArrayList<>();
        for (String name : List.of("GC_CONTAINER_OPTIONS", "JAVA_OPTS_APPEND")) {
            String options = env.getOrDefault(name, "").strip();
            if (!options.isEmpty()) {
                jvm.addAll(List.of(options.split("\\s+")));
            }
        }
        if (jvm.isEmpty()) {
            jvm.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"));
        }
        jvm.add("-Dquarkus.http.port=" + port);
        jvm.add("-Dquarkus.http.host=" + Ports.HOST);
        List<String> command = ServerProcess.javaCommand(jvm, null, "-jar", List.of(paths.serviceJar(service).toString()));
        Path log = dir.resolve("logs").resolve(source.replaceAll("[^a-z]", "") + "-" + service + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> childEnv = pb.environment();
        childEnv.keySet().retainAll(List.of("PATH", "HOME", "LANG"));
        childEnv.putAll(env);
        Child p = new Child(pb.start(), log);
        children.add(p);
        return p;
    }

    /** null when /q/health/ready answers UP in time; otherwise why not. */
    private static String awaitReady(HttpClient client, String base, Child p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "never answered";
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return "exited with code " + p.exitCode();
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return null;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        return "not UP within " + timeout.toSeconds() + " s; last answer: " + last;
    }

    // ---- the embedded servers, set up as the manifests set up theirs

    /** One S3 server per user the script creates (all on the same buckets); access key → endpoint. */
    private Map<String, String> objectStores(String source, String script, Map<String, String> env) throws IOException {
        Path buckets = dir.resolve("s3-" + source);
        Matcher b = MC_BUCKET.matcher(script);
        while (b.find()) {
            Files.createDirectories(buckets.resolve(require(env, b.group(1), source + " bucket set-up")));
        }
        Map<String, String> endpoints = new LinkedHashMap<>();
        Matcher m = MC_USER.matcher(script);
        while (m.find()) {
            String access = require(env, m.group(1), source + " object store user");
            String secret = require(env, m.group(2), source + " object store user");
            endpoints.put(access, startS3(source + "-" + endpoints.size(), buckets, access, secret));
        }
        if (endpoints.isEmpty()) {
            fail(source + ": the object store set-up creates no user");
        }
        return endpoints;
    }

    private String startS3(String name, Path buckets, String access, String secret) throws IOException {
        int port = Ports.free();
        Path props = dir.resolve("s3proxy-" + name + ".properties");
        Files.writeString(props, String.join("\n",
                "s3proxy.endpoint=http://" + Ports.HOST + ":" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + access,
                "s3proxy.credential=" + secret,
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=" + access,
                "jclouds.credential=" + secret,
                "jclouds.filesystem.basedir=" + buckets, ""), StandardCharsets.UTF_8);
        ServerProcess p = ServerProcess.start("s3proxy-" + name,
                ServerProcess.javaCommand(List.of("-Xms32m", "-Xmx128m"), paths.s3proxyLib() + "/*", "org.gaul.s3proxy.Main",
                        List.of("--properties", props.toString())), Map.of(), dir, dir.resolve("logs/s3proxy-" + name + ".log"));
        servers.add(p);
        Ports.awaitOpen("S3Proxy " + name, port, Duration.ofSeconds(60), p);
        return Ports.HOST + ":" + port;
    }

    /** The S3 server of the service's access key; a key nobody created gets the first server, which refuses it. */
    private static String s3For(Map<String, String> s3, Map<String, String> env) {
        return s3.getOrDefault(env.getOrDefault("XXGK_STORAGE_ACCESS_KEY", ""), s3.values().iterator().next());
    }

    private static void runSql(int port, String script) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + Ports.HOST + ":" + port + "/postgres", "postgres", "postgres");
             Statement st = c.createStatement()) {
            for (String statement : script.replaceAll("(?m)--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database set-up: " + e.getMessage(), e);
        }
    }

    // ---- values

    /** Replaces only host:port of the infrastructure in every value; names and all else stay as written. */
    static Map<String, String> mapHosts(Map<String, String> env, Map<String, String> hosts) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            String mapped = v;
            for (var h : hosts.entrySet()) {
                mapped = mapped.replaceAll("(?<![\\w.-])" + Pattern.quote(h.getKey()) + "(?![\\w.-])", Matcher.quoteReplacement(h.getValue()));
            }
            out.put(k, mapped);
        });
        return out;
    }

    private Map<String, String> interpolated(String service, Map<String, String> dotEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        files.composeEnvironment(service).forEach((k, v) -> env.put(k, DeploymentFiles.interpolate(v, dotEnv)));
        return env;
    }

    private Integer composeContainerPort(String service) {
        for (String p : strings(files.composeService(service).get("ports"))) {
            String[] parts = p.split(":");
            return Integer.valueOf(parts[parts.length - 1].replace("/tcp", ""));
        }
        return null;
    }

    private static List<String> strings(Object o) {
        if (o instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return o == null ? List.of() : List.of(String.valueOf(o));
    }

    private static String require(Map<String, String> env, String name, String where) {
        String v = env.get(name);
        if (v == null) {
            fail(where + " uses $" + name + ", which its container does not get");
        }
        return v;
    }

    /** Hex only: a "--" in a secret would read as an SQL comment in the set-up scripts (a URL-safe base64 flake). */
    private static String strongSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
