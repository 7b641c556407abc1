package io.xxgk.publish.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.security.ActingUser;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.publish.service.links.ColumnLinkService;
import io.xxgk.publish.service.links.ColumnLinkView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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

/**
 * 栏目链接: the URL of each checklist item's column on the school's website, set by the disclosure office through the
 * console (service account {@code console}, acting for the person in the X-Xxgk-Actor* headers).
 */
@Path("/api/v1/console/schools/{schoolCode}/column-links")
@Tag(name = "console: column links", description = "控制台：清单事项的栏目链接 / console: each checklist item's column on the school's website")
@RolesAllowed(ActingUser.CONSOLE_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ConsoleColumnLinkResource {

    /** The body of PUT. */
    public record ColumnLinkRequest(@Schema(description = "该事项在学校网站上的栏目网址 / the column's URL on the school's website",
            example = "https://www.zzsz.edu.cn/xxgk/zsks.htm", maxLength = ColumnLinkService.MAX_URL) String url) {
    }

    private final SchoolDirectory schools;
    private final ColumnLinkService links;

    public ConsoleColumnLinkResource(SchoolDirectory schools, ColumnLinkService links) {
        this.schools = schools;
        this.links = links;
    }

    @GET
    @Operation(summary = "本校各清单事项的栏目链接 / the school's column links")
    public List<ColumnLinkView> list(@PathParam("schoolCode") String code,
                                     @BeanParam ActorHeaders actorHeaders) {
        actorHeaders.require();
        return links.links(Params.school(schools, code).code());
    }

    @PUT
    @Path("/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置某事项的栏目链接（审核人员或管理员） / set an item's column link (reviewer or admin)")
    @APIResponse(responseCode = "200", description = "已设置 / set")
    @APIResponse(responseCode = "400", description = "网址或事项编号无效 / invalid URL or item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "代理人不是审核人员或管理员 / the actor is not a reviewer or admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ColumnLinkView set(@PathParam("schoolCode") String code, @PathParam("item") String item,
                              @BeanParam ActorHeaders actorHeaders,
                              ColumnLinkRequest body) {
        ActingUser actor = actorHeaders.require();
        return links.set(Params.school(schools, code), ConsoleCoverageResource.item(item), body == null ? null : body.url(), actor);
    }

    @DELETE
    @Path("/{item}")
    @Operation(summary = "删除某事项的栏目链接（审核人员或管理员） / remove an item's column link (reviewer or admin)")
    @APIResponse(responseCode = "204", description = "已删除 / removed")
    @APIResponse(responseCode = "404", description = "该事项没有栏目链接 / the item has none",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void remove(@PathParam("schoolCode") String code, @PathParam("item") String item,
                       @BeanParam ActorHeaders actorHeaders) {
        ActingUser actor = actorHeaders.require();
        links.remove(Params.school(schools, code), ConsoleCoverageResource.item(item), actor);
    }
}
