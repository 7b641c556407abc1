package io.xxgk.ingest.rest;

import io.xxgk.contract.api.Problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[")
                : "$";
        String reason = e.getOriginalMessage();
        return respond(new Problem("https://xxgk.io/problems/malformed-json", "JSON 格式错误 / Malformed JSON", 400,
                "请求体不是有效的 JSON / the request body is not valid JSON: " + reason, uri.getPath(),
                List.of(new Problem.FieldError(field, "malformed", reason, "JSON 无法解析"))));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
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
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return respond(new Problem("https://xxgk.io/problems/http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                status, e.getMessage(), uri.getPath(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("unexpected error on " + uri.getPath(), e);
        return respond(new Problem("https://xxgk.io/problems/internal", "服务器内部错误 / Internal error", 500,
                "请稍后重试；已提交成功的内容不会丢失 / please retry later; nothing already accepted is lost", uri.getPath(), null));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p).build();
    }
}
