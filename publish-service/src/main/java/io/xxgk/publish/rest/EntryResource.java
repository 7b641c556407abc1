package io.xxgk.publish.rest;

import io.xxgk.contract.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.publish.service.browse.ItemDetail;
import io.xxgk.publish.service.browse.ItemPage;
import io.xxgk.publish.service.browse.ItemQuery;
import io.xxgk.publish.service.ChecklistCatalog;
import io.xxgk.publish.service.TextChecks;
import io.xxgk.publish.service.browse.EntrySearchService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Public browse and search of a school's published items. Only PUBLISHED entries exist here: a held, withheld or
 * withdrawn item answers exactly like an unknown id. Responses carry a strong ETag and answer If-None-Match with
 * 304 ({@link io.xxgk.publish.rest.EntityTagFilter}); Cache-Control comes from application.properties.
 */
@Path("/api/v1/schools/{schoolCode}/items")
@Tag(name = "items", description = "公开信息浏览与检索 / browse and search published items")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class EntryResource {

    private final SchoolDirectory schools;
    private final ChecklistCatalog checklists;
    private final EntrySearchService search;

    public EntryResource(SchoolDirectory schools, ChecklistCatalog checklists, EntrySearchService search) {
        this.schools = schools;
        this.checklists = checklists;
        this.search = search;
    }

    @GET
    @Operation(summary = "公开信息列表与检索 / published items, newest first, filtered and searched",
            description = "按 coalesce(发布日期, 形成日期) 倒序、再按编号排序；用 next 游标翻页，新发布的信息不会打乱已开始的翻页。"
                    + " / Newest first by coalesce(publishedDate, producedDate), then id; page with the next cursor "
                    + "(stable while new items arrive). total is given on the first page only.")
    @APIResponse(responseCode = "200", description = "一页 / one page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemPage.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match 与 ETag 一致 / not modified")
    @APIResponse(responseCode = "400", description = "参数无效，errors[].field 指明参数 / invalid parameter, named in errors[].field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "未找到学校 / unknown school",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemPage list(
            @Parameter(description = "学校代码，如 jclg / school code") @PathParam("schoolCode") String code,
            @Parameter(description = "清单类别 1-10 / checklist category") @QueryParam("category") String category,
            @Parameter(description = "清单事项 1-50 / checklist item") @QueryParam("checklistItem") String checklistItem,
            @Parameter(description = "发布部门（全称）/ department, exact name") @QueryParam("department") String department,
            @Parameter(description = "信息类型，如 PROCUREMENT_NOTICE 或 采购招标公告 / kind, name or Chinese label")
            @QueryParam("kind") String kind,
            @Parameter(description = "起始日期（含）YYYY-MM-DD / from date, inclusive") @QueryParam("from") String from,
            @Parameter(description = "截止日期（含）YYYY-MM-DD / to date, inclusive") @QueryParam("to") String to,
            @Parameter(description = "关键词，空格分隔、须同时出现在标题或正文中，如 招标 或 奖学金 评审 / keywords, all must occur in title or body")
            @QueryParam("q") String q,
            @Parameter(description = "每页条数 1-100，默认 20 / page size") @QueryParam("limit") String limit,
            @Parameter(description = "上一页返回的 next / the previous page's next cursor") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        School school = school(code);
        ItemQuery query = ItemQueryParser.parse(new ItemQueryParser.Params(category, checklistItem, department, kind, from, to, q, limit, cursor),
                checklists.forSchool(school));
        return search.page(school, query, next -> {
            URI u = uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build();
            return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        });
    }

    @GET
    @Path("/{itemId}")
    @Operation(summary = "公开信息详情 / one published item")
    @APIResponse(responseCode = "200", description = "详情 / the item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemDetail.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match 与 ETag 一致 / not modified")
    @APIResponse(responseCode = "404", description = "未找到学校或公开信息 / unknown school or no such published item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ItemDetail detail(@Parameter(description = "学校代码 / school code") @PathParam("schoolCode") String code,
                             @Parameter(description = "信息编号 / item id") @PathParam("itemId") String itemId) {
        School school = school(code);
        if (TextChecks.hasControlCharacters(itemId)) {
            // no stored id has one (and PostgreSQL refuses NUL): answer as for any unknown id
            throw ProblemException.unknownItem(itemId);
        }
        return search.detail(school, itemId).orElseThrow(() -> ProblemException.unknownItem(itemId));
    }

    private School school(String code) {
        return schools.find(code).orElseThrow(() -> ProblemException.unknownSchool(code));
    }
}
