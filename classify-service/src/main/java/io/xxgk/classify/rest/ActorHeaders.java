package io.xxgk.classify.rest;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * HTTP header values are ISO-8859-1 on the wire, and names and departments are Chinese. The console sends them
 * percent-encoded UTF-8 ({@code %E6%9D%8E...}); raw UTF-8 bytes (read here as ISO-8859-1) are accepted too.
 */
final class ActorHeaders {

    private ActorHeaders() {
    }

    static String decode(String value) {
        if (value == null) {
            return null;
        }
        if (value.indexOf('%') >= 0) {
            try {
                return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already decoded
            }
            high |= c > 0x7F;
        }
        if (!high) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }
}
