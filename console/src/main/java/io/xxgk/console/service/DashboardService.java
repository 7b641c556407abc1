package io.xxgk.console.service;

import io.xxgk.console.client.PublishClient;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.SchoolDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * "My dashboard": what the signed-in person's scope has published lately. A department editor sees only their
 * department; everyone else sees the school.
 */
@ApplicationScoped
public class DashboardService {

    public record Dashboard(String schoolName, String scope, List<PublishClient.ItemSummary> recent, Long total,
                            String unavailable) {
    }

    private final PublishClient publish;
    private final ServiceCalls calls;
    private final SchoolDirectory schools;

    public DashboardService(@RestClient PublishClient publish, ServiceCalls calls, SchoolDirectory schools) {
        this.publish = publish;
        this.calls = calls;
        this.schools = schools;
    }

    public Dashboard of(ConsoleUser user) {
        String schoolName = schools.find(user.schoolCode()).map(s -> s.name()).orElse(user.schoolCode());
        String department = user.is(ConsoleRole.EDITOR) ? user.department() : null;
        String scope = department == null ? schoolName : schoolName + " · " + department;
        try {
            PublishClient.ItemPage page = calls.call("publish-service", () -> publish.items(user.schoolCode(), department, 10));
            List<PublishClient.ItemSummary> items = page.items() == null ? List.of() : page.items();
            if (department != null) {
                // the filter is the service's; the console shows nothing of another department even if it were not
                items = items.stream().filter(i -> department.equals(i.department())).toList();
            }
            return new Dashboard(schoolName, scope, items, page.total(), null);
        } catch (ProblemException e) {
            return new Dashboard(schoolName, scope, List.of(), null, e.problem().title());
        }
    }
}
