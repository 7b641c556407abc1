package io.xxgk.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.stack.DemoData;
import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.StackPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One real stack and the three packaged services as separate JVMs, shared by every IT of this module run and
 * stopped when the JVM exits; the console too, once a test asks for it ({@link #console()}).
 */
public final class RunningPipeline {

    /** The console's demo school and the department of its demo editor. */
    public static final String CONSOLE_SCHOOL = "zzsz";
    public static final String CONSOLE_DEPARTMENT = "招生就业处";

    public static final String ADMIN = "it-admin-" + UUID.randomUUID();
    public static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningPipeline instance;

    private String consoleUrl;
    private List<DemoData.ConsoleAccount> consoleAccounts;

    final LocalStack stack;
    final Pipeline pipeline;

    private RunningPipeline(LocalStack stack, Pipeline pipeline) {
        this.stack = stack;
        this.pipeline = pipeline;
    }

    public static synchronized RunningPipeline get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("xxgk-it-");
                StackPaths paths = StackPaths.fromBuild();
                LocalStack stack = new LocalStack(LocalStack.Settings.ephemeral(dir), paths).start();
                Pipeline pipeline = new Pipeline(stack, paths, dir.resolve("logs"), Pipeline.ServicePorts.ephemeral(),
                        Map.of("xxgk.admin-token", ADMIN));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    pipeline.close();
                    stack.close();
                }));
                pipeline.start();
                instance = new RunningPipeline(stack, pipeline);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /**
     * The console (its packaged jar), started once per JVM with one demo account per role of {@link #CONSOLE_SCHOOL};
     * returns its base URL.
     */
    public synchronized String console() {
        if (consoleUrl == null) {
            consoleAccounts = DemoData.consoleAccounts(CONSOLE_SCHOOL, CONSOLE_DEPARTMENT);
            consoleUrl = pipeline.startConsole(Map.of("xxgk.console.demo-accounts", DemoData.consoleAccountsSetting(consoleAccounts),
                    "xxgk.console.bootstrap-school", CONSOLE_SCHOOL));
        }
        return consoleUrl;
    }

    /** The console's demo account of a role (editor, reviewer, leader, operator, admin), with its password. */
    public synchronized DemoData.ConsoleAccount consoleAccount(String role) {
        console();
        return consoleAccounts.stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow();
    }

    // ---- controls for crash and outage tests; each returns when the change has taken effect

    /** SIGKILL a service (no shutdown hooks run). */
    void killService(Pipeline.Service s) {
        pipeline.kill(s);
    }

    /** Start a killed or stopped service again and wait until it is ready. */
    void restartService(Pipeline.Service s) {
        pipeline.restartService(s, Duration.ofSeconds(180));
    }

    /** SIGKILL the Kafka broker. */
    void killBroker() {
        stack.kafka().kill();
    }

    /** Start the broker again on the same port and data. */
    void startBroker() {
        stack.kafka().start();
    }

    /** PostgreSQL down: SIGKILL ({@code crash}) or fast shutdown; returns when every backend is gone. */
    void stopPostgres(boolean crash) {
        if (crash) {
            stack.postgres().kill();
        } else {
            stack.postgres().stop();
        }
    }

    /** PostgreSQL up again on the same data directory and port. */
    void startPostgres() {
        stack.postgres().start();
    }

    public String url(Pipeline.Service s) {
        return pipeline.url(s);
    }

    /** The broker's bootstrap servers, for a test that writes a record itself (e.g. a dead letter). */
    public String kafkaBootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    public String issueKey(String school, String department) {
        return new DemoData(url(Pipeline.Service.INGEST), ADMIN).issueKey(school, department);
    }

    public HttpResponse<String> postItem(String key, Map<String, Object> item) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(Pipeline.Service.INGEST) + "/api/v1/items"))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json; charset=UTF-8")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(item), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new AssertionError(url + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
