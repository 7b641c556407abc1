package io.xxgk.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * One person's decision at one sign-off stage.
 *
 * @param stage          OFFICE (信息公开办公室审核) or LEADER (分管领导审定)
 * @param action         what was decided
 * @param actor          who decided (the console's account name, or the operator's user name)
 * @param role           the actor's role: REVIEWER, LEADER or OPERATOR
 * @param at             when
 * @param note           the reviewer's note; required for RETURN (退回), optional otherwise
 * @param checklistItem  the checklist item after this step (CORRECT may set another one, or none)
 * @param withholdReason for WITHHOLD: a {@link WithholdReason} code
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignOffStep(SignOffStage stage, SignOffAction action, String actor, String role, Instant at, String note,
                          Integer checklistItem, String withholdReason) {
}
