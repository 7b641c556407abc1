package io.xxgk.publish.rest;

import io.xxgk.contract.security.ActingUser;
import io.xxgk.publish.service.yearend.YearEndFigure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/**
 * The fixed set of year-end figure keys with their labels, units and kinds, in their order: what the console's form
 * lists (the figures of a period list only those recorded).
 */
@Path("/api/v1/console/year-end-figure-keys")
@Tag(name = "console: year-end figures", description = "控制台：年终数据（非清单信息） / console: year-end figures that are not items")
@RolesAllowed(ActingUser.CONSOLE_ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleYearEndFigureKeysResource {

    /** kind: COUNT (whole number, may be approximate), PERCENT (0 to 100, one decimal) or TEXT. */
    public record Key(String key, String group, String groupLabel, String label, String labelEn, String kind, String unit) {
    }

    @GET
    @Operation(summary = "年终数据项一览 / the year-end figure keys")
    public List<Key> keys() {
        return Arrays.stream(YearEndFigure.values()).map(f -> new Key(f.key(), f.group().name(), f.group().label(), f.label(),
                f.labelEn(), f.kind().name(), f.unit())).toList();
    }
}
