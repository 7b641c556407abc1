package io.xxgk.contract.problem;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.UUID;

/** The JSON type a Java type is read from, in Chinese and English, for "wrong JSON type" errors. */
final class JsonTypes {

    private JsonTypes() {
    }

    /** {Chinese, English}. */
    static String[] describe(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return new String[]{"数组", "a JSON array"};
        }
        if (type == String.class) {
            return new String[]{"字符串", "a JSON string"};
        }
        if (type == Boolean.class || type == boolean.class) {
            return new String[]{"布尔值 true 或 false", "true or false"};
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return new String[]{"数字", "a JSON number"};
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return new String[]{"ISO 格式的日期时间字符串", "an ISO date-time string"};
        }
        if (type == UUID.class) {
            return new String[]{"UUID 字符串", "a UUID string"};
        }
        return new String[]{"JSON 对象", "a JSON object"};
    }
}
