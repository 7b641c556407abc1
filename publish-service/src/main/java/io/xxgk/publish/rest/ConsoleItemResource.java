package io.xxgk.publish.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.service.ItemHistoryService;
import io.xxgk.publish.service.TextChecks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The console's view of an item's revisions and their sign-off (the console's service account only). */
@Path("/api/v1/console/schools/{schoolCode}/items")
@Tag(name = "console", description = "控制台专用（HTTP Basic，角色 console）/ for the console's service account")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ActingUser.CONSOLE_ROLE)
@Blocking
public class ConsoleItemResource {

    private final ItemHistoryService history;
    private final SchoolDirectory schools;

    public ConsoleItemResource(ItemHistoryService history, SchoolDirectory schools) {
        this.history = history;
        this.schools = schools;
    }

    @GET
    @Path("/{itemId}/history")
    @Operation(summary = "事项的修订与审核历史 / every revision of an item with its sign-off steps",
            description = "每个修订版本：最终到达的决定（decision）、是否公开（isPublic）、审核模式与状态（signOffMode、signOffStatus："
                    + "AWAITING_OFFICE 待审核, AWAITING_LEADER 待审定, APPROVED 已同意, RETURNED 已退回, WITHHELD 不予公开；"
                    + "v1 事件为 null）以及每一步：谁（actor）、角色（role）、何时（at）、环节（stage）、决定（action）、说明（note）、"
                    + "清单事项、不予公开理由。")
    @APIResponse(responseCode = "404", description = "未找到学校或事项 / unknown school or item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ItemHistoryService.Revision> history(@PathParam("schoolCode") String schoolCode, @PathParam("itemId") String itemId) {
        Params.school(schools, schoolCode);
        if (TextChecks.hasControlCharacters(itemId)) {
            throw ProblemException.unknownItem(itemId);
        }
        List<ItemHistoryService.Revision> revisions = history.history(schoolCode, itemId);
        if (revisions.isEmpty()) {
            throw ProblemException.unknownItem(itemId);
        }
        return revisions;
    }
}
