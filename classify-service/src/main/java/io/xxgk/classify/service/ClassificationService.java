package io.xxgk.classify.service;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Decides what happens to one submitted revision: its checklist place and whether it may be published. */
@ApplicationScoped
public class ClassificationService {

    private final RuleClassifier classifier;
    private final double holdBelow;
    private final Clock clock;

    public ClassificationService(Checklist checklist, @ConfigProperty(name = "xxgk.classify.hold-below", defaultValue = "0.5") double holdBelow,
                                 Clock clock) {
        this.classifier = new RuleClassifier(checklist);
        this.holdBelow = holdBelow;
        this.clock = clock;
    }

    public Classification classify(String title, String body, String department, io.xxgk.contract.event.ItemKind kind) {
        return classifier.classify(title, kind);
    }

    public ItemClassified decide(ItemSubmitted in) {
        Classification c = classify(in.title(), in.body(), in.department(), in.kind());
        List<String> holdReasons = new ArrayList<>();
        Decision decision;
        if (in.action() == ItemAction.WITHDRAW) {
            decision = Decision.WITHDRAW;
        } else if (in.withheld()) {
            decision = Decision.WITHHOLD;
        } else {
            if (c.confidence() < holdBelow) {
                holdReasons.add("LOW_CONFIDENCE");
            }
            decision = holdReasons.isEmpty() ? Decision.PUBLISH : Decision.HOLD;
        }
        return new ItemClassified(ItemClassified.SCHEMA_VERSION, in.itemId(), in.revision(), in.schoolCode(), in.department(),
                in.title(), in.body(), in.kind(), in.producedDate(), in.publishedDate(), in.channels(), in.sourceUrl(),
                c.checklistItem(), c.category(), c.confidence(), c.explanation(), decision, holdReasons, false,
                in.withholdReason(), in.attachments(), clock.instant());
    }
}
