package io.xxgk.classify.rest;

import io.xxgk.classify.model.Classification;
import io.xxgk.classify.service.ClassificationService;
import io.xxgk.contract.event.ItemKind;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

@Path(DryRunGuard.PATH)
@Tag(name = "classify", description = "分类试运行 / dry-run classification (open, size- and rate-limited per client address)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    private final ClassificationService classification;
    private final DryRunGuard guard;

    public ClassifyResource(ClassificationService classification, DryRunGuard guard) {
        this.classification = classification;
        this.guard = guard;
    }

    public record ClassifyRequest(
            @Schema(example = "2025年水电耗材采购项目招标公告", required = true) String title,
            @Schema(example = "本项目采用公开招标方式。") String body,
            @Schema(example = "采购与招标管理处") String department,
            @Schema(example = "PROCUREMENT_NOTICE") String kind,
            @Schema(description = "部门建议的清单事项 / department hint (1-50)", example = "18") Integer hint) {
    }

    @POST
    @Operation(summary = "对一个标题试分类 / classify a title without storing anything",
            description = "请求体至多 64 KiB（413），每个客户端地址限速（429 + Retry-After）；规则与模型只看标题前 500 字。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClassifyRequest.class)))
    public Classification classify(InputStream body) {
        JsonFields f = JsonFields.read(body, guard.maxBodyBytes());
        String title = f.text("title", true);
        String text = f.text("body", false);
        String department = f.text("department", false);
        String kindName = f.text("kind", false);
        Integer hint = f.integer("hint", 1, 50);
        ItemKind kind = null;
        if (kindName != null) {
            try {
                kind = ItemKind.valueOf(kindName.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                f.error("kind", "unknown", "unknown kind; one of " + Arrays.toString(ItemKind.values()),
                        "未知的 kind，应为 " + Arrays.toString(ItemKind.values()) + " 之一");
            }
        }
        f.check();
        return classification.classify(title, text, department, kind, hint);
    }
}
