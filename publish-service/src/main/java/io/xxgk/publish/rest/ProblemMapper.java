package io.xxgk.publish.rest;

import io.xxgk.contract.api.Problem;
import io.xxgk.contract.failure.TransientFailures;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The one place where publish-service writes problem+json: every 4xx names its parameter in Chinese and English,
 * a database outage is 503 with Retry-After, and nothing leaves with an empty body.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String RETRY_AFTER_SECONDS = "10";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem p = e.problem();
        return respond(p.instance() != null ? p
                : new Problem(p.type(), p.title(), p.status(), p.detail(), uri.getPath(), p.errors()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, Request request) {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            // the whole public API is read-only: another method is wrong whatever the path
            return methodNotAllowed(uri);
        }
        return respond(new Problem("https://xxgk.io/problems/not-found", "未找到 / Not found", 404,
                "没有这个资源 / no such resource", uri.getPath(),
                List.of(new Problem.FieldError("path", "unknown", "no resource at this path", "路径不存在"))));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return methodNotAllowed(uri);
    }

    private static Response methodNotAllowed(UriInfo uri) {
        return Response.fromResponse(respond(new Problem("https://xxgk.io/problems/method-not-allowed",
                        "方法不允许 / Method not allowed", 405, "公开接口只接受 GET / the public API is read-only: use GET",
                        uri.getPath(), List.of(new Problem.FieldError("method", "not-allowed", "use GET", "请使用 GET")))))
                .header(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS").build();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/not-acceptable", "无法提供所需格式 / Not acceptable", 406,
                "此接口返回 application/json / this endpoint answers application/json", uri.getPath(),
                List.of(new Problem.FieldError("Accept", "not-acceptable", "accept application/json",
                        "Accept 请求头应包含 application/json"))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed on " + uri.getPath(), e);
            return unexpectedProblem(uri);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new Problem("https://xxgk.io/problems/http-" + status, "请求无效 / " + reason, status,
                "请求无效 / " + reason, uri.getPath(),
                List.of(new Problem.FieldError("request", "http-" + status, reason, "请求无效"))));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (TransientFailures.isTransient(e)) {
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(respond(new Problem("https://xxgk.io/problems/unavailable",
                            "暂时无法服务 / Service unavailable", 503,
                            "数据库暂时不可用，请稍后重试 / the database is unavailable; retry later", uri.getPath(), null)))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("unexpected error on " + uri.getPath(), e);
        return unexpectedProblem(uri);
    }

    private static Response unexpectedProblem(UriInfo uri) {
        return respond(new Problem("https://xxgk.io/problems/internal", "服务器内部错误 / Internal error", 500,
                "请稍后重试 / please retry later", uri.getPath(), null));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p).build();
    }
}
