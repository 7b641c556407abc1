package io.xxgk.ingest.rest;

import io.xxgk.contract.problem.ProblemException;
import java.util.UUID;

/** Ids in paths: text that is not a UUID is a resource that does not exist, said in both languages. */
final class Uuids {

    private Uuids() {
    }

    static UUID parse(String id, String what) {
        try {
            if (id != null && id.length() <= 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        String shown = id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "…" : id;
        shown = shown.replaceAll("\\p{Cntrl}", "?");
        throw ProblemException.notFound("没有这个" + what + "：id '" + shown + "' 不是有效的 UUID / no " + what + " with id '" + shown
                + "' (id must be a UUID)");
    }
}
