package io.xxgk.ingest.rest;

import io.xxgk.contract.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.xxgk.contract.api.Problem;
import io.xxgk.ingest.repository.OutboxMessage;
import io.xxgk.ingest.security.Roles;
import io.xxgk.ingest.service.ParkedEventService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/admin/outbox/parked")
@Tag(name = "admin", description = "运维 / operations")
@SecurityRequirement(name = "apiKey")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminOutboxResource {

    private final ParkedEventService parked;

    public AdminOutboxResource(ParkedEventService parked) {
        this.parked = parked;
    }

    @GET
    @Operation(summary = "被 Kafka 永久拒收的事件 / events the broker refused for good, with the reason")
    public List<OutboxMessage.Parked> list(@QueryParam("limit") @DefaultValue("100") String limit) {
        return parked.list(parseLimit(limit));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "重新发送 / put a parked event back in the relay's queue")
    public OutboxMessage.Parked retry(@PathParam("id") String id) {
        long rowId = parseId(id);
        OutboxMessage.Parked before = parked.list(ParkedEventService.MAX_LIST).stream()
                .filter(p -> p.id() == rowId).findFirst().orElse(null);
        if (before == null || !parked.retry(rowId)) {
            throw ProblemException.notFound("没有这个被搁置的事件 / no parked event with id " + rowId);
        }
        return before;
    }

    private static int parseLimit(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= ParkedEventService.MAX_LIST) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(List.of(new Problem.FieldError("limit", "invalid",
                "an integer from 1 to " + ParkedEventService.MAX_LIST, "应为 1 到 " + ParkedEventService.MAX_LIST + " 的整数")));
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("id", "invalid", "a row number", "应为事件序号")));
        }
    }
}
