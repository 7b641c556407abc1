package io.xxgk.publish.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares in percent, to one decimal, rounded half-up (548 items, 40 of them: 7.3). */
public final class Percent {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(1);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    public static BigDecimal of(long part, long whole) {
        if (whole <= 0) {
            return ZERO;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
