package io.xxgk.publish.service;

import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.security.ActingUser;

import java.util.Set;

/** What only the disclosure office (a reviewer or an admin) may do in the console. */
public final class OfficeRoles {

    private static final Set<ActingUser.Role> REVIEWER_OR_ADMIN = Set.of(ActingUser.Role.REVIEWER, ActingUser.Role.ADMIN);

    private OfficeRoles() {
    }

    /**
     * A 403 problem unless the actor is a reviewer or an admin; {@code action} completes "只有信息公开办公室审核人员或管理员可以…"
     * and {@code englishAction} "only a reviewer or an admin may …".
     */
    public static void requireReviewerOrAdmin(ActingUser actor, String action, String englishAction) {
        if (!REVIEWER_OR_ADMIN.contains(actor.role())) {
            throw ProblemException.forbidden("只有信息公开办公室审核人员或管理员可以" + action + " / only a reviewer or an admin may "
                    + englishAction + " (acting user's role: " + actor.role() + ")");
        }
    }
}
