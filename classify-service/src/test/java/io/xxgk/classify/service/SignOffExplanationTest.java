package io.xxgk.classify.service;

import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a person decides, the explanation says what they decided, and no longer that the revision waits for them. */
class SignOffExplanationTest {

    static final SignOffService.Actor REVIEWER = new SignOffService.Actor("李审核", SignOffService.ActorRole.REVIEWER);
    static final SignOffService.Actor LEADER = new SignOffService.Actor("王领导", SignOffService.ActorRole.LEADER);

    static String held() {
        ItemClassified classified = ItemClassified.builder().itemId("x").revision(1).schoolCode("zzsz").title("2025年部门预算公开")
                .checklistItem(19).category(3).confidence(0.95).explanation("规则 rule: 预算 → 19").decision(Decision.PUBLISH)
                .build();
        return SignOffService.underMode(classified, SignOffMode.OFFICE).explanation();
    }

    @Test
    void aHeldRevisionSaysItWaitsForTheOffice() {
        assertEquals("规则 rule: 预算 → 19；待信息公开办公室审核 / waits for the office's sign-off", held());
    }

    @Test
    void afterTheOfficeApprovesItSaysWhoApprovedItAndNoLongerThatItWaits() {
        String after = SignOffService.explanationAfter(held(), SignOffStage.OFFICE, SignOffAction.APPROVE, REVIEWER, 19, null,
                "同意公开", null);
        assertEquals("已由李审核（REVIEWER）审核通过：同意公开 / approved by 李审核 (REVIEWER) at the office stage；规则 rule: 预算 → 19",
                after);
        assertFalse(after.contains("待信息公开办公室审核"), after);
    }

    @Test
    void underTwoLevelTheOfficeStepSaysTheLeaderIsNextAndTheLeadersStepSaysItIsDone() {
        String office = SignOffService.explanationAfter(held(), SignOffStage.OFFICE, SignOffAction.CORRECT, REVIEWER, 20, null,
                null, SignOffStage.LEADER);
        assertEquals("已由李审核（REVIEWER）审核通过，清单事项改为第 20 项 / approved under checklist item 20 by 李审核 (REVIEWER) at the"
                + " office stage；待分管领导审定 / waits for the leader's sign-off；规则 rule: 预算 → 19", office);
        String leader = SignOffService.explanationAfter(office, SignOffStage.LEADER, SignOffAction.APPROVE, LEADER, 20, null,
                null, null);
        assertTrue(leader.startsWith("已由王领导（LEADER）审定通过 / approved by 王领导 (LEADER) at the leader's stage；已由李审核"), leader);
        assertFalse(leader.contains("待分管领导审定"), leader);
        assertFalse(leader.contains("待信息公开办公室审核"), leader);
    }

    @Test
    void returnAndWithholdSayWhatHappened() {
        assertTrue(SignOffService.explanationAfter(held(), SignOffStage.OFFICE, SignOffAction.RETURN, REVIEWER, 19, null,
                "请补充说明", null).startsWith("已由李审核（REVIEWER）退回部门：请补充说明 / returned to the department"));
        String withheld = SignOffService.explanationAfter(held(), SignOffStage.OFFICE, SignOffAction.WITHHOLD, REVIEWER, 19,
                "STATE_SECRET", null, null);
        assertTrue(withheld.startsWith("已由李审核（REVIEWER）决定不予公开（STATE_SECRET） / withheld (STATE_SECRET)"), withheld);
        assertFalse(withheld.contains("待信息公开办公室审核"), withheld);
    }

    @Test
    void correctingToNoItemSaysSo() {
        assertTrue(SignOffService.explanationAfter("模型 model", SignOffStage.OFFICE, SignOffAction.CORRECT, REVIEWER, null, null,
                null, null).startsWith("已由李审核（REVIEWER）审核通过，改为不属于清单 / approved under no checklist item"));
    }
}
