package io.xxgk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The pipeline's public REST API as the benchmark uses it (ingest, classify dry run, publish), over HTTP/1.1. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    final String ingest;
    final String classify;
    final String publish;
    private final String adminToken;
    final HttpClient http;

    Api(String ingest, String classify, String publish, String adminToken) {
        this.ingest = ingest;
        this.classify = classify;
        this.publish = publish;
        this.adminToken = adminToken;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + abbreviate(body), e);
            }
        }
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    CompletableFuture<Reply> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    /** Issues a department key through the admin endpoint; returns the secret. */
    String issueKey(String school, String department) {
        ObjectNode body = JSON.createObjectNode().put("schoolCode", school).put("department", department)
                .put("role", "DEPARTMENT").put("label", "bench");
        Reply r = send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/admin/api-keys"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
        if (r.status() != 201) {
            throw new IllegalStateException("issuing a key for " + school + "/" + department + " failed: " + r.status() + " " + abbreviate(r.body()));
        }
        return r.json().path("key").asText();
    }

    HttpRequest postItem(String key, String json) {
        return HttpRequest.newBuilder(URI.create(ingest + "/api/v1/items"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json; charset=UTF-8")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    HttpRequest postBatch(String key, String jsonArray) {
        return HttpRequest.newBuilder(URI.create(ingest + "/api/v1/items/batch"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json; charset=UTF-8")
                .timeout(Duration.ofSeconds(180)).POST(HttpRequest.BodyPublishers.ofString(jsonArray, StandardCharsets.UTF_8)).build();
    }

    /** Multipart upload of a register file (field {@code file}); returns the import id. */
    String startImport(String key, String fileName, byte[] csv) {
        String boundary = "----xxgk-bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(csv.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Reply r = send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/imports"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(300)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        if (r.status() != 202) {
            throw new IllegalStateException("import upload failed: " + r.status() + " " + abbreviate(r.body()));
        }
        return r.json().path("id").asText();
    }

    JsonNode importStatus(String key, String id) {
        // limit=1 without onlyRejected: the job and its first row (onlyRejected scans every row of the job)
        Reply r = send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/imports/" + id + "?limit=1"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).GET().build());
        if (r.status() != 200) {
            throw new IllegalStateException("import status: " + r.status() + " " + abbreviate(r.body()));
        }
        return r.json();
    }

    JsonNode importRows(String key, String id, int offset, int limit, boolean onlyRejected) {
        Reply r = send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/imports/" + id + "?offset=" + offset + "&limit=" + limit
                        + "&onlyRejected=" + onlyRejected))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).GET().build());
        if (r.status() != 200) {
            throw new IllegalStateException("import rows: " + r.status() + " " + abbreviate(r.body()));
        }
        return r.json();
    }

    /** Dry-run classification (nothing stored). */
    JsonNode classify(String title, String body, String department, String kind) {
        ObjectNode req = JSON.createObjectNode().put("title", title).put("body", body).put("department", department).put("kind", kind);
        Reply r = send(HttpRequest.newBuilder(URI.create(classify + "/api/v1/classify"))
                .header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(req.toString(), StandardCharsets.UTF_8)).build());
        if (r.status() != 200) {
            throw new IllegalStateException("classify dry run: " + r.status() + " " + abbreviate(r.body()));
        }
        return r.json();
    }

    /** entryCount of one checklist item in a school's public catalogue (all years). */
    long catalogueCount(String school, int checklistItem) {
        Reply r = send(HttpRequest.newBuilder(URI.create(publish + "/api/v1/schools/" + school + "/catalogue?entriesPerItem=1"))
                .timeout(Duration.ofSeconds(60)).GET().build());
        if (r.status() != 200) {
            throw new IllegalStateException("catalogue of " + school + ": " + r.status() + " " + abbreviate(r.body()));
        }
        for (JsonNode c : r.json().path("categories")) {
            for (JsonNode i : c.path("items")) {
                if (i.path("number").asInt() == checklistItem) {
                    return i.path("entryCount").asLong();
                }
            }
        }
        throw new IllegalStateException("catalogue of " + school + " has no checklist item " + checklistItem);
    }

    HttpRequest publishedItem(String school, String id) {
        return HttpRequest.newBuilder(URI.create(publish + "/api/v1/schools/" + school + "/items/" + id))
                .timeout(Duration.ofSeconds(30)).GET().build();
    }
}
