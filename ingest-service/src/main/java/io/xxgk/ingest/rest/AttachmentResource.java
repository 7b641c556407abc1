package io.xxgk.ingest.rest;

import io.xxgk.contract.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.ingest.repository.Attachment;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.security.Roles;
import io.xxgk.ingest.service.AttachmentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("/api/v1/attachments")
@Tag(name = "attachments", description = "附件上传与下载链接 / attachments")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AttachmentResource {

    private final AttachmentService attachments;
    private final SecurityIdentity identity;

    public AttachmentResource(AttachmentService attachments, SecurityIdentity identity) {
        this.attachments = attachments;
        this.identity = identity;
    }

    public record AttachmentView(UUID id, String fileName, String contentType, long size, String sha256, boolean deduplicated,
                                 Instant uploadedAt, String downloadUrl) {
        static AttachmentView of(Attachment a, boolean deduplicated, String url) {
            return new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256, deduplicated, a.createdAt, url);
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DEPARTMENT)
    @Operation(summary = "上传附件 / upload an attachment (multipart field 'file')",
            description = "类型由文件内容判断（PDF、DOCX、XLSX、图片、ZIP）；相同内容只存一份。返回的 id 用于事项的 attachments 字段。")
    public Response upload(@RestForm("file") FileUpload file) {
        Uploads.requireFile(file);
        AttachmentService.Stored stored = attachments.store(Caller.of(identity), file.uploadedFile(), file.fileName());
        return Response.status(Response.Status.CREATED)
                .entity(AttachmentView.of(stored.record(), stored.deduplicated(), attachments.downloadUrl(stored.record())))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.OPERATOR})
    @Operation(summary = "附件信息与限时下载链接 / metadata and a presigned download link")
    public AttachmentView get(@PathParam("id") String rawId) {
        UUID id = Uuids.parse(rawId, "附件 / attachment");
        Caller caller = Caller.of(identity);
        Attachment a = (caller.schoolCode() == null ? java.util.Optional.<Attachment>empty()
                : attachments.find(caller.schoolCode(), id))
                .orElseThrow(() -> ProblemException.notFound("没有这个附件 / no attachment " + id));
        return AttachmentView.of(a, false, attachments.downloadUrl(a));
    }
}
