package io.xxgk.classify.rest;

import io.xxgk.contract.problem.ProblemMappers;
import io.xxgk.contract.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.api.Problem.FieldError;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classifier dry run is open (departments try titles before submitting, the benchmark checks the classifier
 * with it), so it is bounded instead of authenticated: a body over {@code xxgk.classify.dry-run.max-body-bytes} is
 * refused with 413 before it is read, and each client address has a token bucket ({@code burst} requests at once,
 * refilled at {@code per-second}); an empty bucket answers 429 with Retry-After. Both as problem+json.
 */
@Singleton
public class DryRunGuard {

    static final String PATH = "/api/v1/classify";
    private static final int MAX_CLIENTS = 10_000;

    private final int maxBodyBytes;
    private final double burst;
    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public DryRunGuard(@ConfigProperty(name = "xxgk.classify.dry-run.max-body-bytes", defaultValue = "65536") int maxBodyBytes,
                       @ConfigProperty(name = "xxgk.classify.dry-run.burst", defaultValue = "30") double burst,
                       @ConfigProperty(name = "xxgk.classify.dry-run.per-second", defaultValue = "5") double perSecond) {
        this.maxBodyBytes = maxBodyBytes;
        this.burst = burst;
        this.perSecond = perSecond;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext ctx, HttpServerRequest request) {
        String path = ctx.getUriInfo().getPath();
        if (!"POST".equals(ctx.getMethod()) || !(path.equals(PATH) || path.equals(PATH + "/"))) {
            return null;
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long waitMillis = take(client, System.nanoTime());
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            return Response.fromResponse(ProblemMappers.respond(new Problem("https://xxgk.io/problems/rate-limited",
                            "请求过于频繁 / Too many requests", 429,
                            "试分类每个地址每秒最多 " + perSecond + " 次，请 " + seconds + " 秒后重试 / at most " + perSecond
                                    + " dry runs per second per client address; retry in " + seconds + " s", path,
                            List.of(new FieldError("client", "rate-limited", "too many dry runs from " + client, "该地址的试分类请求过多")))))
                    .header("Retry-After", Long.toString(seconds)).build();
        }
        String length = ctx.getHeaderString("Content-Length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                n = Long.MAX_VALUE;
            }
            if (n > maxBodyBytes) {
                return ProblemMappers.respond(ProblemException.tooLarge(maxBodyBytes).toProblem(path));
            }
        }
        return null;
    }

    /** Takes one token of {@code client}'s bucket; 0 when there was one, else the milliseconds until there is. */
    long take(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.values().removeIf(b -> b.full(nowNanos));
            if (buckets.size() > MAX_CLIENTS) {
                buckets.clear(); // a flood of addresses: forgetting is safer than growing without bound
            }
        }
        return buckets.computeIfAbsent(client.toLowerCase(Locale.ROOT), c -> new Bucket(burst, nowNanos)).take(nowNanos);
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1000);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
        }
    }
}
