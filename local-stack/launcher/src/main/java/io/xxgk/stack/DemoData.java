package io.xxgk.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the demo items shipped in {@code demo/items-<school>.jsonl} through ingest's public API, with one
 * department API key per (school, department), issued through the admin endpoint.
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ingestUrl;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoData(String ingestUrl, String adminToken) {
        this.ingestUrl = ingestUrl;
        this.adminToken = adminToken;
    }

    public record Result(int accepted, int failed, Map<String, String> keys) {
    }

    /** Every demo item, in file order, per school code. */
    public static Map<String, List<ObjectNode>> items() {
        Map<String, List<ObjectNode>> bySchool = new LinkedHashMap<>();
        for (School school : SchoolDirectory.load().all()) {
            String resource = "demo/items-" + school.code() + ".jsonl";
            try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                List<ObjectNode> items = new ArrayList<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        items.add((ObjectNode) JSON.readTree(line));
                    }
                }
                bySchool.put(school.code(), items);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bySchool;
    }

    /** Issues a key for one department of one school; returns the secret (shown once). */
    public String issueKey(String schoolCode, String department) {
        ObjectNode body = JSON.createObjectNode().put("schoolCode", schoolCode).put("department", department)
                .put("role", "DEPARTMENT").put("label", "demo");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/admin/api-keys"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("issuing a key for " + schoolCode + "/" + department + " failed: "
                    + r.statusCode() + " " + r.body());
        }
        try {
            return JSON.readTree(r.body()).path("key").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result load(int threads) {
        Map<String, List<ObjectNode>> items = items();
        Map<String, String> keys = new LinkedHashMap<>();
        for (var school : items.entrySet()) {
            for (ObjectNode item : school.getValue()) {
                keys.computeIfAbsent(school.getKey() + "/" + item.path("department").asText(),
                        k -> issueKey(school.getKey(), item.path("department").asText()));
            }
        }
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (var school : items.entrySet()) {
                for (ObjectNode item : school.getValue()) {
                    String key = keys.get(school.getKey() + "/" + item.path("department").asText());
                    futures.add(pool.submit(() -> {
                        HttpResponse<String> r = post(key, item.toString());
                        if (r.statusCode() == 202 || r.statusCode() == 200) {
                            accepted.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            System.err.println("demo item " + item.path("id").asText() + ": " + r.statusCode() + " " + r.body());
                        }
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("demo load failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        return new Result(accepted.get(), failed.get(), keys);
    }

    private HttpResponse<String> post(String key, String json) {
        return send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/v1/items"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json; charset=UTF-8")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Saves the keys so a restart reuses them (the secrets are only shown when issued). */
    public static void saveKeys(Path file, Map<String, String> keys) {
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(keys), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One console account of {@link #consoleAccounts}: the password is printed once and stored only as a bcrypt hash. */
    public record ConsoleAccount(String username, String role, String roleZh, String school, String department,
                                 String displayName, String password) {
    }

    /**
     * One console account per role for {@code school}, the editor working for {@code department}, each with a new
     * random password (so a run's passwords are known only to whoever started it).
     */
    public static List<ConsoleAccount> consoleAccounts(String school, String department) {
        java.security.SecureRandom random = new java.security.SecureRandom();
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.util.function.Supplier<String> password = () -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return b.toString();
        };
        return List.of(
                new ConsoleAccount("editor", "editor", "部门信息员", school, department, "演示信息员（" + department + "）", password.get()),
                new ConsoleAccount("reviewer", "reviewer", "信息公开办公室审核", school, null, "演示审核员", password.get()),
                new ConsoleAccount("leader", "leader", "分管领导审定", school, null, "演示分管领导", password.get()),
                new ConsoleAccount("operator", "operator", "运维", school, null, "演示运维", password.get()),
                new ConsoleAccount("admin", "admin", "系统管理员", school, null, "演示管理员", password.get()));
    }

    /** The console's {@code xxgk.console.demo-accounts} setting for these accounts (a JSON array). */
    public static String consoleAccountsSetting(List<ConsoleAccount> accounts) {
        com.fasterxml.jackson.databind.node.ArrayNode array = JSON.createArrayNode();
        for (ConsoleAccount a : accounts) {
            ObjectNode o = array.addObject();
            o.put("username", a.username());
            o.put("role", a.role());
            o.put("school", a.school());
            o.put("department", a.department());
            o.put("displayName", a.displayName());
            o.put("password", a.password());
        }
        return array.toString();
    }
}
