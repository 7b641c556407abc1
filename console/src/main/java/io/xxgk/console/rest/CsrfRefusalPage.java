package io.xxgk.console.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a form post without a valid token with an empty 400; a person gets a page saying why and
 * what to do instead.
 */
public class CsrfRefusalPage {

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())) {
            response.setEntity("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>表单已失效</title>"
                            + "<link rel=\"stylesheet\" href=\"/console.css\"></head><body><main class=\"narrow\">"
                            + "<h1>表单已失效 <small>Form expired</small></h1>"
                            + "<p class=\"error\" role=\"alert\">安全校验（CSRF 令牌）未通过，操作未执行。请返回上一页，刷新后重新提交。"
                            + "<br><small>The form's security token was missing or wrong; nothing was changed. Go back, reload the page and submit again.</small></p>"
                            + "<p><a href=\"/\">返回工作台 / Dashboard</a></p></main></body></html>",
                    null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
