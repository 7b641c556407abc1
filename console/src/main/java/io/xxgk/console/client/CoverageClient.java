package io.xxgk.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * publish-service's console coverage endpoints ({@code /api/v1/console/schools/{code}/coverage} and
 * {@code /not-applicable}), as the {@code console} service account acting for the signed-in person.
 */
@RegisterRestClient(configKey = "publish")
@RegisterClientHeaders(ConsoleAuthHeaders.class)
@Path("/api/v1/console/schools/{code}")
@Produces(MediaType.APPLICATION_JSON)
public interface CoverageClient {

    record Period(int year, String kind, LocalDate from, LocalDate to, String label) {
    }

    record Summary(int items, int applicable, int published, int standing, int covered, int missing, int notApplicable,
                   int notApplicableBySchool, BigDecimal percent, int overdue) {
    }

    record DepartmentSummary(String department, int items, int covered, int missing, int overdue) {
    }

    record Mark(String schoolCode, int item, String reason, String markedBy, String markedRole, Instant markedAt) {
    }

    record Entry(String id, String title, String department, LocalDate date, String link, boolean inPeriod) {
    }

    record Item(int number, String text, String recurrence, String recurrenceLabel, String cadence, String department,
                String status, String statusLabel, String reason, Mark notApplicable, long entriesInPeriod, Entry latest,
                LocalDate dueDate, boolean overdue, int overdueWorkingDays) {
    }

    record Category(int number, String label, String name, List<Item> items) {
    }

    record Due(int number, String text, String department, String cadence, LocalDate dueDate, int overdueWorkingDays) {
    }

    record Waiting(String itemId, String title, String department, Integer checklistItem, Instant since, int workingDays) {
    }

    record Coverage(Period period, LocalDate asOf, String checklistVariant, String department, Summary summary,
                    List<DepartmentSummary> departments, List<Category> categories, List<Due> overdue, List<Due> dueNext,
                    int waitingLimitWorkingDays, List<Waiting> waiting, String calendarNote) {
    }

    record MarkRequest(String reason) {
    }

    @GET
    @Path("/coverage")
    Coverage coverage(@PathParam("code") String school, @QueryParam("period") String period,
                      @QueryParam("department") String department);

    @PUT
    @Path("/not-applicable/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    Mark mark(@PathParam("code") String school, @PathParam("item") int item, MarkRequest body);

    @DELETE
    @Path("/not-applicable/{item}")
    void unmark(@PathParam("code") String school, @PathParam("item") int item);
}
