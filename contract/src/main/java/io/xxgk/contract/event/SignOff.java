package io.xxgk.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * The sign-off (一事一审) of one item revision in an {@link ItemClassified} event of schema version 2: the school's mode
 * when the revision was classified, and the steps taken so far, oldest first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignOff(SignOffMode mode, List<SignOffStep> steps) {

    /** Where a revision stands in its sign-off. */
    public enum Status {
        /** Waits for the office reviewer (待审核). */
        AWAITING_OFFICE,
        /** Waits for the leader (待审定). */
        AWAITING_LEADER,
        /** Every required stage accepted it. */
        APPROVED,
        /** 退回 to the department. */
        RETURNED,
        /** 不予公开. */
        WITHHELD
    }

    public SignOff {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public static SignOff start(SignOffMode mode) {
        return new SignOff(mode, List.of());
    }

    public SignOff with(SignOffStep step) {
        List<SignOffStep> all = new ArrayList<>(steps);
        all.add(step);
        return new SignOff(mode, all);
    }

    /**
     * The status after the steps taken. The office decides first; under {@link SignOffMode#TWO_LEVEL} an accepting
     * office step is followed by the leader's. A step at the wrong stage or out of order does not count.
     */
    public Status status() {
        SignOffStage expected = SignOffStage.OFFICE;
        for (SignOffStep s : steps) {
            if (s == null || s.stage() != expected || s.action() == null) {
                continue;
            }
            switch (s.action()) {
                case RETURN:
                    return Status.RETURNED;
                case WITHHOLD:
                    return Status.WITHHELD;
                default:
                    if (expected == SignOffStage.OFFICE && mode == SignOffMode.TWO_LEVEL) {
                        expected = SignOffStage.LEADER;
                    } else {
                        return Status.APPROVED;
                    }
            }
        }
        return expected == SignOffStage.OFFICE ? Status.AWAITING_OFFICE : Status.AWAITING_LEADER;
    }

    /** The stage that decides next, or null when the sign-off is finished. */
    public SignOffStage awaiting() {
        return switch (status()) {
            case AWAITING_OFFICE -> SignOffStage.OFFICE;
            case AWAITING_LEADER -> SignOffStage.LEADER;
            default -> null;
        };
    }

    /** True when the revision may be public as far as sign-off goes: mode AUTO, or every required stage accepted it. */
    public boolean allowsPublication() {
        return mode == SignOffMode.AUTO || (mode != null && status() == Status.APPROVED);
    }
}
