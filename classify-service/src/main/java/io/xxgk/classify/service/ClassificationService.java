package io.xxgk.classify.service;

import io.xxgk.classify.screening.PersonalDataScreener;
import io.xxgk.classify.screening.ScreeningResult;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides what happens to one submitted revision: its checklist place, and whether it may be published now or
 * waits for a person (low confidence, the department's hint disagrees, personal data in the title, body or a
 * DOCX/XLSX attachment). The public copy of title and body always has personal data masked.
 */
@ApplicationScoped
public class ClassificationService {

    public static final String LOW_CONFIDENCE = "LOW_CONFIDENCE";
    public static final String HINT_DISAGREES = "HINT_DISAGREES";
    public static final String PERSONAL_DATA = "PERSONAL_DATA";
    public static final String PERSONAL_DATA_IN_ATTACHMENT = "PERSONAL_DATA_IN_ATTACHMENT";
    public static final String ATTACHMENT_NOT_SCREENED = "ATTACHMENT_NOT_SCREENED";

    private final ItemClassifier classifier;
    private final PersonalDataScreener screener;
    private final AttachmentText attachmentText;
    private final double holdBelow;
    private final boolean holdPersonalData;
    private final Clock clock;

    public ClassificationService(ItemClassifier classifier, PersonalDataScreener screener, AttachmentText attachmentText,
                                 @ConfigProperty(name = "xxgk.classify.hold-below", defaultValue = "0.5") double holdBelow,
                                 @ConfigProperty(name = "xxgk.classify.hold-personal-data", defaultValue = "true") boolean holdPersonalData,
                                 Clock clock) {
        this.classifier = classifier;
        this.screener = screener;
        this.attachmentText = attachmentText;
        this.holdBelow = holdBelow;
        this.holdPersonalData = holdPersonalData;
        this.clock = clock;
    }

    public Classification classify(String title, String body, String department, ItemKind kind, Integer hint) {
        return classifier.classify(title, body, department, kind, hint);
    }

    public ItemClassified decide(ItemSubmitted in) {
        Classification c = classify(in.title(), in.body(), in.department(), in.kind(), in.checklistHint());
        ScreeningResult titleScreen = screener.screen(in.title() == null ? "" : in.title());
        ScreeningResult bodyScreen = screener.screen(in.body() == null ? "" : in.body());
        boolean personalData = titleScreen.found() || bodyScreen.found();

        List<String> holdReasons = new ArrayList<>();
        Decision decision;
        if (in.action() == ItemAction.WITHDRAW) {
            decision = Decision.WITHDRAW;
        } else if (in.withheld()) {
            decision = Decision.WITHHOLD;
        } else {
            if (c.confidence() < holdBelow) {
                holdReasons.add(LOW_CONFIDENCE);
            }
            if (in.checklistHint() != null && !Objects.equals(in.checklistHint(), c.checklistItem())) {
                holdReasons.add(HINT_DISAGREES);
            }
            if (personalData && holdPersonalData) {
                holdReasons.add(PERSONAL_DATA);
            }
            screenAttachments(in, holdReasons);
            decision = holdReasons.isEmpty() ? Decision.PUBLISH : Decision.HOLD;
        }
        String explanation = c.explanation() + (personalData
                ? "；个人信息 personal data: " + combinedSummary(titleScreen, bodyScreen) + "（公开副本已打码 / masked）" : "");
        return new ItemClassified(ItemClassified.SCHEMA_VERSION, in.itemId(), in.revision(), in.schoolCode(), in.department(),
                titleScreen.maskedText(), in.body() == null ? null : bodyScreen.maskedText(), in.kind(), in.producedDate(),
                in.publishedDate(), in.channels(), in.sourceUrl(), c.checklistItem(), c.category(), c.confidence(), explanation,
                decision, holdReasons, personalData, in.withholdReason(), in.attachments(), clock.instant());
    }

    /** An attachment cannot be masked here: one carrying personal data, or one that could not be read, waits. */
    private void screenAttachments(ItemSubmitted in, List<String> holdReasons) {
        for (AttachmentRef a : in.attachments()) {
            if (!AttachmentText.readable(a)) {
                continue;
            }
            try {
                if (attachmentText.text(a).map(t -> screener.screen(t).found()).orElse(false) && holdPersonalData
                        && !holdReasons.contains(PERSONAL_DATA_IN_ATTACHMENT)) {
                    holdReasons.add(PERSONAL_DATA_IN_ATTACHMENT);
                }
            } catch (IOException e) {
                if (!holdReasons.contains(ATTACHMENT_NOT_SCREENED)) {
                    holdReasons.add(ATTACHMENT_NOT_SCREENED);
                }
            }
        }
    }

    private static String combinedSummary(ScreeningResult title, ScreeningResult body) {
        return title.found() && body.found() ? "标题 " + title.summary() + "; 正文 " + body.summary()
                : title.found() ? "标题 " + title.summary() : "正文 " + body.summary();
    }
}
