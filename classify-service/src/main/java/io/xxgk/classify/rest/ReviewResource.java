package io.xxgk.classify.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.classify.repository.CorrectionRecord;
import io.xxgk.classify.service.ReviewService;
import io.xxgk.classify.service.TrainedClassifier;
import io.xxgk.contract.event.ItemClassified;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Path("/api/v1/review")
@Tag(name = "review", description = "人工审核队列 / the review queue (operators, HTTP Basic)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
@Blocking
public class ReviewResource {

    private final ReviewService review;
    private final TrainedClassifier classifier;
    private final SecurityIdentity identity;

    public ReviewResource(ReviewService review, TrainedClassifier classifier, SecurityIdentity identity) {
        this.review = review;
        this.classifier = classifier;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "待审核事项 / items waiting for a person",
            description = "原因：LOW_CONFIDENCE 置信度低, HINT_DISAGREES 与部门建议不一致, PERSONAL_DATA 含个人信息（标题/正文已打码）")
    public List<ReviewService.Held> queue(@QueryParam("schoolCode") String schoolCode,
                                          @QueryParam("limit") @DefaultValue("100") int limit) {
        return review.queue(schoolCode, Math.max(1, Math.min(limit, 1000)));
    }

    public record DecisionRequest(
            @Schema(description = "CONFIRM 确认建议, CORRECT 更正清单事项, REJECT 不予公开", example = "CORRECT") String action,
            @Schema(description = "更正后的清单事项 (1-50)，null 表示不属于清单", example = "37") Integer checklistItem,
            @Schema(example = "奖学金公示，已打码后公开") String note) {
    }

    @POST
    @Path("/{schoolCode}/{itemId}/{revision}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "审核决定 / confirm, correct or reject a held item",
            description = "记录审核人与时间；确认或更正后事项以打码后的公开副本继续发布，并作为下次训练数据。")
    public ItemClassified decide(@PathParam("schoolCode") String schoolCode, @PathParam("itemId") String itemId,
                                 @PathParam("revision") int revision, DecisionRequest request) {
        ReviewService.Action action;
        try {
            action = ReviewService.Action.valueOf(request == null || request.action() == null ? "" : request.action().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("action 应为 CONFIRM、CORRECT 或 REJECT / action must be CONFIRM, CORRECT or REJECT");
        }
        try {
            return review.decide(schoolCode, itemId, revision, action, request.checklistItem(), request.note(),
                            identity.getPrincipal().getName())
                    .orElseThrow(() -> new NotFoundException("审核队列中没有该事项 / not in the review queue"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("checklistItem 应在 1 到 50 之间 / " + e.getMessage());
        }
    }

    public record CorrectionView(String schoolCode, String itemId, int revision, String title, String action, Integer before,
                                 Integer after, String note, String by, Instant at) {
    }

    @GET
    @Path("/corrections")
    @Operation(summary = "审核记录 / the corrections made, newest first")
    public List<CorrectionView> corrections(@QueryParam("limit") @DefaultValue("100") int limit) {
        return review.corrections(Math.max(1, Math.min(limit, 1000))).stream()
                .map((CorrectionRecord c) -> new CorrectionView(c.schoolCode, c.itemId, c.revision, c.title, c.action, c.beforeItem,
                        c.afterItem, c.note, c.correctedBy, c.correctedAt)).toList();
    }

    public record Retrained(int corrections) {
    }

    @POST
    @Path("/retrain")
    @Operation(summary = "用审核记录重新训练分类器 / retrain the classifier with the corrections")
    public Retrained retrain() {
        return new Retrained(classifier.retrain());
    }
}
