package io.xxgk.stack;

import io.xxgk.contract.config.RequiredSettingsCheck;

import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./run.sh}: the whole pipeline on 127.0.0.1 with real Kafka, PostgreSQL and S3, the console (8084) with one
 * demo account per role (new random passwords each start, printed at the end), then the demo data.
 * Data lives under {@code XXGK_DATA_DIR} (default {@code ./.data}) and survives restarts; Ctrl-C stops everything.
 * {@code ./run.sh --servers-only} starts Kafka, PostgreSQL and S3 alone and prints each service's environment, for
 * {@code ./mvnw quarkus:dev -pl <service>} (exported; without them, and with Docker, Quarkus Dev Services start
 * PostgreSQL and Kafka instead).
 */
public final class RunMain {

    /** The demo school and the department of the demo editor (and of the demo API key). */
    static final String DEMO_SCHOOL = "zzsz";
    static final String DEMO_DEPARTMENT = "招生就业处";

    public static void main(String[] args) {
        Path dataDir = Path.of(System.getenv().getOrDefault("XXGK_DATA_DIR", ".data")).toAbsolutePath().normalize();
        boolean loadDemo = !"false".equalsIgnoreCase(System.getenv().getOrDefault("XXGK_DEMO_DATA", "true"));
        boolean serversOnly = List.of(args).contains("--servers-only");
        LocalStack.Settings settings = LocalStack.Settings.defaults(dataDir);
        Pipeline.ServicePorts servicePorts = Pipeline.ServicePorts.defaults();
        // a launcher killed with SIGKILL leaves PostgreSQL (and perhaps more) running: ours, so stop it and start afresh
        StaleServers.reclaimAll(dataDir);
        checkPorts(settings, serversOnly ? null : servicePorts);

        StackPaths paths = StackPaths.fromBuild();
        List<AutoCloseable> toClose = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\n正在停止 / stopping ...");
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception e) {
                    System.err.println("stop: " + e.getMessage());
                }
            }
            System.out.println("已停止 / stopped.");
        }, "xxgk-stop"));

        try {
            Files.createDirectories(dataDir.resolve("logs"));
            String adminToken = readOrCreate(dataDir.resolve("admin-token"));
            LocalStack stack = new LocalStack(settings, paths);
            toClose.add(stack);
            stack.start();
            if (serversOnly) {
                Supervisor supervisor = new Supervisor();
                stack.supervised().forEach(supervisor::watch);
                toClose.add(supervisor.start());
                printServerEnvironment(stack);
                Thread.currentThread().join();
            }
            Pipeline pipeline = new Pipeline(stack, paths, dataDir.resolve("logs"), servicePorts,
                    Map.of("xxgk.admin-token", adminToken));
            toClose.add(pipeline);
            long t0 = System.nanoTime();
            pipeline.start();
            System.out.printf("services ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            Supervisor supervisor = new Supervisor();
            stack.supervised().forEach(supervisor::watch);
            for (Pipeline.Service s : Pipeline.Service.values()) {
                supervisor.watch(pipeline.supervised(s));
            }
            List<DemoData.ConsoleAccount> accounts = DemoData.consoleAccounts(DEMO_SCHOOL, DEMO_DEPARTMENT);
            t0 = System.nanoTime();
            pipeline.startConsole(Map.of("xxgk.console.demo-accounts", DemoData.consoleAccountsSetting(accounts),
                    "xxgk.console.bootstrap-school", DEMO_SCHOOL));
            System.out.printf("console ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            supervisor.watch(pipeline.consoleSupervised());
            // closed first on Ctrl-C, so that a deliberate stop is not taken for a crash
            toClose.add(supervisor.start());

            String demoKey = loadDemo ? demo(pipeline, adminToken, dataDir) : null;
            printUrls(pipeline, settings, dataDir, demoKey);
            printConsoleAccounts(pipeline, accounts);
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            System.err.println("启动失败 / start failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Each service's settings for this stack, as environment variables. The dev profile has no database or Kafka address
     * of its own (so that Dev Services start them where Docker runs); its S3 default is this S3Proxy.
     */
    private static void printServerEnvironment(LocalStack stack) {
        System.out.println("服务器已就绪 / servers ready: PostgreSQL " + stack.settings().postgresPort() + ", Kafka "
                + stack.kafka().bootstrapServers() + ", S3 " + stack.objectStore().endpoint());
        for (String service : List.of("ingest", "classify", "publish", "console")) {
            String module = service.equals("console") ? service : service + "-service";
            System.out.println("\n# " + module + ": export these, then ./mvnw quarkus:dev -pl " + module
                    + " (or run its packaged jar)");
            stack.serviceConfig(service).forEach((k, v) -> System.out.println("export " + RequiredSettingsCheck.environmentName(k) + "=" + v));
        }
        System.out.println("\nCtrl-C 停止 / stops the servers.");
    }

    private static String demo(Pipeline pipeline, String adminToken, Path dataDir) throws IOException {
        Path marker = dataDir.resolve("demo-loaded");
        Path demoKeyFile = dataDir.resolve("demo-api-key");
        if (Files.exists(marker) && Files.exists(demoKeyFile)) {
            System.out.println("demo data already loaded (" + Files.readString(marker).trim() + "); delete " + marker + " to load again");
            return Files.readString(demoKeyFile).trim();
        }
        DemoData demo = new DemoData(pipeline.url(Pipeline.Service.INGEST), adminToken);
        long t0 = System.nanoTime();
        DemoData.Result result = demo.load(4);
        System.out.printf("demo data: %d items accepted, %d failed, in %.1f s%n", result.accepted(), result.failed(),
                (System.nanoTime() - t0) / 1e9);
        DemoData.saveKeys(dataDir.resolve("demo-keys.json"), result.keys());
        String demoKey = result.keys().getOrDefault("zzsz/招生就业处",
                result.keys().values().stream().findFirst().orElseGet(() -> demo.issueKey("zzsz", "党政办公室")));
        Files.writeString(demoKeyFile, demoKey + "\n", StandardCharsets.UTF_8);
        Files.writeString(marker, result.accepted() + " items\n", StandardCharsets.UTF_8);
        return demoKey;
    }

    private static void printUrls(Pipeline pipeline, LocalStack.Settings s, Path dataDir, String demoKey) {
        String ingest = pipeline.url(Pipeline.Service.INGEST);
        String classify = pipeline.url(Pipeline.Service.CLASSIFY);
        String publish = pipeline.url(Pipeline.Service.PUBLISH);
        System.out.println();
        System.out.println("==================== 高校信息公开 pipeline is running ====================");
        System.out.println(" ingest-service    " + ingest + "    (Swagger UI: " + ingest + "/q/swagger-ui)");
        System.out.println(" classify-service  " + classify + "    (Swagger UI: " + classify + "/q/swagger-ui)");
        System.out.println(" publish-service   " + publish + "    (Swagger UI: " + publish + "/q/swagger-ui)");
        System.out.println(" catalogue (JSON)  " + publish + "/api/v1/schools/zzsz/catalogue");
        System.out.println(" 信息公开网 public sites:");
        Set<String> provinces = new LinkedHashSet<>();
        for (School school : SchoolDirectory.load().all()) {
            System.out.printf("   %-22s %s/schools/%s%n", school.name(), publish, school.code());
            provinces.add(school.province());
        }
        provinces.forEach(p -> System.out.printf("   %-22s %s/provinces/%s%n", p + "（省级概览）", publish,
                URLEncoder.encode(p, StandardCharsets.UTF_8)));
        System.out.println(" Kafka             127.0.0.1:" + s.kafkaPort() + "   PostgreSQL 127.0.0.1:" + s.postgresPort()
                + "   S3 http://127.0.0.1:" + s.s3Port());
        System.out.println(" data folder       " + dataDir + "   (logs in " + dataDir.resolve("logs") + ")");
        if (demoKey != null) {
            System.out.println(" demo API key      " + demoKey + "   (株洲师范高等专科学校 / 招生就业处; also in " + dataDir.resolve("demo-api-key") + ")");
            System.out.println();
            System.out.println(" try:  curl -s -X POST " + ingest + "/api/v1/items -H \"Authorization: Bearer $(cat " + dataDir.resolve("demo-api-key") + ")\" \\");
            System.out.println("         -H 'Content-Type: application/json' -d '{\"id\":\"demo-1\",\"schoolCode\":\"zzsz\",\"department\":\"招生就业处\",\"title\":\"2026年单独招生章程\",\"kind\":\"ENROLLMENT_PLAN\",\"producedDate\":\"2026-03-01\"}'");
        }
        System.out.println(" Ctrl-C stops everything.");
        System.out.println("=========================================================================");
    }

    private static void printConsoleAccounts(Pipeline pipeline, List<DemoData.ConsoleAccount> accounts) {
        System.out.println();
        System.out.println("==================== 信息公开工作台 / the console ====================");
        System.out.println(" " + pipeline.consoleUrl() + "/login");
        System.out.println(" 演示账户（密码每次启动随机生成）/ demo accounts (new random passwords on every start):");
        for (DemoData.ConsoleAccount a : accounts) {
            System.out.printf("   %-9s %-16s  角色 role: %s (%s)%s%n", a.username(), a.password(), a.roleZh(), a.role(),
                    a.department() == null ? "" : "  部门 department: " + a.department());
        }
        System.out.println(" 学校 school: 株洲师范高等专科学校 (" + DEMO_SCHOOL + ")");
        System.out.println("=====================================================================");
    }

    /** {@code p} is null when only the servers start. */
    private static void checkPorts(LocalStack.Settings s, Pipeline.ServicePorts p) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        wanted.put(s.postgresPort(), "PostgreSQL");
        wanted.put(s.kafkaPort(), "Kafka");
        wanted.put(s.kafkaControllerPort(), "Kafka controller");
        wanted.put(s.s3Port(), "S3 object store");
        if (p != null) {
            wanted.put(p.ingest(), "ingest-service");
            wanted.put(p.classify(), "classify-service");
            wanted.put(p.publish(), "publish-service");
            wanted.put(p.console(), "console");
        }
        List<String> taken = new ArrayList<>();
        wanted.forEach((port, what) -> {
            if (!Ports.isFree(port)) {
                taken.add("  端口 " + port + " 已被占用 / port " + port + " (" + what + ") is already in use");
            }
        });
        if (!taken.isEmpty()) {
            System.err.println("无法启动 / cannot start:");
            taken.forEach(System.err::println);
            System.err.println("Stop the program using it (e.g. `ss -ltnp | grep <port>`), or an earlier ./run.sh still running"
                    + " (servers left behind by a killed ./run.sh of this data folder are stopped automatically).");
            System.exit(2);
        }
    }

    private static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        String token = "adm_" + HexFormat.of().formatHex(b);
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        return token;
    }
}
