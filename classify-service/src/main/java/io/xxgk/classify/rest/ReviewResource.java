package io.xxgk.classify.rest;

import io.xxgk.contract.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.classify.repository.Correction;
import io.xxgk.classify.service.ReviewService;
import io.xxgk.classify.service.SignOffRefused;
import io.xxgk.classify.service.TrainedClassifier;
import jakarta.annotation.security.RolesAllowed;
import io.xxgk.contract.api.Problem.FieldError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

    private static final Pattern SCHOOL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_NOTE_CHARS = 1000;

    @GET
    @Operation(summary = "待审核事项 / items waiting for a person",
            description = "原因：LOW_CONFIDENCE 置信度低, HINT_DISAGREES 与部门建议不一致, PERSONAL_DATA 含个人信息（标题/正文已打码）, "
                    + "PERSONAL_DATA_IN_ATTACHMENT 附件或附件名含个人信息, ATTACHMENT_NOT_SCREENED 附件未能完整筛查（PDF、图片、压缩包、超限、损坏）")
    public List<ReviewService.Held> queue(@QueryParam("schoolCode") String schoolCode, @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        if (schoolCode != null) {
            checkId(errors, "schoolCode", schoolCode, SCHOOL_CODE, 32);
        }
        int n = limit(errors, limit);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return review.queue(schoolCode, n);
    }

    public record DecisionRequest(
            @Schema(description = "CONFIRM 确认建议, CORRECT 更正清单事项, REJECT 不予公开", example = "CORRECT", required = true) String action,
            @Schema(description = "更正后的清单事项 (1-50)，null 表示不属于清单", example = "37") Integer checklistItem,
            @Schema(description = "至多 1000 字", example = "奖学金公示，已打码后公开") String note) {
    }

    @POST
    @Path("/{schoolCode}/{itemId}/{revision}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "审核决定 / confirm, correct or reject a held item",
            description = "记录审核人与时间；决定先提交再发送：确认或更正后事项以打码后的公开副本继续发布，并作为下次训练数据。"
                    + "消息队列暂时不可用时答 503（决定已记录，会自动重发；以相同决定重试得到同一结果）。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionRequest.class)))
    public Response decide(@PathParam("schoolCode") String schoolCode, @PathParam("itemId") String itemId,
                           @PathParam("revision") String revision, InputStream body) {
        List<FieldError> errors = new ArrayList<>();
        checkId(errors, "schoolCode", schoolCode, SCHOOL_CODE, 32);
        checkId(errors, "itemId", itemId, ITEM_ID, 128);
        int rev = 0;
        try {
            rev = Integer.parseInt(revision);
            if (rev < 1) {
                errors.add(new FieldError("revision", "range", "revision must be a positive integer", "revision 应为正整数"));
            }
        } catch (NumberFormatException e) {
            errors.add(new FieldError("revision", "type", "revision must be a positive integer", "revision 应为正整数"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        JsonFields f = JsonFields.read(body, MAX_BODY_BYTES);
        String actionName = f.text("action", true);
        Integer checklistItem = f.integer("checklistItem", 1, 50);
        String note = f.text("note", false);
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            f.error("note", "too-long", "note may have at most " + MAX_NOTE_CHARS + " characters", "note 至多 " + MAX_NOTE_CHARS + " 个字符");
        }
        ReviewService.Action action = null;
        if (actionName != null) {
            try {
                action = ReviewService.Action.valueOf(actionName.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                f.error("action", "unknown", "action must be CONFIRM, CORRECT or REJECT", "action 应为 CONFIRM、CORRECT 或 REJECT");
            }
        }
        f.check();
        int number = rev;
        ReviewService.Action chosen = action;
        ReviewService.Decided decided;
        try {
            decided = review.decide(schoolCode, itemId, number, chosen, checklistItem, note, identity.getPrincipal().getName())
                .orElseThrow(() -> ProblemException.notFound("itemId",
                        "审核队列中没有该事项 / " + schoolCode + "/" + itemId + "/" + number + " is not in the review queue"));
        } catch (SignOffRefused e) {
            throw SignOffResource.problem(e); // e.g. the revision waits for its leader (TWO_LEVEL): 403
        }
        if (!decided.delivered()) {
            throw ProblemException.unavailable("unavailable", "暂时不可用 / Service unavailable",
                    "决定已记录，消息队列暂时不可用，将自动重发；以相同决定重试会得到同一结果 / the decision is recorded; the broker is "
                            + "unavailable, it will be sent automatically; retrying the same decision answers the same result", 30);
        }
        return Response.ok(decided.event(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static void checkId(List<FieldError> errors, String field, String value, Pattern pattern, int max) {
        if (value == null || !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, "format", field + " must be 1-" + max + " letters, digits or . _ : -",
                    field + " 只能包含字母、数字和 . _ : -，长度 1-" + max));
        }
    }

    /** A {@code limit} query parameter: 100 when absent, else 1..1000 (otherwise a field error). */
    static int limit(List<FieldError> errors, String limit) {
        if (limit == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("limit", "range", "limit must be an integer from 1 to 1000", "limit 应为 1 到 1000 之间的整数"));
        return 0;
    }

    public record CorrectionView(String schoolCode, String itemId, int revision, String title, String action, Integer before,
                                 Integer after, String note, String by, Instant at) {
    }

    @GET
    @Path("/corrections")
    @Operation(summary = "审核记录 / the corrections made, newest first")
    public List<CorrectionView> corrections(@QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        int n = limit(errors, limit);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return review.corrections(n).stream()
                .map((Correction c) -> new CorrectionView(c.schoolCode, c.itemId, c.revision, c.title, c.action, c.beforeItem,
                        c.afterItem, c.note, c.correctedBy, c.correctedAt)).toList();
    }

    /** The model version now in use by every replica (within a poll), and how many corrections it learnt from. */
    public record Retrained(int version, int corrections) {
    }

    @POST
    @Path("/retrain")
    @Operation(summary = "用审核记录重新训练分类器 / retrain the classifier with the corrections")
    public Retrained retrain() {
        TrainedClassifier.Retrained r = classifier.retrain("retrain requested by " + identity.getPrincipal().getName());
        return new Retrained(r.version(), r.corrections());
    }
}
