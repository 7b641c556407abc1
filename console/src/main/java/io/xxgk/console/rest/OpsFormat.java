package io.xxgk.console.rest;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the operations pages write times and durations: Beijing time to the second, ages in words. */
@TemplateExtension
public class OpsFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    static String opsTime(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** {@code 3 分 12 秒} */
    static String opsAge(long seconds) {
        if (seconds < 60) {
            return seconds + " 秒";
        }
        if (seconds < 3600) {
            return seconds / 60 + " 分 " + seconds % 60 + " 秒";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " 小时 " + seconds % 3600 / 60 + " 分";
        }
        return seconds / 86_400 + " 天 " + seconds % 86_400 / 3600 + " 小时";
    }
}
