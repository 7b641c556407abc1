package io.xxgk.console.rest;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the pages: Beijing time to the second ({@code {event.at.local}}), not raw UTC instants. */
@TemplateExtension
public final class TimeFormat {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private TimeFormat() {
    }

    static String local(Instant at) {
        return at == null ? "" : LOCAL.format(at);
    }
}
