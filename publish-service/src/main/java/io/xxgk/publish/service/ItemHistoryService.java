package io.xxgk.publish.service;

import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.SignOff;
import io.xxgk.publish.repository.CatalogueHistory;
import io.xxgk.publish.repository.SignOffStepRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every classified revision of an item that reached publish-service, with its sign-off steps (the console's view). */
@ApplicationScoped
public class ItemHistoryService {

    public record Step(int step, String stage, String action, String actor, String role, Instant at, String note,
                       Integer checklistItem, String withholdReason) {
    }

    /**
     * One revision: the decision that reached publish-service last, whether it is public, and its sign-off (mode null
     * for a version-1 event, which had none).
     */
    public record Revision(int revision, String decision, boolean isPublic, Integer checklistItem, String title,
                           Instant receivedAt, String signOffMode, String signOffStatus, List<Step> steps) {
    }

    @Transactional
    public List<Revision> history(String schoolCode, String itemId) {
        Map<Integer, List<Step>> steps = SignOffStepRow.ofItem(schoolCode, itemId).stream()
                .collect(Collectors.groupingBy(r -> r.revision, Collectors.mapping(r -> new Step(r.step, r.stage, r.action,
                        r.actor, r.actorRole, r.decidedAt, r.note, r.checklistItem, r.withholdReason), Collectors.toList())));
        return CatalogueHistory.ofItem(schoolCode, itemId).stream().map(h -> {
            ItemClassified e = EventCodec.decode(h.event, ItemClassified.class);
            SignOff so = e.signOff();
            return new Revision(h.revision, h.decision, e.publishable(), e.checklistItem(), e.title(), h.receivedAt,
                    so == null || so.mode() == null ? null : so.mode().name(),
                    so == null || so.mode() == null ? null : signOffStatus(e), steps.getOrDefault(h.revision, List.of()));
        }).toList();
    }

    private static String signOffStatus(ItemClassified e) {
        return switch (e.decision()) {
            case PUBLISH -> e.publishable() ? SignOff.Status.APPROVED.name() : e.signOff().status().name();
            case HOLD -> e.signOff().status().name();
            case WITHHOLD -> e.signOff().steps().isEmpty() ? null : e.signOff().status().name();
            case WITHDRAW -> null;
        };
    }
}
