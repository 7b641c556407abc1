package io.xxgk.ingest.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.ingest.imports.ImportService;
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
        if (file == null) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("file", "required", "multipart field 'file' is required",
                    "缺少文件字段 file")));
        }
        ImportJob job = imports.start(Caller.of(identity), file.uploadedFile(), file.fileName());
        return Response.accepted(view(job, List.of())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.OPERATOR})
    @Operation(summary = "导入进度与逐行结果 / progress and per-row results")
    public ImportView get(@PathParam("id") UUID id, @QueryParam("offset") @DefaultValue("0") int offset,
                          @QueryParam("limit") @DefaultValue("1000") int limit, @QueryParam("onlyRejected") boolean onlyRejected) {
        Caller caller = Caller.of(identity);
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.<ImportJob>findByIdOptional(id).filter(j -> caller.mayRead(j.schoolCode))
                    .orElseThrow(() -> ProblemException.notFound("没有这个导入任务 / no import " + id));
            List<ImportRowResult> rows = ImportRowResult.<ImportRowResult>find(
                            onlyRejected ? "jobId = ?1 and status <> 202 order by rowNo" : "jobId = ?1 order by rowNo", id)
                    .range(Math.max(0, offset), Math.max(0, offset) + Math.min(Math.max(limit, 1), 5000) - 1).list();
            return view(job, rows);
        });
    }

    private static ImportView view(ImportJob job, List<ImportRowResult> rows) {
        return new ImportView(job.id, job.status, job.fileName, job.processed, job.accepted, job.rejected,
                ImportJob.Status.DONE.name().equals(job.status) ? job.totalRows : null, job.error, job.createdAt, job.updatedAt,
                "/api/v1/imports/" + job.id,
                rows.stream().map(r -> new RowView(r.rowNo, r.itemId, r.status,
                        r.problem == null ? null : EventCodec.decode(r.problem, Problem.class))).toList());
    }
}
