package io.xxgk.publish.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.xxgk.publish.service.CatalogueView;
import io.xxgk.publish.service.statistics.StatisticsView;
import io.xxgk.publish.rest.site.SiteHeadersFilter;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Strong ETags and {@code If-None-Match} for the public JSON reads under {@code /api/v1/schools} (schools, the
 * catalogue, the item list and detail, and any other JSON GET there) and for the site's HTML pages
 * ({@code /schools/**}, {@code /provinces/**}, rendered to a String by their resources). The ETag is a hash of the exact bytes sent:
 * the entity is serialized here once, with the application's ObjectMapper, and those bytes become the response
 * body. A request whose {@code If-None-Match} matches (weak comparison, RFC 9110 13.1.2; {@code *} matches) gets
 * {@code 304 Not Modified} with the ETag and no body. {@code Cache-Control} comes from {@link io.xxgk.publish.rest.CachePolicyFilter}.
 *
 * <p>The bytes are what Quarkus REST would write for the entity unless a resource customizes its serialization
 * ({@code @JsonView}, {@code @CustomSerialization}); none here does. The ETag is strong, which is right as long as
 * responses are not compressed; should HTTP compression be enabled, make it weak ({@code W/}).
 *
 * <p>Leaves everything else alone: other methods and paths, any status but 200, responses that already carry an
 * ETag, non-JSON media types (the annual report's HTML and DOCX), and streamed entities. If anything fails here,
 * the response goes out unchanged.
 */
public class EntityTagFilter {

    private static final Logger LOG = Logger.getLogger(EntityTagFilter.class);
    private static final String SCOPE = "api/v1/schools";

    private final ObjectMapper mapper;

    private record Serialized(byte[] body, String etag) {
    }

    /**
     * The bytes of the views the services keep per school data version (catalogue, statistics): the same instance is
     * answered until a write makes a new one, so it is serialized once. Keyed by identity (weak keys), so a view
     * dropped by its cache is dropped here too.
     */
    private final Cache<Object, Serialized> keptViews = Caffeine.newBuilder().weakKeys().maximumSize(256).build();

    public EntityTagFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void entityTag(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            apply(request, response);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.debugf(e, "no ETag for %s", request.getUriInfo().getPath());
        }
    }

    private void apply(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return;
        }
        if (response.getStatus() != 200 || !response.hasEntity() || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        boolean api = relative.equals(SCOPE) || relative.startsWith(SCOPE + "/");
        boolean page = SiteHeadersFilter.isSitePath(path);
        MediaType type = response.getMediaType();
        if (type == null || !(api && isJson(type) || page && isHtml(type))) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body;
        String etag = null;
        if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (entity instanceof String s) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            body = s.getBytes(charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
        } else if (entity == null || entity instanceof InputStream || entity instanceof File || entity instanceof Path
                || entity instanceof Flow.Publisher<?> || entity instanceof StreamingOutput) {
            return;
        } else if (entity instanceof CatalogueView || entity instanceof StatisticsView) {
            Serialized kept = keptViews.get(entity, this::serialize);
            body = kept.body();
            etag = kept.etag();
        } else {
            body = mapper.writeValueAsBytes(entity);
        }
        if (etag == null) {
            etag = '"' + hash(body) + '"';
        }
        if (matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setEntity(null);
            response.setStatus(304);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        } else if (!(entity instanceof byte[])) {
            // send the very bytes that were hashed
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
    }

    private Serialized serialize(Object entity) {
        try {
            byte[] body = mapper.writeValueAsBytes(entity);
            return new Serialized(body, '"' + hash(body) + '"');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isHtml(MediaType type) {
        return "text".equals(type.getType()) && "html".equals(type.getSubtype());
    }

    private static boolean isJson(MediaType type) {
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** If-None-Match uses the weak comparison: W/"x" matches "x". */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String c = candidate.strip();
                if (c.equals("*")) {
                    return true;
                }
                if (c.startsWith("W/")) {
                    c = c.substring(2);
                }
                if (c.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
