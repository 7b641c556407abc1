package io.xxgk.it.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml and the Kubernetes manifests under deploy/ as the tests read them: compose as plain YAML
 * (SnakeYAML), every Kubernetes object typed by the fabric8 model, every Strimzi resource by Strimzi's own model.
 */
public final class DeploymentFiles {

    public static final List<String> SERVICES = List.of("ingest-service", "classify-service", "publish-service", "console");
    private static final String STRIMZI_GROUP = "kafka.strimzi.io/";

    public final Path root;
    public final Map<String, Object> compose;
    /** The files kustomization.yaml lists, in its order. */
    public final List<String> resources;
    /** Every object of those files, typed (fabric8 or Strimzi), with the file it came from. */
    public final List<Loaded> objects;

    /** {@code apiVersion}: as written (Strimzi's classes report the version they were generated for). */
    public record Loaded(String file, String apiVersion, HasMetadata object) {
    }

    private DeploymentFiles(Path root) throws IOException {
        this.root = root;
        this.compose = yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        Map<String, Object> kustomization = yaml().load(Files.readString(root.resolve("deploy/kustomization.yaml")));
        @SuppressWarnings("unchecked")
        List<String> res = (List<String>) kustomization.get("resources");
        this.resources = List.copyOf(res);
        KubernetesSerialization kubernetes = new KubernetesSerialization();
        ObjectMapper strimzi = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<Loaded> all = new ArrayList<>();
        for (String file : resources) {
            String text = Files.readString(root.resolve("deploy").resolve(file), StandardCharsets.UTF_8);
            for (Object raw : yaml().loadAll(text)) {
                if (raw == null) {
                    continue;
                }
                String doc = yaml().dump(raw);
                String apiVersion = String.valueOf(((Map<?, ?>) raw).get("apiVersion"));
                String kind = String.valueOf(((Map<?, ?>) raw).get("kind"));
                HasMetadata object;
                if (apiVersion.startsWith(STRIMZI_GROUP)) {
                    Class<? extends HasMetadata> type = switch (kind) {
                        case "Kafka" -> Kafka.class;
                        case "KafkaNodePool" -> KafkaNodePool.class;
                        case "KafkaTopic" -> KafkaTopic.class;
                        default -> throw new IllegalArgumentException(file + ": Strimzi kind " + kind + " is not validated here");
                    };
                    object = strimzi.readValue(doc, type);
                } else {
                    object = kubernetes.unmarshal(doc);
                }
                all.add(new Loaded(file, apiVersion, object));
            }
        }
        this.objects = List.copyOf(all);
    }

    public static DeploymentFiles load() {
        try {
            return new DeploymentFiles(projectRoot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's root: pipeline-it runs with its own folder as working directory. */
    public static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("docker-compose.yml")) ? here : here.getParent();
    }

    public static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().map(Loaded::object).filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("deploy/: no " + type.getSimpleName() + " named " + name));
    }

    /** A Secret's keys and values (stringData and data, as the API server merges them). */
    public static Map<String, String> secretData(Secret s) {
        Map<String, String> data = new LinkedHashMap<>();
        if (s.getData() != null) {
            s.getData().forEach((k, v) -> data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (s.getStringData() != null) {
            data.putAll(s.getStringData());
        }
        return data;
    }

    /**
     * The environment a container receives: its envFrom sources in order, then its env (which wins), with
     * {@code secretValue} applied to every value taken from a Secret (the operator's replacement of placeholders).
     * A reference to a missing ConfigMap, Secret or key fails, naming it.
     */
    public Map<String, String> containerEnv(String where, Container c, UnaryOperator<String> secretValue) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                configMap(where, from.getConfigMapRef().getName()).forEach((k, v) -> env.put(prefix + k, v));
            }
            if (from.getSecretRef() != null) {
                secret(where, from.getSecretRef().getName()).forEach((k, v) -> env.put(prefix + k, secretValue.apply(v)));
            }
        }
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), e.getValue() == null ? "" : e.getValue());
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                env.put(e.getName(), key(where + " env " + e.getName(), "ConfigMap " + ref.getName(), configMap(where, ref.getName()), ref.getKey()));
            } else if (e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                env.put(e.getName(), secretValue.apply(key(where + " env " + e.getName(), "Secret " + ref.getName(), secret(where, ref.getName()), ref.getKey())));
            }
        }
        return env;
    }

    private Map<String, String> configMap(String where, String name) {
        ConfigMap cm = find(ConfigMap.class, name).orElseThrow(() -> new AssertionError(where + ": refers to ConfigMap " + name + ", which deploy/ does not define"));
        return cm.getData() == null ? Map.of() : cm.getData();
    }

    private Map<String, String> secret(String where, String name) {
        Secret s = find(Secret.class, name).orElseThrow(() -> new AssertionError(where + ": refers to Secret " + name + ", which deploy/ does not define"));
        return secretData(s);
    }

    private static String key(String where, String source, Map<String, String> data, String key) {
        String v = data.get(key);
        if (v == null) {
            throw new AssertionError(where + ": " + source + " has no key " + key);
        }
        return v;
    }

    public Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    // ---- compose

    @SuppressWarnings("unchecked")
    public Map<String, Object> composeService(String name) {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Object s = services.get(name);
        if (s == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return (Map<String, Object>) s;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> composeServices() {
        return (Map<String, Object>) compose.get("services");
    }

    /** A compose service's environment, as written (map or list form), not yet interpolated. */
    public Map<String, String> composeEnvironment(String service) {
        Object env = composeService(service).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> l) {
            for (Object o : l) {
                String s = String.valueOf(o);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return out;
    }

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    /**
     * Compose's variable interpolation ({@code ${X}}, {@code ${X:-default}}, {@code ${X:?error}}, {@code $$}) with
     * {@code dotEnv} as the .env file; a required variable that is not set fails with compose's own message.
     */
    public static String interpolate(String value, Map<String, String> dotEnv) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                String set = dotEnv.get(m.group(1));
                boolean empty = set == null || (m.group(2) != null && m.group(2).startsWith(":") && set.isEmpty());
                String op = m.group(2) == null ? "" : m.group(2).replace(":", "");
                if (!empty) {
                    replacement = set;
                } else if (op.equals("-")) {
                    replacement = m.group(3);
                } else if (op.equals("?")) {
                    throw new AssertionError("docker compose would refuse: " + m.group(1) + ": " + m.group(3));
                } else {
                    replacement = "";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The names of the variables compose requires from .env ({@code ${X:?...}}), anywhere in the file. */
    public List<String> composeRequiredVariables() throws IOException {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?").matcher(Files.readString(root.resolve("docker-compose.yml")));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
