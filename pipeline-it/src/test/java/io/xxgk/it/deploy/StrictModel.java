package io.xxgk.it.deploy;

import io.strimzi.crdgenerator.annotations.PresentInVersions;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strictness the model classes leave to their user: fabric8's and Strimzi's classes keep a field they do not know in
 * {@code additionalProperties} instead of failing, so every such field anywhere in an object is a problem here; and
 * a Strimzi property that the object's API version does not serve ({@link PresentInVersions}) is one too.
 */
public final class StrictModel {

    private static final List<String> ORDER = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private StrictModel() {
    }

    /** Every unknown field (and, when {@code apiVersion} is given, every property that version does not serve). */
    public static List<String> problems(Object root, String where, String apiVersion) {
        List<String> problems = new ArrayList<>();
        walk(root, where, apiVersion, problems, new IdentityHashMap<>());
        return problems;
    }

    private static void walk(Object o, String path, String apiVersion, List<String> problems, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", apiVersion, problems, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, apiVersion, problems, seen));
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!(pkg.startsWith("io.fabric8.") || pkg.startsWith("io.strimzi."))) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class || m.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (value == null) {
                continue;
            }
            String property = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            if (property.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> problems.add(path + "." + k + ": unknown field"));
                }
                continue;
            }
            PresentInVersions present = m.getAnnotation(PresentInVersions.class);
            if (apiVersion != null && present != null && !served(present.value(), apiVersion)
                    && !(value instanceof Collection<?> c && c.isEmpty()) && !(value instanceof Map<?, ?> mm && mm.isEmpty())) {
                problems.add(path + "." + property + ": not served by " + apiVersion + " (only " + present.value() + ")");
            }
            walk(value, path + "." + property, apiVersion, problems, seen);
        }
    }

    /** Strimzi's version ranges: "v1beta2", "v1alpha1-v1beta2", "v1beta2+", comma separated. */
    static boolean served(String ranges, String version) {
        int v = ORDER.indexOf(version);
        for (String r : ranges.split(",")) {
            r = r.trim();
            if (r.endsWith("+") && v >= ORDER.indexOf(r.substring(0, r.length() - 1))) {
                return true;
            }
            if (r.contains("-")) {
                String[] ab = r.split("-");
                if (v >= ORDER.indexOf(ab[0]) && v <= ORDER.indexOf(ab[1])) {
                    return true;
                }
            }
            if (r.equals(version)) {
                return true;
            }
        }
        return false;
    }
}
