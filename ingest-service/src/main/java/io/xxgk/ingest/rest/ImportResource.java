package io.xxgk.ingest.rest;

import io.xxgk.contract.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.ingest.service.imports.ImportService;
import io.xxgk.ingest.repository.ImportJob;
import io.xxgk.ingest.repository.ImportRowResult;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/imports")
@Tag(name = "imports", description = "登记表批量导入（CSV/XLSX，中文表头）/ bulk import of a register file")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ImportResource {

    private final ImportService imports;
    private final SecurityIdentity identity;

    public ImportResource(ImportService imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    public record RowView(int row, String id, int status, Problem problem) {
    }

    public record ImportView(UUID id, String status, String fileName, int processed, int accepted, int rejected, Integer totalRows,
                             String error, Instant createdAt, Instant updatedAt, String statusUrl, List<RowView> rows) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "导入登记表 / import a register (multipart field 'file')",
            description = "表头：编号、标题、发布部门、正文、类别、信息生成日期、发布日期、公开渠道、原文链接、清单事项、不予公开、不予公开理由。"
                    + "立即返回 202 与进度地址；逐行结果可查询。")
    public Response start(@RestForm("file") FileUpload file) {
        Uploads.requireFile(file);
        ImportJob job = imports.start(Caller.of(identity), file.uploadedFile(), file.fileName());
        return Response.accepted(view(job, List.of())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "导入进度与逐行结果 / progress and per-row results")
    public ImportView get(@PathParam("id") String rawId, @QueryParam("offset") @DefaultValue("0") String rawOffset,
                          @QueryParam("limit") @DefaultValue("1000") String rawLimit, @QueryParam("onlyRejected") String rawOnlyRejected) {
        UUID id = Uuids.parse(rawId, "导入任务 / import");
        int offset = intParam("offset", rawOffset, 0, Integer.MAX_VALUE);
        int limit = intParam("limit", rawLimit, 1, 5000);
        boolean onlyRejected = "true".equalsIgnoreCase(rawOnlyRejected);
        if (rawOnlyRejected != null && !onlyRejected && !"false".equalsIgnoreCase(rawOnlyRejected)) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("onlyRejected", "format", "onlyRejected must be true or false",
                    "onlyRejected 应为 true 或 false")));
        }
        Caller caller = Caller.of(identity);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.<ImportJob>findByIdOptional(id).filter(j -> caller.mayRead(j.schoolCode))
                    .orElseThrow(() -> ProblemException.notFound("没有这个导入任务 / no import " + id));
            List<ImportRowResult> rows = ImportRowResult.<ImportRowResult>find(
                            onlyRejected ? "jobId = ?1 and status <> 202 order by rowNo" : "jobId = ?1 order by rowNo", id)
                    .range(offset, (int) Math.min(Integer.MAX_VALUE, (long) offset + limit - 1)).list();
            return view(job, rows);
        });
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "继续失败的导入 / resume a failed import",
            description = "从中断处继续；已处理的行不会重复提交（行编号稳定，重复提交同一内容是幂等的）。")
    public Response resume(@PathParam("id") String rawId) {
        ImportJob job = imports.resume(Caller.of(identity), Uuids.parse(rawId, "导入任务 / import"));
        return Response.accepted(view(job, List.of())).build();
    }

    private static int intParam(String name, String raw, int min, int max) {
        try {
            long v = Long.parseLong(raw.strip());
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(List.of(new Problem.FieldError(name, "range", name + " must be an integer from " + min + " to " + max,
                name + " 应为 " + min + " 到 " + max + " 之间的整数")));
    }

    private static ImportView view(ImportJob job, List<ImportRowResult> rows) {
        return new ImportView(job.id, job.status, job.fileName, job.processed, job.accepted, job.rejected,
                ImportJob.Status.DONE.name().equals(job.status) ? job.totalRows : null, job.error, job.createdAt, job.updatedAt,
                "/api/v1/imports/" + job.id,
                rows.stream().map(r -> new RowView(r.rowNo, r.itemId, r.status,
                        r.problem == null ? null : EventCodec.decode(r.problem, Problem.class))).toList());
    }
}
