package io.xxgk.classify.rest;

import io.xxgk.classify.service.Classification;
import io.xxgk.classify.service.ClassificationService;
import io.xxgk.contract.event.ItemKind;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

@Path("/api/v1/classify")
@Tag(name = "classify", description = "分类试运行 / dry-run classification for operators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    private final ClassificationService classification;

    public ClassifyResource(ClassificationService classification) {
        this.classification = classification;
    }

    public record ClassifyRequest(
            @Schema(example = "2025年水电耗材采购项目招标公告") String title,
            @Schema(example = "本项目采用公开招标方式。") String body,
            @Schema(example = "采购与招标管理处") String department,
            @Schema(example = "PROCUREMENT_NOTICE") String kind,
            @Schema(description = "部门建议的清单事项 / department hint", example = "18") Integer hint) {
    }

    @POST
    @Operation(summary = "对一个标题试分类 / classify a title without storing anything")
    public Classification classify(ClassifyRequest request) {
        if (request == null || request.title() == null || request.title().isBlank()) {
            throw new BadRequestException("title 不能为空 / title is required");
        }
        ItemKind kind = null;
        if (request.kind() != null) {
            try {
                kind = ItemKind.valueOf(request.kind().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("未知的 kind / unknown kind " + request.kind());
            }
        }
        return classification.classify(request.title(), request.body(), request.department(), kind, request.hint());
    }
}
