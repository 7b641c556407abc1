package io.xxgk.publish.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.EventCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** Reading catalogue_entry columns out of native query rows. */
public final class EntryColumns {

    private static final TypeReference<List<AttachmentRef>> ATTACHMENTS = new TypeReference<>() {
    };

    private EntryColumns() {
    }

    public static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }

    /** The attachments column holds a JSON array of references (or null). */
    public static List<AttachmentRef> attachments(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventCodec.mapper().readValue(json, ATTACHMENTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
