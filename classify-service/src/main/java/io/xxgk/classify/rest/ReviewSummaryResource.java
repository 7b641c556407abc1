package io.xxgk.classify.rest;

import io.smallrye.common.annotation.Blocking;
import io.xxgk.classify.service.ReviewSummaryService;
import io.xxgk.contract.security.ActingUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/review/summary")
@Tag(name = "review", description = "人工审核队列 / the review queue (operators, HTTP Basic)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"operator", ActingUser.CONSOLE_ROLE})
@Blocking
public class ReviewSummaryResource {

    private final ReviewSummaryService summaries;

    public ReviewSummaryResource(ReviewSummaryService summaries) {
        this.summaries = summaries;
    }

    @GET
    @Operation(summary = "待审核数量 / how many items wait for review, per school",
            description = "held：全部学校待审核事项数；schools：每校的数量与最早一条的进入时间（没有待审核事项的学校不列出）。"
                    + "数据库不可用时答 503。")
    public ReviewSummaryService.Summary summary() {
        return summaries.summary();
    }
}
