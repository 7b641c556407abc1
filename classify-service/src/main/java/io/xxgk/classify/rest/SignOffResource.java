package io.xxgk.classify.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.classify.service.SignOffModes;
import io.xxgk.classify.service.SignOffRefused;
import io.xxgk.classify.service.SignOffService;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import io.xxgk.contract.event.WithholdReason;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.security.ActingUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console's sign-off API (一事一审). Called by the console's service account (role {@code console}) on behalf of the
 * person named in the {@code X-Xxgk-Actor*} headers: REVIEWER decides at stage OFFICE, LEADER at stage LEADER, ADMIN
 * sets a school's mode. Names and departments in the headers are percent-encoded UTF-8 (HTTP headers are ISO-8859-1).
 */
@Path("/api/v1/sign-off")
@Tag(name = "sign-off", description = "一事一审：信息公开办公室审核、分管领导审定 / sign-off (console service account, acting-user headers)")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
@APIResponse(responseCode = "400", description = "请求无效（字段或代理人请求头）/ invalid field or acting-user header",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "该角色不能执行此操作（如审核人代为审定）/ the role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SignOffResource {

    private static final Pattern SCHOOL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_NOTE_CHARS = 1000;
    private static final Set<ActingUser.Role> READERS = Set.of(ActingUser.Role.REVIEWER, ActingUser.Role.LEADER,
            ActingUser.Role.OPERATOR, ActingUser.Role.ADMIN);

    private final SignOffService signOff;
    private final SignOffModes modes;
    private final SecurityIdentity identity;

    public SignOffResource(SignOffService signOff, SignOffModes modes, SecurityIdentity identity) {
        this.signOff = signOff;
        this.modes = modes;
        this.identity = identity;
    }

    // ---- modes

    @GET
    @Path("/modes/{schoolCode}")
    @RolesAllowed({ActingUser.CONSOLE_ROLE, "operator"})
    @Operation(summary = "学校的审核模式 / a school's sign-off mode",
            description = "AUTO 自动（置信且无个人信息即公开）, OFFICE 信息公开办公室审核, TWO_LEVEL 办公室审核后分管领导审定。"
                    + "configuredDefault=true 表示学校尚未设置，使用配置 xxgk.sign-off.default-mode。")
    public SignOffModes.ModeView mode(@PathParam("schoolCode") String schoolCode) {
        checkIds(schoolCode, null, null);
        return modes.get(schoolCode);
    }

    public record ModeRequest(@Schema(required = true, enumeration = {"AUTO", "OFFICE", "TWO_LEVEL"}, example = "TWO_LEVEL") String mode) {
    }

    @PUT
    @Path("/modes/{schoolCode}")
    @RolesAllowed(ActingUser.CONSOLE_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "设置学校的审核模式（管理员）/ set a school's sign-off mode (ADMIN)",
            description = "对此后分类的事项生效；已在队列中的事项保持原模式。记录设置人与时间。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModeRequest.class)))
    public SignOffModes.ModeView setMode(@PathParam("schoolCode") String schoolCode, InputStream body,
                                         @HeaderParam(ActingUser.NAME_HEADER) String actor,
                                         @HeaderParam(ActingUser.ROLE_HEADER) String role,
                                         @HeaderParam(ActingUser.DEPARTMENT_HEADER) String department) {
        ActingUser user = actingUser(actor, role, department);
        require(user, Set.of(ActingUser.Role.ADMIN), "只有管理员可以设置审核模式 / only an ADMIN sets the sign-off mode");
        checkIds(schoolCode, null, null);
        JsonFields f = JsonFields.read(body, MAX_BODY_BYTES);
        SignOffMode mode = enumField(f, "mode", SignOffMode.class, true);
        f.check();
        return modes.set(schoolCode, mode, user.name());
    }

    // ---- reference

    public record ReasonView(String code, String label, String labelEn) {
    }

    @GET
    @Path("/withhold-reasons")
    @RolesAllowed({ActingUser.CONSOLE_ROLE, "operator"})
    @Operation(summary = "不予公开的法定理由 / the legal reasons for WITHHOLD (《高等学校信息公开办法》第十条)")
    public List<ReasonView> withholdReasons() {
        return Arrays.stream(WithholdReason.values()).map(r -> new ReasonView(r.name(), r.labelZh(), r.labelEn())).toList();
    }

    // ---- queue and detail

    @GET
    @Path("/queue")
    @RolesAllowed(ActingUser.CONSOLE_ROLE)
    @Operation(summary = "待审核/待审定事项，置信度高者在前 / items waiting for sign-off, most confident first",
            description = "stage=OFFICE 待信息公开办公室审核, stage=LEADER 待分管领导审定。holdReasons: SIGN_OFF_REQUIRED（学校要求逐项审核）, "
                    + "LOW_CONFIDENCE, HINT_DISAGREES, PERSONAL_DATA, PERSONAL_DATA_IN_ATTACHMENT, ATTACHMENT_NOT_SCREENED。"
                    + "角色 REVIEWER, LEADER, OPERATOR, ADMIN 可查看。")
    public List<SignOffService.QueueItem> queue(@QueryParam("schoolCode") String schoolCode, @QueryParam("stage") String stage,
                                                @QueryParam("limit") String limit,
                                                @HeaderParam(ActingUser.NAME_HEADER) String actor,
                                                @HeaderParam(ActingUser.ROLE_HEADER) String role,
                                                @HeaderParam(ActingUser.DEPARTMENT_HEADER) String department) {
        require(actingUser(actor, role, department), READERS, "部门信息员不能查看审核队列 / an editor may not see the queue");
        List<FieldError> errors = new ArrayList<>();
        if (schoolCode != null && !SCHOOL_CODE.matcher(schoolCode).matches()) {
            errors.add(idError("schoolCode", 32));
        }
        SignOffStage s = null;
        if (stage != null) {
            try {
                s = SignOffStage.valueOf(stage.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("stage", "unknown", "stage must be OFFICE or LEADER", "stage 应为 OFFICE 或 LEADER"));
            }
        }
        int n = ReviewResource.limit(errors, limit);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return signOff.queue(schoolCode, s, n);
    }

    @GET
    @Path("/items/{schoolCode}/{itemId}/{revision}")
    @RolesAllowed(ActingUser.CONSOLE_ROLE)
    @Operation(summary = "审核详情 / the review page of one revision",
            description = "分类建议（清单事项、类别、置信度、理由）、个人信息发现（种类及在原标题/正文中的字符位置 start/end，"
                    + "以及在打码公开副本中的位置 maskedStart/maskedEnd，UTF-16 下标，左闭右开）、原文（仅在审核完成前保留）、打码公开副本、审核记录。")
    @APIResponse(responseCode = "404", description = "没有该事项版本 / unknown revision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SignOffService.Detail detail(@PathParam("schoolCode") String schoolCode, @PathParam("itemId") String itemId,
                                        @PathParam("revision") String revision,
                                        @HeaderParam(ActingUser.NAME_HEADER) String actor,
                                        @HeaderParam(ActingUser.ROLE_HEADER) String role,
                                        @HeaderParam(ActingUser.DEPARTMENT_HEADER) String department) {
        require(actingUser(actor, role, department), READERS, "部门信息员不能查看审核详情 / an editor may not see the review page");
        int rev = checkIds(schoolCode, itemId, revision);
        return signOff.detail(schoolCode, itemId, rev).orElseThrow(() -> unknown(schoolCode, itemId, rev));
    }

    @GET
    @Path("/items/{schoolCode}/{itemId}/{revision}/history")
    @RolesAllowed(ActingUser.CONSOLE_ROLE)
    @Operation(summary = "审核记录 / every sign-off decision on a revision, oldest first",
            description = "谁（actor）、角色（role）、何时（at）、做了什么（stage, action, checklistItemBefore/After）、为什么（note, withholdReason）。"
                    + "部门信息员（EDITOR）只能查看本部门的事项。")
    public List<SignOffService.StepView> history(@PathParam("schoolCode") String schoolCode, @PathParam("itemId") String itemId,
                                                 @PathParam("revision") String revision,
                                                 @HeaderParam(ActingUser.NAME_HEADER) String actor,
                                                 @HeaderParam(ActingUser.ROLE_HEADER) String role,
                                                 @HeaderParam(ActingUser.DEPARTMENT_HEADER) String department) {
        ActingUser user = actingUser(actor, role, department);
        int rev = checkIds(schoolCode, itemId, revision);
        String owner = signOff.departmentOf(schoolCode, itemId, rev);
        if (owner == null) {
            throw unknown(schoolCode, itemId, rev);
        }
        if (user.role() == ActingUser.Role.EDITOR && !owner.equals(user.department())) {
            throw unknown(schoolCode, itemId, rev); // never reveal another department's items
        }
        return signOff.history(schoolCode, itemId, rev);
    }

    // ---- decisions

    public record DecisionRequest(
            @Schema(required = true, enumeration = {"APPROVE", "CORRECT", "RETURN", "WITHHOLD"},
                    description = "APPROVE 同意建议, CORRECT 更正清单事项（或 null 不属于清单）后同意, RETURN 退回部门（须填 note）, "
                            + "WITHHOLD 不予公开（须选 withholdReason）") String action,
            @Schema(description = "CORRECT 时的清单事项 1-50；null 表示不属于清单", example = "37") Integer checklistItem,
            @Schema(description = "说明，至多 1000 字；RETURN 时必填，部门在事项状态中看到", example = "请补充附件后重新报送") String note,
            @Schema(enumeration = {"STATE_SECRET", "COMMERCIAL_SECRET", "PERSONAL_PRIVACY", "OTHER"},
                    description = "WITHHOLD 时必填：不予公开的法定理由") String withholdReason,
            @Schema(enumeration = {"OFFICE", "LEADER"}, description = "可选：页面所见的环节；事项已进入其他环节时答 409，避免重复操作") String stage) {
    }

    public record SignOffView(String schoolCode, String itemId, int revision, Decision decision, SignOff.Status status,
                              SignOffStage awaiting, Integer checklistItem, Integer category, SignOff signOff) {

        static SignOffView of(ItemClassified e) {
            SignOff so = e.signOffOrAuto();
            return new SignOffView(e.schoolCode(), e.itemId(), e.revision(), e.decision(), SignOffService.statusOf(e),
                    e.decision() == Decision.HOLD ? so.awaiting() : null, e.checklistItem(), e.category(), so);
        }
    }

    @POST
    @Path("/items/{schoolCode}/{itemId}/{revision}/decision")
    @RolesAllowed(ActingUser.CONSOLE_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "审核/审定决定 / decide one sign-off step",
            description = "REVIEWER 在 OFFICE 环节决定，LEADER 在 LEADER 环节决定（TWO_LEVEL 模式下办公室同意后才到领导）；"
                    + "审核人不能代为审定（403）。决定先提交再发送（ItemClassified v2，signOff 含全部步骤）；消息队列暂时不可用时答 503"
                    + "（决定已记录，会自动重发）。同一人以相同决定重试得到同一结果。审核已完成答 409。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionRequest.class)))
    @APIResponse(responseCode = "200", description = "决定后的状态 / the sign-off after the decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignOffView.class)))
    @APIResponse(responseCode = "409", description = "审核已完成或已进入其他环节 / already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SignOffView decide(@PathParam("schoolCode") String schoolCode, @PathParam("itemId") String itemId,
                              @PathParam("revision") String revision, InputStream body,
                              @HeaderParam(ActingUser.NAME_HEADER) String actor,
                              @HeaderParam(ActingUser.ROLE_HEADER) String role,
                              @HeaderParam(ActingUser.DEPARTMENT_HEADER) String department) {
        SignOffService.Actor who = decider(actingUser(actor, role, department));
        int rev = checkIds(schoolCode, itemId, revision);
        JsonFields f = JsonFields.read(body, MAX_BODY_BYTES);
        SignOffService.Request req = request(f);
        f.check();
        SignOffService.Outcome o = decideOrProblem(() -> signOff.decide(schoolCode, itemId, rev, who, req));
        if (!o.delivered()) {
            throw undelivered();
        }
        return SignOffView.of(o.event());
    }

    private static SignOffService.Request request(JsonFields f) {
        SignOffAction action = enumField(f, "action", SignOffAction.class, true);
        Integer checklistItem = f.integer("checklistItem", 1, 50);
        String note = f.text("note", false);
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            f.error("note", "too-long", "note may have at most " + MAX_NOTE_CHARS + " characters", "note 至多 " + MAX_NOTE_CHARS + " 个字符");
        }
        WithholdReason reason = enumField(f, "withholdReason", WithholdReason.class, false);
        SignOffStage stage = enumField(f, "stage", SignOffStage.class, false);
        if (action == SignOffAction.RETURN && (note == null || note.isBlank())) {
            f.error("note", "required", "a RETURN needs a note for the department", "退回须填写说明（note）");
        }
        if (action == SignOffAction.WITHHOLD && reason == null) {
            f.error("withholdReason", "required", "a WITHHOLD needs its legal reason: " + Arrays.toString(WithholdReason.values()),
                    "不予公开须选择理由：" + Arrays.toString(WithholdReason.values()));
        }
        return new SignOffService.Request(action, checklistItem, note, reason, stage);
    }

    public record BatchRequest(
            @Schema(required = true, example = "zzsz") String schoolCode,
            @Schema(required = true, enumeration = {"OFFICE", "LEADER"}) String stage,
            @Schema(required = true, description = "置信度下限 0-1；低于此值的事项跳过", example = "0.9") Double minConfidence,
            @Schema(required = true, description = "1-200 项") List<BatchItem> items,
            @Schema(description = "可选说明") String note) {
    }

    public record BatchItem(@Schema(required = true) String itemId, @Schema(required = true) Integer revision) {
    }

    public record BatchView(int approved, int skipped, List<SignOffService.BatchResult> results) {
    }

    @POST
    @Path("/batch-approve")
    @RolesAllowed(ActingUser.CONSOLE_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "批量同意 / approve confident items in one request",
            description = "逐项同意同一学校、同一环节（REVIEWER: OFFICE，LEADER: LEADER）中置信度 ≥ minConfidence 且无个人信息"
                    + "（及无未能筛查的附件）的事项；每项一个结果：APPROVED，或 SKIPPED 及原因 LOW_CONFIDENCE, PERSONAL_DATA, "
                    + "OTHER_STAGE, ALREADY_DECIDED, NOT_FOUND, WRONG_STAGE。APPROVED 且 reason=UNDELIVERED：已记录，消息稍后自动发送。")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchRequest.class)))
    public BatchView batchApprove(InputStream body,
                                  @HeaderParam(ActingUser.NAME_HEADER) String actor,
                                  @HeaderParam(ActingUser.ROLE_HEADER) String role,
                                  @HeaderParam(ActingUser.DEPARTMENT_HEADER) String department) {
        SignOffService.Actor who = decider(actingUser(actor, role, department));
        JsonFields f = JsonFields.read(body, MAX_BODY_BYTES);
        String schoolCode = f.text("schoolCode", true);
        if (schoolCode != null && !SCHOOL_CODE.matcher(schoolCode).matches()) {
            f.error("schoolCode", "format", "schoolCode must be 1-32 letters, digits or . _ -", "schoolCode 只能包含字母、数字和 . _ -，长度 1-32");
        }
        SignOffStage stage = enumField(f, "stage", SignOffStage.class, true);
        Double min = f.number("minConfidence", 0, 1, true);
        String note = f.text("note", false);
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            f.error("note", "too-long", "note may have at most " + MAX_NOTE_CHARS + " characters", "note 至多 " + MAX_NOTE_CHARS + " 个字符");
        }
        List<JsonFields> rows = f.objects("items", SignOffService.MAX_BATCH);
        List<SignOffService.Key> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonFields row = rows.get(i);
            String itemId = row.text("itemId", true);
            Integer rev = row.integer("revision", 1, Integer.MAX_VALUE);
            if (rev == null) {
                row.error("revision", "required", "revision is required", "revision 不能为空");
            }
            if (itemId != null && !ITEM_ID.matcher(itemId).matches()) {
                row.error("itemId", "format", "itemId must be 1-128 letters, digits or . _ : -", "itemId 只能包含字母、数字和 . _ : -，长度 1-128");
            }
            f.adopt("items[" + i + "]", row);
            if (itemId != null && rev != null) {
                items.add(new SignOffService.Key(itemId, rev));
            }
        }
        f.check();
        if (stage != (who.role() == SignOffService.ActorRole.LEADER ? SignOffStage.LEADER : SignOffStage.OFFICE)) {
            throw ProblemException.forbidden("角色 " + who.role() + " 不能批量处理 " + stage + " 环节 / role " + who.role()
                    + " may not approve at stage " + stage);
        }
        List<SignOffService.BatchResult> results = signOff.batchApprove(schoolCode, stage, min, items, who, note);
        int approved = (int) results.stream().filter(r -> SignOffService.BatchResult.APPROVED.equals(r.outcome())).count();
        return new BatchView(approved, results.size() - approved, results);
    }

    // ---- helpers

    static SignOffService.Outcome decideOrProblem(java.util.function.Supplier<SignOffService.Outcome> decision) {
        try {
            return decision.get();
        } catch (SignOffRefused e) {
            throw problem(e);
        }
    }

    static ProblemException problem(SignOffRefused e) {
        String detail = e.messageZh() + " / " + e.getMessage();
        return switch (e.reason()) {
            case NOT_FOUND -> ProblemException.notFound(e.field(), detail);
            case WRONG_STAGE -> ProblemException.forbidden(detail);
            case ALREADY_DECIDED -> ProblemException.conflict(detail);
            case INVALID -> ProblemException.invalid(e.field(), "invalid", e.getMessage(), e.messageZh());
        };
    }

    static ProblemException undelivered() {
        return ProblemException.unavailable("unavailable", "暂时不可用 / Service unavailable",
                "决定已记录，消息队列暂时不可用，将自动重发；以相同决定重试会得到同一结果 / the decision is recorded; the broker is "
                        + "unavailable, it will be sent automatically; retrying the same decision answers the same result", 30);
    }

    private ActingUser actingUser(String name, String role, String department) {
        if (!identity.hasRole(ActingUser.CONSOLE_ROLE)) {
            // an operator signed in directly acts as themselves
            return new ActingUser(identity.getPrincipal().getName(), ActingUser.Role.OPERATOR, null);
        }
        return ActingUser.require(name, role, department);
    }

    private static void require(ActingUser user, Set<ActingUser.Role> roles, String detail) {
        if (!roles.contains(user.role())) {
            throw ProblemException.forbidden(detail);
        }
    }

    private static SignOffService.Actor decider(ActingUser user) {
        return switch (user.role()) {
            case REVIEWER -> new SignOffService.Actor(user.name(), SignOffService.ActorRole.REVIEWER);
            case LEADER -> new SignOffService.Actor(user.name(), SignOffService.ActorRole.LEADER);
            default -> throw ProblemException.forbidden("只有审核人（REVIEWER）和分管领导（LEADER）可以作出审核决定 / only a REVIEWER or "
                    + "a LEADER decides a sign-off, not " + user.role());
        };
    }

    private static <E extends Enum<E>> E enumField(JsonFields f, String field, Class<E> type, boolean required) {
        String value = f.text(field, required);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.toString(type.getEnumConstants());
            f.error(field, "unknown", field + " must be one of " + allowed, field + " 应为 " + allowed + " 之一");
            return null;
        }
    }

    private static int checkIds(String schoolCode, String itemId, String revision) {
        List<FieldError> errors = new ArrayList<>();
        if (schoolCode == null || !SCHOOL_CODE.matcher(schoolCode).matches()) {
            errors.add(idError("schoolCode", 32));
        }
        if (itemId != null && !ITEM_ID.matcher(itemId).matches()) {
            errors.add(idError("itemId", 128));
        }
        int rev = 0;
        if (revision != null) {
            try {
                rev = Integer.parseInt(revision);
            } catch (NumberFormatException e) {
                rev = -1;
            }
            if (rev < 1) {
                errors.add(new FieldError("revision", "range", "revision must be a positive integer", "revision 应为正整数"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return rev;
    }

    private static FieldError idError(String field, int max) {
        return new FieldError(field, "format", field + " must be 1-" + max + " letters, digits or . _ : -",
                field + " 只能包含字母、数字和 . _ : -，长度 1-" + max);
    }

    private static ProblemException unknown(String schoolCode, String itemId, int revision) {
        return ProblemException.notFound("itemId", "没有该事项版本 / no revision " + schoolCode + "/" + itemId + "/" + revision);
    }

}
