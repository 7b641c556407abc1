package io.xxgk.contract.event;

/** Who signs off at this step: the 信息公开办公室 (审核) or the 分管领导 (审定). */
public enum SignOffStage {
    OFFICE, LEADER
}
