package io.xxgk.publish.service.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.application.PublicApplication;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands an application to ingest-service, which records it (applicant data, register entry and event in one
 * transaction) and answers the tracking number. Only a 202 from ingest is a receipt; anything else leaves the
 * application unrecorded and the applicant is told so, with the form as filled in.
 */
@ApplicationScoped
public class ApplicationIntake {

    private static final Logger LOG = Logger.getLogger(ApplicationIntake.class);

    public sealed interface Outcome {
    }

    /** Recorded: the applicant's receipt. */
    public record Received(String trackingNumber, LocalDate receivedDate) implements Outcome {
    }

    /** Refused for its content (400) or because the form was already used with other content (409). */
    public record Refused(int status, List<FieldError> errors) implements Outcome {
    }

    /** Not recorded: ingest unreachable, slow, failing, or the form is not configured. */
    public record Unavailable(String reason) implements Outcome {
    }

    private final ApplyConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public ApplicationIntake(ApplyConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Outcome submit(PublicApplication application) {
        if (!config.enabled()) {
            return new Unavailable("the form is not configured (xxgk.apply.ingest-url, xxgk.apply.ingest-token)");
        }
        String base = config.ingestUrl().orElseThrow().replaceAll("/+$", "");
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/public-applications"))
                    .timeout(config.ingestTimeout())
                    .header("Authorization", "Bearer " + config.ingestToken().orElseThrow())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(application), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return outcome(response.statusCode(), response.body());
        } catch (IOException e) {
            LOG.warnf("ingest did not take an application: %s", e.toString());
            return new Unavailable(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        } catch (IllegalArgumentException e) {
            LOG.errorf("xxgk.apply.ingest-url is not a usable address: %s", e.getMessage());
            return new Unavailable(e.toString());
        }
    }

    private Outcome outcome(int status, String body) throws JsonProcessingException {
        if (status == 202) {
            JsonNode receipt = json.readTree(body);
            return new Received(receipt.path("trackingNumber").asText(), LocalDate.parse(receipt.path("receivedDate").asText()));
        }
        if (status == 400 || status == 409) {
            List<FieldError> errors = new ArrayList<>();
            for (JsonNode e : json.readTree(body).path("errors")) {
                errors.add(new FieldError(e.path("field").asText("$"), e.path("code").asText(), e.path("message").asText(),
                        e.path("messageZh").asText()));
            }
            return new Refused(status, errors);
        }
        if (status == 401 || status == 403) {
            LOG.errorf("ingest refused the form's credential (%d): check xxgk.apply.ingest-token against ingest's "
                    + "xxgk.public-applications-token", status);
        } else {
            LOG.warnf("ingest answered %d to an application", status);
        }
        return new Unavailable("ingest answered " + status);
    }
}
