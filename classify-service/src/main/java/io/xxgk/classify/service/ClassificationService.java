package io.xxgk.classify.service;

import io.xxgk.classify.model.Classification;
import io.xxgk.classify.screening.PersonalDataScreener;
import io.xxgk.classify.screening.ScreeningResult;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffMode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what happens to one submitted revision: its checklist place, and whether it may be published now or
 * waits for a person (low confidence, the department's hint disagrees, personal data in the title, body, an
 * attachment's name or a DOCX/XLSX attachment, an attachment that could not be screened completely). The public copy
 * of title, body and attachment names always has personal data masked.
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
    private final Set<String> unscreenedAllowed;

    public ClassificationService(ItemClassifier classifier, PersonalDataScreener screener, AttachmentText attachmentText,
                                 @ConfigProperty(name = "xxgk.classify.hold-below", defaultValue = "0.5") double holdBelow,
                                 @ConfigProperty(name = "xxgk.classify.hold-personal-data", defaultValue = "true") boolean holdPersonalData,
                                 @ConfigProperty(name = "xxgk.classify.unscreened-types-allowed") Optional<List<String>> unscreenedAllowed,
                                 Clock clock) {
        this.unscreenedAllowed = Set.copyOf(unscreenedAllowed.orElse(List.of()));
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

        // attachment names are public like the title: always masked, and personal data in one holds the item
        List<AttachmentRef> attachments = new ArrayList<>(in.attachments().size());
        boolean personalDataInName = false;
        for (AttachmentRef a : in.attachments()) {
            ScreeningResult name = screener.screen(a.fileName() == null ? "" : a.fileName());
            personalDataInName |= name.found();
            attachments.add(name.found()
                    ? new AttachmentRef(a.objectKey(), name.maskedText(), a.contentType(), a.size(), a.sha256()) : a);
        }

        List<String> holdReasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
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
            if (personalDataInName && holdPersonalData) {
                holdReasons.add(PERSONAL_DATA_IN_ATTACHMENT);
                notes.add("附件名含个人信息（已打码）/ personal data in an attachment's file name (masked)");
            }
            screenAttachments(in.attachments(), attachments, holdReasons, notes);
            decision = holdReasons.isEmpty() ? Decision.PUBLISH : Decision.HOLD;
        }
        String explanation = c.explanation() + (personalData
                ? "；个人信息 personal data: " + combinedSummary(titleScreen, bodyScreen) + "（公开副本已打码 / masked）" : "")
                + (notes.isEmpty() ? "" : "；附件 attachments: " + String.join("; ", notes));
        return ItemClassified.builder()
                .itemId(in.itemId())
                .revision(in.revision())
                .schoolCode(in.schoolCode())
                .department(in.department())
                .title(titleScreen.maskedText())
                .body(in.body() == null ? null : bodyScreen.maskedText())
                .kind(in.kind())
                .producedDate(in.producedDate())
                .publishedDate(in.publishedDate())
                .channels(in.channels())
                .sourceUrl(in.sourceUrl())
                .checklistItem(c.checklistItem())
                .category(c.category())
                .confidence(c.confidence())
                .modelVersion(c.modelVersion())
                .explanation(explanation)
                .decision(decision)
                .holdReasons(holdReasons)
                .personalDataMasked(personalData || personalDataInName)
                .withholdReason(in.withholdReason())
                .attachments(attachments)
                .classifiedAt(clock.instant())
                .scope(in.scope())
                .signOff(SignOff.start(SignOffMode.AUTO)) // the school's mode is applied when the decision is stored
                .build();
    }

    /**
     * An attachment cannot be masked here. Fail closed: one carrying personal data, one that could not be read
     * completely (limits, malformed, missing) and one of a type whose text cannot be read here (PDF, images, ZIP,
     * unknown) holds the item, unless its content type is listed in {@code xxgk.classify.unscreened-types-allowed} (never a ZIP).
     */
    private void screenAttachments(List<AttachmentRef> original, List<AttachmentRef> masked, List<String> holdReasons,
                                   List<String> notes) {
        for (int i = 0; i < original.size(); i++) {
            AttachmentRef a = original.get(i);
            String name = masked.get(i).fileName();
            if (!AttachmentText.readable(a) && a.contentType() != null && !a.contentType().contains("zip")
                    && unscreenedAllowed.contains(a.contentType())) {
                continue;
            }
            AttachmentText.Read read = attachmentText.read(a);
            if (!read.screened()) {
                addOnce(holdReasons, ATTACHMENT_NOT_SCREENED);
                notes.add(name + " 未筛查 not screened: " + read.problem());
            } else if (screener.screen(read.text()).found() && holdPersonalData) {
                addOnce(holdReasons, PERSONAL_DATA_IN_ATTACHMENT);
                notes.add(name + " 含个人信息 contains personal data");
            }
        }
    }

    private static void addOnce(List<String> reasons, String reason) {
        if (!reasons.contains(reason)) {
            reasons.add(reason);
        }
    }

    private static String combinedSummary(ScreeningResult title, ScreeningResult body) {
        return title.found() && body.found() ? "标题 " + title.summary() + "; 正文 " + body.summary()
                : title.found() ? "标题 " + title.summary() : "正文 " + body.summary();
    }
}
