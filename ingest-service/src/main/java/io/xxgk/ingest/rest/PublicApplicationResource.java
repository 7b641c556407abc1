package io.xxgk.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.application.PublicApplication;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.security.Roles;
import io.xxgk.ingest.service.PublicApplicationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Applications for disclosure made by the public on a school's site. Only publish-service's form writes here, with
 * its own credential (role public-form, which can do nothing else); the office reads them with the applicants'
 * contact data (operators and administrators).
 */
@Path("/api/v1/public-applications")
@Tag(name = "requests", description = "依申请公开登记及举报、复议、诉讼 / disclosure-on-request register")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PublicApplicationResource {

    static final int MAX_LIMIT = 200;

    private final PublicApplicationService applications;

    public PublicApplicationResource(PublicApplicationService applications) {
        this.applications = applications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PUBLIC_FORM)
    @Operation(summary = "登记一份网上依申请公开申请 / record an application made on the public site",
            description = "202 表示申请及其登记事件已写入数据库，返回受理编号；同一 submissionKey 同一内容再次提交返回同一受理编号，内容不同为 409。")
    public Response submit(PublicApplication application) {
        return Response.accepted(applications.submit(application)).build();
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "本校最新的网上申请（含申请人联系方式）/ the newest applications with the applicants' data")
    public List<PublicApplicationService.OfficeView> newest(@QueryParam("schoolCode") String schoolCode,
                                                            @QueryParam("limit") String limit) {
        if (schoolCode == null || schoolCode.isBlank() || schoolCode.length() > 32) {
            throw ProblemException.invalid("schoolCode", "required", "schoolCode is required (at most 32 characters)", "学校代码不能为空（最多 32 个字符）");
        }
        return applications.newest(schoolCode.strip(), limit(limit));
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("limit", "range", "limit must be a whole number from 1 to " + MAX_LIMIT,
                "limit 应为 1 至 " + MAX_LIMIT + " 的整数");
    }
}
