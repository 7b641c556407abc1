package io.xxgk.classify.screening;

/**
 * How sure the screener is that a finding really is personal data. Every finding is masked regardless of confidence;
 * the level only helps a reviewer judge it.
 */
public enum Confidence {
    /** Structurally validated with a strong check (18-digit resident ID checksum, mobile number, e-mail syntax). */
    HIGH,
    /** Validated with a weak check: the Luhn digit of a bank card matches one random number in ten. */
    MEDIUM,
    /** Only plausibility checks (15-digit resident ID: province code and birth date, no check character). */
    LOW
}
