package io.xxgk.contract.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.failure.TransientFailures;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place every service writes problem+json (RFC 9457): its own {@link ProblemException}s, Jackson's errors,
 * Bean Validation, authentication, unknown paths and methods, and the unexpected. Every 4xx names the field in Chinese
 * and English; a dependency that is down is a 503 with {@code Retry-After}; nothing leaves with an empty body.
 *
 * <p>A service tunes it with {@link ProblemConfig}: the seconds of {@code Retry-After}, the authentication challenge
 * it issues, and whether its whole API is read-only (then any other method is 405 whatever the path).
 */
@Singleton
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final int retryAfterSeconds;
    private final String authChallenge;
    private final boolean readOnly;
    private final String writablePrefix;

    public ProblemMappers(ProblemConfig config) {
        this.retryAfterSeconds = config.retryAfterSeconds();
        this.authChallenge = config.authChallenge();
        this.readOnly = config.readOnly();
        this.writablePrefix = config.writablePrefix().orElse(null);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response r = respond(e.toProblem(uri.getPath()));
        Integer retryAfter = e.retryAfterSeconds() != null ? e.retryAfterSeconds() : e.status() == 503 ? retryAfterSeconds : null;
        return retryAfter == null ? r : Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }

    /**
     * Every error of Jackson's, syntax or type. Listed explicitly because Quarkus REST ships its own mapper for
     * MismatchedInputException (wrong JSON type: a string for a list, an array for an object), which answers an empty
     * 400 and, being registered for the closer class, would otherwise win over a mapper of JsonProcessingException.
     */
    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class}, priority = 1)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[")
                : "$";
        String reason = e.getOriginalMessage();
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String[] expected = JsonTypes.describe(mismatch.getTargetType());
            return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "JSON 类型错误 / Wrong JSON type", 400,
                    field + " 的 JSON 类型不正确，应为" + expected[0] + " / " + field + " has the wrong JSON type; expected "
                            + expected[1], uri.getPath(),
                    List.of(new FieldError(field, "type", field + " must be " + expected[1] + ": " + reason,
                            field + " 应为" + expected[0]))));
        }
        return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "JSON 格式错误 / Malformed JSON", 400,
                "请求体不是有效的 JSON / the request body is not valid JSON (" + field + "): " + reason, uri.getPath(),
                List.of(new FieldError(field, "malformed", "not valid JSON: " + reason, "JSON 无法解析"))));
    }

    /** Bean Validation: each constraint's message is written {@code "中文 / English"}. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        e.getConstraintViolations().stream()
                .sorted(Comparator.comparing((ConstraintViolation<?> v) -> fieldOf(v.getPropertyPath())))
                .forEach(v -> errors.add(fieldError(fieldOf(v.getPropertyPath()), v)));
        return problem(ProblemException.invalid(errors), uri);
    }

    /** One violation as a field error; {@code field} is the path a client sent, without method and parameter. */
    private static FieldError fieldError(String field, ConstraintViolation<?> v) {
        String[] both = v.getMessage().split(" / ", 2);
        String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return new FieldError(field, code, both.length == 2 ? both[1] : both[0], both[0]);
    }

    /** {@code create.arg0.items[3].title} → {@code items[3].title}: the path as the client wrote it. */
    static String fieldOf(Path path) {
        StringBuilder b = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue; // a client names the fields it sent, not the Java method and parameter that took them
            }
            if (node.getName() == null) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(node.getName());
            if (node.getIndex() != null) {
                b.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                b.append('[').append(node.getKey()).append(']');
            }
        }
        return b.isEmpty() ? "$" : b.toString();
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri);
        }
        return challenge(uri, e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : wrongCredentials());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(uri, credentialsRequired());
    }

    private Response challenge(UriInfo uri, String detail) {
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "unauthorized", "未认证 / Unauthorized", 401,
                        detail, uri.getPath(), List.of(new FieldError("Authorization", "unauthenticated",
                        credentialsRequired().split(" / ", 2)[1], credentialsRequired().split(" / ", 2)[0])))))
                .header(HttpHeaders.WWW_AUTHENTICATE, authChallenge).build();
    }

    private boolean bearer() {
        return authChallenge.regionMatches(true, 0, "Bearer", 0, 6);
    }

    private String credentialsRequired() {
        return bearer() ? "需要 API key / an API key is required: Authorization: Bearer <key>"
                : "需要登录 / a login is required (HTTP Basic)";
    }

    private String wrongCredentials() {
        return bearer() ? "API key 无效 / the API key is not valid" : "用户名或密码错误 / wrong user name or password";
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "无权操作 / Forbidden", 403,
                "当前身份的角色无权调用该接口 / your role may not call this endpoint", uri.getPath(),
                List.of(new FieldError("Authorization", "forbidden", "your role may not call this endpoint", "当前角色无权调用该接口"))));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "unsupported-media-type", "内容类型不支持 / Unsupported media type", 415,
                "请使用 Content-Type: application/json; charset=UTF-8 / use Content-Type: application/json", uri.getPath(),
                List.of(new FieldError("Content-Type", "unsupported", "expected application/json", "应为 application/json"))));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "not-acceptable", "无法提供所需格式 / Not acceptable", 406,
                "此接口返回 application/json / this endpoint answers application/json", uri.getPath(),
                List.of(new FieldError("Accept", "not-acceptable", "accept application/json", "Accept 请求头应包含 application/json"))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, Request request) {
        if (readOnlyAt(uri) && !HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            return readOnlyMethod(uri);
        }
        return respond(new Problem(Problem.TYPE_BASE + "not-found", "未找到 / Not found", 404,
                "没有这个资源 / no such resource", uri.getPath(),
                List.of(new FieldError("path", "unknown", "no resource at this path", "路径不存在"))));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        if (readOnlyAt(uri)) {
            return readOnlyMethod(uri);
        }
        String allowed = String.join(", ", e.getResponse().getAllowedMethods());
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "method-not-allowed", "方法不允许 / Method not allowed",
                        405, "该路径不支持此方法，可用：" + allowed + " / this method is not allowed here; allowed: " + allowed,
                        uri.getPath(), List.of(new FieldError("method", "not-allowed", "allowed: " + allowed, "可用：" + allowed)))))
                .header(HttpHeaders.ALLOW, allowed).build();
    }

    private boolean readOnlyAt(UriInfo uri) {
        return readOnly && (writablePrefix == null || !uri.getPath().startsWith(writablePrefix));
    }

    private static Response readOnlyMethod(UriInfo uri) {
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "method-not-allowed",
                        "方法不允许 / Method not allowed", 405, "公开接口只接受 GET / the public API is read-only: use GET",
                        uri.getPath(), List.of(new FieldError("method", "not-allowed", "use GET", "请使用 GET")))))
                .header(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS").build();
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
            return unexpected(e, uri);
        }
        if (status == 413) {
            return respond(new Problem(Problem.TYPE_BASE + "payload-too-large", "请求体过大 / Payload too large", 413,
                    "请求体过大 / the body is too large", uri.getPath(),
                    List.of(new FieldError("$", "too-large", "the body is too large", "请求体过大"))));
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        // e.g. a form or multipart body Quarkus could not read: name the whole request
        return respond(new Problem(Problem.TYPE_BASE + "http-" + status, "请求无法处理 / " + reason, status,
                "请求无法处理 / the request could not be processed: " + e.getMessage(), uri.getPath(),
                List.of(new FieldError("$", "unreadable", String.valueOf(e.getMessage()), "请求无法读取"))));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            return unavailable(e, uri);
        }
        LOG.error("unexpected error on " + uri.getPath(), e);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "服务器内部错误 / Internal error", 500,
                "请稍后重试；已提交成功的内容不会丢失 / please retry later; nothing already accepted is lost", uri.getPath(), null));
    }

    /** The database (or another dependency) is unavailable: nothing was stored, and the same request can be retried. */
    private Response unavailable(Throwable e, UriInfo uri) {
        LOG.warnf("dependency unavailable on %s: %s", uri.getPath(), e.toString());
        return problem(ProblemException.unavailable("unavailable", "服务暂不可用 / Service unavailable",
                "数据库或消息队列暂不可用，本次请求未处理，请在 " + retryAfterSeconds + " 秒后重试 / the database or the broker is"
                        + " unavailable; nothing was done, please retry in " + retryAfterSeconds + " seconds", retryAfterSeconds), uri);
    }

    /** The response for a problem; for code outside a mapper (a filter that answers early). */
    public static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p).build();
    }
}
