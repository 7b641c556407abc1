package io.xxgk.ingest.rest;

import io.xxgk.contract.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.ingest.repository.Item;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.security.Roles;
import io.xxgk.ingest.service.BatchIntake;
import io.xxgk.ingest.service.GroupCommit;
import io.xxgk.ingest.service.ItemIntakeService;
import io.xxgk.ingest.service.ItemRequest;
import io.xxgk.ingest.service.ItemValidator;
import io.xxgk.ingest.service.TextRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/items")
@Tag(name = "items", description = "信息公开事项的提交、更正、撤回与查询 / submitting, revising, withdrawing and tracking items")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ItemResource {

    public static final int MAX_BATCH = 1000;

    private final ItemIntakeService intake;
    private final BatchIntake batches;
    private final GroupCommit singles;
    private final SecurityIdentity identity;

    public ItemResource(ItemIntakeService intake, BatchIntake batches, GroupCommit singles, SecurityIdentity identity) {
        this.batches = batches;
        this.singles = singles;
        this.intake = intake;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "提交一条事项 / submit one item",
            description = "202 表示已持久保存，不会丢失；同一 id 同一内容重复提交返回首次结果，内容不同返回 409。")
    @APIResponse(responseCode = "202", description = "已受理 / accepted (durable)")
    @APIResponse(responseCode = "400", description = "字段错误 / invalid fields (problem+json)")
    @APIResponse(responseCode = "403", description = "不能为其他学校或部门提交 / another school or department")
    @APIResponse(responseCode = "409", description = "同一 id 内容不同 / id reused with different content")
    public Response submit(ItemRequest request) {
        return accepted(singles.submit(Caller.of(identity), request));
    }

    public record BatchLine(int index, String id, int status, ItemAccepted result, Problem problem) {
    }

    public record BatchAnswer(int total, int accepted, int rejected, List<BatchLine> results) {
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "批量提交（最多 1000 条）/ submit up to 1,000 items",
            description = "逐条返回结果：202 已受理，或 problem（400/403/409；数据库拒绝保存某一条时为 500）。有效的条目在一个事务中保存，不会因其他条目出错而被拒绝。")
    public BatchAnswer batch(List<ItemRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("$", "required", "a JSON array of items is required",
                    "请求体应为事项数组")));
        }
        if (requests.size() > MAX_BATCH) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("$", "too-many", "at most " + MAX_BATCH + " items per batch",
                    "每批最多 " + MAX_BATCH + " 条")));
        }
        List<BatchLine> lines = batches.submit(Caller.of(identity), requests).stream()
                .map(r -> new BatchLine(r.index(), r.id(), r.status(),
                        r.accepted() == null ? null : view(r.accepted()),
                        r.problem() == null ? null : r.problem().toProblem("/api/v1/items/batch[" + r.index() + "]")))
                .toList();
        int ok = (int) lines.stream().filter(l -> l.status() == 202).count();
        return new BatchAnswer(lines.size(), ok, lines.size() - ok, lines);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "更正事项（新修订版本）/ revise an item", description = "保留历史版本；内容未变时返回当前版本。")
    public Response revise(@PathParam("id") String id, ItemRequest request) {
        return accepted(intake.revise(Caller.of(identity), id, request));
    }

    public record WithdrawalRequest(@Schema(example = "信息有误，已另行发布更正") String reason) {
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "撤回事项 / withdraw an item", description = "从公开目录移除，保留在历史中；必须说明理由。")
    public Response withdraw(@PathParam("id") String id, WithdrawalRequest request) {
        return accepted(intake.withdraw(Caller.of(identity), null, id, request == null ? null : request.reason()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.OPERATOR})
    @Operation(summary = "查询事项状态 / where an item is in the pipeline",
            description = "ACCEPTED 已受理, CLASSIFIED 已分类, HELD 待人工审核, AWAITING_OFFICE 待审核（信息公开办公室）, "
                    + "AWAITING_LEADER 待审定（分管领导）, RETURNED 退回（statusNote 为审核意见）, PUBLISHED 已公开, "
                    + "WITHHELD 不予公开（审核中不予公开时 statusNote 为理由）, WITHDRAWN 已撤回, REJECTED 已驳回")
    public ItemStatusView status(@PathParam("id") String id, @QueryParam("schoolCode") String schoolCode) {
        Item item = readable(id, schoolCode);
        return new ItemStatusView(item.itemId, item.schoolCode, item.department, item.title, item.revision, item.status,
                item.statusNote, item.createdAt, item.updatedAt);
    }

    public record RevisionView(int revision, String action, Instant at, String event) {
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.DEPARTMENT, Roles.OPERATOR})
    @Operation(summary = "事项的修订历史 / every revision of an item")
    public List<RevisionView> history(@PathParam("id") String id, @QueryParam("schoolCode") String schoolCode) {
        Item item = readable(id, schoolCode);
        return intake.history(item.schoolCode, item.itemId).stream()
                .map(r -> new RevisionView(r.revision, r.action, r.createdAt, r.event)).toList();
    }

    private Item readable(String id, String schoolCode) {
        ItemValidator.requireItemId(id);
        TextRules.require("schoolCode", schoolCode, 32);
        Caller caller = Caller.of(identity);
        String school = schoolCode != null ? schoolCode : caller.schoolCode();
        if (school == null || !caller.mayRead(school)) {
            // same answer as a missing item: never reveal another school's ids
            throw ProblemException.notFound("没有编号为 " + id + " 的事项 / no item '" + id + "'");
        }
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Item.findItem(school, id))
                .orElseThrow(() -> ProblemException.notFound("没有编号为 " + id + " 的事项 / no item '" + id + "'"));
    }

    private static Response accepted(ItemIntakeService.Accepted a) {
        return Response.status(Response.Status.ACCEPTED).entity(view(a)).build();
    }

    private static ItemAccepted view(ItemIntakeService.Accepted a) {
        return new ItemAccepted(a.itemId(), a.schoolCode(), a.revision(), a.status().name(), "/api/v1/items/" + a.itemId());
    }

    public record ItemStatusView(String id, String schoolCode, String department, String title, int revision, String status,
                                 @Schema(description = "退回时的审核意见；审核中不予公开时的理由 / the reviewer's note of a RETURN, "
                                         + "the reason of a withholding in sign-off") String statusNote,
                                 Instant acceptedAt, Instant updatedAt) {
    }
}
