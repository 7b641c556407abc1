package io.xxgk.console.service;

import io.xxgk.contract.api.Problem;
import io.xxgk.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Supplier;

/**
 * One way of calling a service: a 4xx of the service comes back as the service's own problem (its field errors shown
 * on the page); a service that is down or answers 5xx is a 503 problem naming it, so a page can say "暂不可用".
 */
@ApplicationScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    public <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                Problem p = readProblem(e);
                throw p != null ? new ProblemException(p) : new ProblemException(status, "service-refused",
                        service + " 拒绝了请求 / " + service + " refused the request", "HTTP " + status, List.of());
            }
            LOG.warnf("%s answered %d", service, status);
            throw unavailable(service);
        } catch (ProcessingException e) {
            LOG.warnf("%s unreachable: %s", service, e.getMessage());
            throw unavailable(service);
        }
    }

    private static Problem readProblem(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(Problem.class);
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private static ProblemException unavailable(String service) {
        return new ProblemException(503, "service-unavailable", service + " 暂不可用 / " + service + " is unavailable",
                "请稍后重试 / try again later", List.of()).retryAfter(30);
    }
}
