package io.xxgk.classify.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.failure.TransientFailures;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Every error leaves classify as problem+json (RFC 9457) naming the field in Chinese and English: bad bodies, wrong
 * media types, authentication, unknown paths; an unavailable database or broker is a 503 with Retry-After.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String RETRY_AFTER_SECONDS = "30";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/validation", "请求内容无效 / Invalid request", 400,
                "请求体不是有效的 JSON / the request body is not valid JSON", uri.getPath(),
                List.of(new FieldError("$", "malformed", "not valid JSON: " + e.getOriginalMessage(), "不是有效的 JSON"))));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, "用户名或密码错误 / wrong user name or password");
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "需要审核员登录 / an operator login is required (HTTP Basic)");
    }

    private static Response unauthenticated(UriInfo uri, String detail) {
        return Response.fromResponse(respond(new Problem("https://xxgk.io/problems/unauthorized", "未认证 / Unauthorized", 401,
                        detail, uri.getPath(), List.of(new FieldError("Authorization", "unauthenticated",
                        "HTTP Basic credentials of an operator are required", "需要审核员的 HTTP Basic 凭据")))))
                .header("WWW-Authenticate", "Basic realm=\"xxgk-classify\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/forbidden", "无权操作 / Forbidden", 403,
                "需要 operator 角色 / the operator role is required", uri.getPath(),
                List.of(new FieldError("Authorization", "forbidden", "this user lacks the operator role", "该用户没有 operator 角色"))));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/unsupported-media-type", "内容类型不支持 / Unsupported media type", 415,
                "请使用 Content-Type: application/json / use Content-Type: application/json", uri.getPath(),
                List.of(new FieldError("Content-Type", "unsupported", "expected application/json", "应为 application/json"))));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/not-acceptable", "无法提供该格式 / Not acceptable", 406,
                "只提供 application/json / only application/json is produced", uri.getPath(),
                List.of(new FieldError("Accept", "unsupported", "only application/json is produced", "只提供 application/json"))));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/not-found", "未找到 / Not found", 404,
                "没有这个资源 / no such resource", uri.getPath(),
                List.of(new FieldError("path", "not-found", "no such resource", "没有这个资源"))));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/method-not-allowed", "方法不允许 / Method not allowed", 405,
                "该路径不支持此方法 / this method is not allowed here", uri.getPath(),
                List.of(new FieldError("method", "not-allowed", "method not allowed; allowed: " + e.getResponse().getAllowedMethods(),
                        "不支持此方法，可用：" + e.getResponse().getAllowedMethods()))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 413) {
            return respond(new Problem("https://xxgk.io/problems/payload-too-large", "请求体过大 / Payload too large", 413,
                    "请求体过大 / the body is too large", uri.getPath(),
                    List.of(new FieldError("$", "too-large", "the body is too large", "请求体过大"))));
        }
        return respond(new Problem("https://xxgk.io/problems/http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                status, "请求无效 / " + e.getMessage(), uri.getPath(),
                List.of(new FieldError("$", "invalid", String.valueOf(e.getMessage()), "请求无效"))));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("%s: temporarily unavailable: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(new Problem("https://xxgk.io/problems/unavailable", "暂时不可用 / Service unavailable",
                    503, "数据库或消息队列暂时不可用，请稍后重试 / the database or the broker is unavailable; please retry later",
                    uri.getPath(), null))).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected error on " + uri.getPath(), e);
        return respond(new Problem("https://xxgk.io/problems/internal", "服务器内部错误 / Internal error", 500,
                "请稍后重试 / please retry later", uri.getPath(), null));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p).build();
    }
}
