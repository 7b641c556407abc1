package io.xxgk.console.service;

import io.xxgk.console.client.CoverageClient;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.SchoolDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * Coverage and deadlines for the pages: the school's 50 items (an editor's own department first) and one
 * department's list. A department editor never sees another department's list; only a reviewer or an admin marks
 * an item 本校不涉及 (publish-service checks both again).
 */
@ApplicationScoped
public class CoverageService {

    /** school: the whole school; mine: the editor's own department (null for other roles). */
    public record SchoolPage(String schoolName, CoverageClient.Coverage school, CoverageClient.Coverage mine) {
    }

    private final CoverageClient publish;
    private final ServiceCalls calls;
    private final SchoolDirectory schools;

    public CoverageService(@RestClient CoverageClient publish, ServiceCalls calls, SchoolDirectory schools) {
        this.publish = publish;
        this.calls = calls;
        this.schools = schools;
    }

    public String schoolName(ConsoleUser user) {
        return schools.find(user.schoolCode()).map(s -> s.name()).orElse(user.schoolCode());
    }

    public SchoolPage school(ConsoleUser user, String period) {
        CoverageClient.Coverage school = calls.call("publish-service", () -> publish.coverage(user.schoolCode(), blank(period), null));
        CoverageClient.Coverage mine = user.is(ConsoleRole.EDITOR)
                ? calls.call("publish-service", () -> publish.coverage(user.schoolCode(), blank(period), user.department()))
                : null;
        return new SchoolPage(schoolName(user), school, mine);
    }

    public CoverageClient.Coverage department(ConsoleUser user, String department, String period) {
        if (user.is(ConsoleRole.EDITOR) && !department.equals(user.department())) {
            throw ProblemException.forbidden("部门信息员只能查看本部门（" + user.department() + "）的清单 / an editor sees only their"
                    + " own department's list");
        }
        return calls.call("publish-service", () -> publish.coverage(user.schoolCode(), blank(period), department));
    }

    public boolean mayMark(ConsoleUser user) {
        return user.isAny(ConsoleRole.REVIEWER, ConsoleRole.ADMIN);
    }

    public void mark(ConsoleUser user, int item, String reason) {
        mayMarkOrThrow(user);
        calls.call("publish-service", () -> publish.mark(user.schoolCode(), item, new CoverageClient.MarkRequest(reason)));
    }

    public void unmark(ConsoleUser user, int item) {
        mayMarkOrThrow(user);
        calls.call("publish-service", () -> {
            publish.unmark(user.schoolCode(), item);
            return null;
        });
    }

    private void mayMarkOrThrow(ConsoleUser user) {
        if (!mayMark(user)) {
            throw ProblemException.forbidden("只有信息公开办公室审核人员或管理员可以标记“本校不涉及” / only a reviewer or an admin may"
                    + " mark an item as not applicable");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Every department of a coverage answer, the given one first. */
    public static List<CoverageClient.DepartmentSummary> firstOf(List<CoverageClient.DepartmentSummary> all, String first) {
        if (first == null) {
            return all;
        }
        java.util.List<CoverageClient.DepartmentSummary> out = new java.util.ArrayList<>(all.stream()
                .filter(d -> d.department().equals(first)).toList());
        all.stream().filter(d -> !d.department().equals(first)).forEach(out::add);
        return out;
    }
}
