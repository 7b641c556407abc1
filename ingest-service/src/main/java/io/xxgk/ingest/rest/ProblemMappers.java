package io.xxgk.ingest.rest;

import io.xxgk.contract.api.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.xxgk.contract.failure.TransientFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves ingest as problem+json: bad JSON, wrong media type, auth, and the unexpected. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait before retrying while a dependency (database, object store) is unavailable. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response r = respond(e.toProblem(uri.getPath()));
        return e.status() == 503 ? Response.fromResponse(r).header("Retry-After", RETRY_AFTER_SECONDS).build() : r;
    }

    /**
     * Every error of Jackson's, syntax or type. Listed explicitly because Quarkus REST ships its own mapper for
     * MismatchedInputException (wrong JSON type: a string for a list, an array for an object), which answers an
     * empty 400 and, being registered for the closer class, would otherwise win over a mapper of JsonProcessingException.
     */
    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class}, priority = 1)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[")
                : "$";
        String reason = e.getOriginalMessage();
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = jsonType(mismatch.getTargetType());
            return respond(new Problem("https://xxgk.io/problems/malformed-json", "JSON 类型错误 / Wrong JSON type", 400,
                    field + " 的 JSON 类型不正确，应为" + expected.split(" / ")[0] + " / " + field + " has the wrong JSON type; expected "
                            + expected.split(" / ")[1], uri.getPath(),
                    List.of(new Problem.FieldError(field, "type", field + " must be " + expected.split(" / ")[1] + ": " + reason,
                            field + " 应为" + expected.split(" / ")[0]))));
        }
        return respond(new Problem("https://xxgk.io/problems/malformed-json", "JSON 格式错误 / Malformed JSON", 400,
                "请求体不是有效的 JSON / the request body is not valid JSON (" + field + "): " + reason, uri.getPath(),
                List.of(new Problem.FieldError(field, "malformed", reason, "JSON 无法解析"))));
    }

    private static String jsonType(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "数组 / a JSON array";
        }
        if (type == String.class) {
            return "字符串 / a JSON string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "布尔值 true 或 false / true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "数字 / a JSON number";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO 格式的日期时间字符串 / an ISO date-time string";
        }
        if (type == java.util.UUID.class) {
            return "UUID 字符串 / a UUID string";
        }
        return "JSON 对象 / a JSON object";
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri);
        }
        String detail = e.getMessage() == null ? "需要 API key / an API key is required: Authorization: Bearer <key>" : e.getMessage();
        return Response.fromResponse(respond(new Problem("https://xxgk.io/problems/unauthorized", "未认证 / Unauthorized", 401,
                detail, uri.getPath(), null))).header("WWW-Authenticate", "Bearer realm=\"xxgk\"").build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem("https://xxgk.io/problems/unauthorized", "未认证 / Unauthorized", 401,
                "需要 API key / an API key is required: Authorization: Bearer <key>", uri.getPath(), null)))
                .header("WWW-Authenticate", "Bearer realm=\"xxgk\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/forbidden", "无权操作 / Forbidden", 403,
                "此 API key 的角色无权调用该接口 / this key's role may not call this endpoint", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/unsupported-media-type", "内容类型不支持 / Unsupported media type", 415,
                "请使用 Content-Type: application/json; charset=UTF-8 / use Content-Type: application/json", uri.getPath(),
                List.of(new Problem.FieldError("Content-Type", "unsupported", "expected application/json", "应为 application/json"))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/not-found", "未找到 / Not found", 404,
                "没有这个资源 / no such resource", uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/method-not-allowed", "方法不允许 / Method not allowed", 405,
                e.getMessage(), uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps body parse failures in a plain 400
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        // e.g. a form or multipart body Quarkus could not read: name the whole request
        return respond(new Problem("https://xxgk.io/problems/http-" + status, "请求无法处理 / " + reason, status,
                "请求无法处理 / the request could not be processed: " + e.getMessage(), uri.getPath(),
                status == 400 ? List.of(new Problem.FieldError("$", "unreadable", String.valueOf(e.getMessage()), "请求体无法读取")) : null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri);
        }
        LOG.error("unexpected error on " + uri.getPath(), e);
        return respond(new Problem("https://xxgk.io/problems/internal", "服务器内部错误 / Internal error", 500,
                "请稍后重试；已提交成功的内容不会丢失 / please retry later; nothing already accepted is lost", uri.getPath(), null));
    }

    /** The database (or another dependency) is unavailable: nothing was stored, and the same request can be retried. */
    private Response unavailable(Throwable e, UriInfo uri) {
        LOG.warnf("dependency unavailable on %s: %s", uri.getPath(), e.toString());
        return Response.fromResponse(respond(new Problem("https://xxgk.io/problems/unavailable", "服务暂不可用 / Service unavailable",
                503, "数据库暂不可用，本次请求未保存，请在 " + RETRY_AFTER_SECONDS + " 秒后重试 / the database is unavailable; nothing was"
                + " stored, please retry in " + RETRY_AFTER_SECONDS + " seconds", uri.getPath(), null)))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p).build();
    }
}
