package io.xxgk.contract.event;

/** How a school signs off an item before it is public (一事一审). */
public enum SignOffMode {
    /** Today's behaviour: a confident item without personal data publishes itself; held items wait for the office. */
    AUTO,
    /** Every item waits for the 信息公开办公室 (office reviewer). */
    OFFICE,
    /** The office reviewer (审核), then the 分管领导 (leader, 审定). */
    TWO_LEVEL
}
