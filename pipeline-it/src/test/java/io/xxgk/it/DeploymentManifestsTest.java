package io.xxgk.it;

import io.xxgk.contract.config.RequiredSettingsCheck;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.xxgk.contract.Topics;
import io.xxgk.it.deploy.DeploymentFiles;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the validators cannot see: the manifests are read strictly by fabric8's Kubernetes model and Strimzi's own
 * model ({@link DeploymentFiles}, {@code StrictModel}); whether they start the services is proven by
 * {@code DeploymentConfigIT}. This class checks the cross-references between files, against the project's own
 * sources (root pom, {@link Topics}, the services' configuration), never against values copied into it.
 */
class DeploymentManifestsTest {

    private static final DeploymentFiles FILES = DeploymentFiles.load();
    private static final String STRIMZI_V1 = "kafka.strimzi.io/v1";
    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1|localhost");

    @Test
    void everyKubernetesObjectIsAKnownKindWithNoUnknownField() {
        List<String> problems = new ArrayList<>();
        for (DeploymentFiles.Loaded l : FILES.objects) {
            HasMetadata o = l.object();
            String where = l.file() + " " + o.getKind() + "/" + o.getMetadata().getName();
            if (o instanceof GenericKubernetesResource) {
                problems.add(where + ": " + o.getApiVersion() + " " + o.getKind() + " is not a kind the fabric8 model or Strimzi's knows");
            }
            String strimziVersion = l.apiVersion().startsWith("kafka.strimzi.io/") ? l.apiVersion().substring("kafka.strimzi.io/".length()) : null;
            problems.addAll(io.xxgk.it.deploy.StrictModel.problems(o, where, strimziVersion));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void unknownFieldsAreFoundByTheStrictReading() {
        // the check above must be able to fail: a misspelt field is kept by the model in additionalProperties
        Deployment d = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replica: 2\n", Deployment.class);
        assertEquals(List.of("d.spec.replica: unknown field"), io.xxgk.it.deploy.StrictModel.problems(d, "d", null));
    }

    @Test
    void strimziResourcesAreKafkaStrimziIoV1WithKraftNodePools() {
        List<String> problems = new ArrayList<>();
        FILES.objects.stream().filter(l -> l.apiVersion().startsWith("kafka.strimzi.io/") && !l.apiVersion().equals(STRIMZI_V1))
                .forEach(l -> problems.add(l.file() + " " + l.object().getKind() + "/" + l.object().getMetadata().getName() + ": "
                        + l.apiVersion() + ", Strimzi 1.x serves only " + STRIMZI_V1));
        List<Kafka> kafkas = FILES.all(Kafka.class);
        assertEquals(1, kafkas.size(), "one Kafka cluster");
        String cluster = kafkas.get(0).getMetadata().getName();
        List<KafkaNodePool> pools = FILES.all(KafkaNodePool.class).stream()
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster"))).toList();
        if (pools.stream().noneMatch(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))) {
            problems.add("no KafkaNodePool of cluster " + cluster + " has the controller role (KRaft)");
        }
        if (pools.stream().noneMatch(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))) {
            problems.add("no KafkaNodePool of cluster " + cluster + " has the broker role");
        }
        FILES.all(KafkaTopic.class).stream().filter(t -> !cluster.equals(t.getMetadata().getLabels().get("strimzi.io/cluster")))
                .forEach(t -> problems.add("KafkaTopic " + t.getMetadata().getName() + " does not belong to cluster " + cluster));
        assertEquals(List.of(), problems);
    }

    @Test
    void oneKafkaVersionForRunShComposeAndKubernetes() throws Exception {
        String version = pomProperty(FILES.root.resolve("pom.xml"), "kafka.dist.version");
        Map<String, String> found = new LinkedHashMap<>();
        found.put("local-stack/kafka-dist/pom.xml kafka.version", pomProperty(FILES.root.resolve("local-stack/kafka-dist/pom.xml"), "kafka.version"));
        FILES.composeServices().forEach((name, s) -> {
            String image = String.valueOf(((Map<?, ?>) s).get("image"));
            if (image.startsWith("apache/kafka:")) {
                found.put("docker-compose.yml " + name + " image", image.substring("apache/kafka:".length()));
            }
        });
        FILES.all(Kafka.class).forEach(k -> found.put("deploy Kafka/" + k.getMetadata().getName() + " spec.kafka.version", k.getSpec().getKafka().getVersion()));
        assertTrue(found.size() >= 3, "found " + found);
        Map<String, String> differing = found.entrySet().stream().filter(e -> !version.equals(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), differing, "must equal the root pom's kafka.dist.version " + version);
    }

    @Test
    void topicsAreExactlyTheContractsTopics() throws Exception {
        Set<String> contract = new TreeSet<>();
        for (var f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && f.getName().equals(f.getName().toUpperCase()) && !f.getName().startsWith("CE_")) {
                contract.add((String) f.get(null));
            }
        }
        Set<String> kubernetes = FILES.all(KafkaTopic.class).stream()
                .map(t -> Optional.ofNullable(t.getSpec().getTopicName()).orElse(t.getMetadata().getName())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(contract, kubernetes, "deploy/kafka KafkaTopic names");
        Set<String> compose = new TreeSet<>();
        Matcher m = Pattern.compile("--topic\\s+(\\S+)").matcher(String.valueOf(FILES.composeService("kafka-init").get("command")));
        while (m.find()) {
            compose.add(m.group(1));
        }
        assertEquals(contract, compose, "docker-compose.yml kafka-init topics");
    }

    @Test
    void kustomizationListsExactlyTheManifestFiles() throws IOException {
        Path deploy = FILES.root.resolve("deploy");
        Set<String> present;
        try (Stream<Path> walk = Files.walk(deploy)) {
            present = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(p -> deploy.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.matches("kustomization\\.ya?ml")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, new TreeSet<>(FILES.resources));
        assertEquals(FILES.resources.size(), new TreeSet<>(FILES.resources).size(), "a file listed twice");
    }

    @Test
    void everyConfigMapSecretAndKeyThatAWorkloadReferencesExists() {
        List<String> problems = new ArrayList<>();
        for (HasMetadata o : workloads()) {
            PodSpec pod = podSpec(o);
            for (Container c : pod.getContainers()) {
                try {
                    FILES.containerEnv(o.getKind() + "/" + o.getMetadata().getName() + " " + c.getName(), c, UnaryOperator.identity());
                } catch (AssertionError e) {
                    problems.add(e.getMessage());
                }
            }
            Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream().filter(v -> v.getConfigMap() != null).forEach(v -> {
                var cm = FILES.find(io.fabric8.kubernetes.api.model.ConfigMap.class, v.getConfigMap().getName());
                if (cm.isEmpty()) {
                    problems.add(o.getMetadata().getName() + " volume " + v.getName() + ": no ConfigMap " + v.getConfigMap().getName());
                } else {
                    Optional.ofNullable(v.getConfigMap().getItems()).orElse(List.of()).stream()
                            .filter(i -> !cm.get().getData().containsKey(i.getKey()))
                            .forEach(i -> problems.add(o.getMetadata().getName() + " volume " + v.getName() + ": ConfigMap has no key " + i.getKey()));
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everySecretValueIsAPlaceholderTheOperatorMustReplace() {
        List<String> problems = new ArrayList<>();
        for (Secret s : FILES.all(Secret.class)) {
            DeploymentFiles.secretData(s).forEach((k, v) -> {
                if (!v.toUpperCase().contains("CHANGE-ME")) {
                    problems.add("Secret " + s.getMetadata().getName() + " " + k + " holds a value that would work in production");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    /**
     * Every setting of a service's own configuration that points at this machine (its local default), that it lists in
     * xxgk.production.required-settings, or that it requires with no default must be given by compose and by deploy/.
     * Derived from the service's application.properties and its @ConfigProperty injections, so a new required
     * setting is noticed here.
     */
    @Test
    void composeAndDeployGiveEveryServiceTheSettingsItCannotDefault() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String service : DeploymentFiles.SERVICES) {
            Set<String> needed = neededSettings(service);
            assertTrue(!needed.isEmpty(), service + ": found no setting to check");
            Set<String> compose = FILES.composeEnvironment(service).keySet();
            Map<String, String> k8s = FILES.containerEnv(service, FILES.container(FILES.get(Deployment.class, service)), UnaryOperator.identity());
            for (String property : needed) {
                String env = RequiredSettingsCheck.environmentName(property);
                if (!compose.contains(env)) {
                    problems.add("docker-compose.yml " + service + " does not set " + env + " (" + property + ")");
                }
                if (!k8s.containsKey(env)) {
                    problems.add("deploy/ " + service + " does not set " + env + " (" + property + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void servicesPointAtInfrastructureTheFilesDefine() {
        List<String> problems = new ArrayList<>();
        Pattern hostPort = Pattern.compile("(?:^|[/@,])([a-z][a-z0-9-]*):(\\d+)");
        Kafka kafka = FILES.all(Kafka.class).get(0);
        Set<String> kafkaEndpoints = kafka.getSpec().getKafka().getListeners().stream()
                .map(l -> kafka.getMetadata().getName() + "-kafka-bootstrap:" + l.getPort()).collect(Collectors.toSet());
        for (String service : DeploymentFiles.SERVICES) {
            Map<String, String> k8s = FILES.containerEnv(service, FILES.container(FILES.get(Deployment.class, service)), UnaryOperator.identity());
            k8s.forEach((k, v) -> {
                Matcher m = hostPort.matcher(v);
                while (m.find()) {
                    String hp = m.group(1) + ":" + m.group(2);
                    boolean service_ = FILES.find(Service.class, m.group(1)).map(s -> s.getSpec().getPorts().stream()
                            .anyMatch(p -> p.getPort() == Integer.parseInt(m.group(2)))).orElse(false);
                    if (!service_ && !kafkaEndpoints.contains(hp)) {
                        problems.add("deploy/ " + service + " " + k + "=" + v + ": no Service or Kafka listener " + hp);
                    }
                }
            });
            FILES.composeEnvironment(service).forEach((k, v) -> {
                Matcher m = hostPort.matcher(v);
                while (m.find()) {
                    if (!FILES.composeServices().containsKey(m.group(1))) {
                        problems.add("docker-compose.yml " + service + " " + k + "=" + v + ": no compose service " + m.group(1));
                    }
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    /** The image the service's build makes: {@code group/name:tag} of its {@code quarkus.container-image.*} settings (Jib). */
    private static String jibImage(String service) {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(FILES.root.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.getProperty("quarkus.container-image.group") + "/" + p.getProperty("quarkus.container-image.name") + ":"
                + p.getProperty("quarkus.container-image.tag");
    }

    @Test
    void imagesAndPortsAgreeBetweenComposeDeployAndProbes() {
        List<String> problems = new ArrayList<>();
        for (String service : DeploymentFiles.SERVICES) {
            Deployment d = FILES.get(Deployment.class, service);
            Container c = FILES.container(d);
            Object composeImage = FILES.composeService(service).get("image");
            if (!c.getImage().equals(composeImage)) {
                problems.add(service + ": image " + c.getImage() + " in deploy/, " + composeImage + " in docker-compose.yml");
            }
            if (!c.getImage().startsWith("xxgk/" + service + ":")) {
                problems.add(service + ": image " + c.getImage() + " is not named after the service");
            }
            String built = jibImage(service);
            if (!c.getImage().equals(built)) {
                problems.add(service + ": deploy/ runs " + c.getImage() + ", the build's Jib settings make " + built);
            }
            if (FILES.composeService(service).containsKey("build")) {
                problems.add(service + ": docker-compose.yml builds an image of its own; the images are Jib's");
            }
            Set<String> ports = Optional.ofNullable(c.getPorts()).orElse(List.of()).stream().map(ContainerPort::getName).collect(Collectors.toSet());
            for (Probe p : Stream.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()).filter(java.util.Objects::nonNull).toList()) {
                if (p.getHttpGet() == null || !p.getHttpGet().getPath().startsWith("/q/health/") || !ports.contains(p.getHttpGet().getPort().getStrVal())) {
                    problems.add(service + ": a probe is not an HTTP GET of /q/health/* on a named container port");
                }
            }
            if (c.getReadinessProbe() == null || !"/q/health/ready".equals(c.getReadinessProbe().getHttpGet().getPath())) {
                problems.add(service + ": readiness probe is not /q/health/ready");
            }
            if (!d.getSpec().getSelector().getMatchLabels().entrySet().stream()
                    .allMatch(e -> e.getValue().equals(d.getSpec().getTemplate().getMetadata().getLabels().get(e.getKey())))) {
                problems.add(service + ": the Deployment's selector does not select its own pods");
            }
        }
        for (Service s : FILES.all(Service.class)) {
            boolean selectsSomething = workloads().stream().anyMatch(w -> {
                Map<String, String> labels = podTemplateLabels(w);
                return labels != null && s.getSpec().getSelector().entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
            });
            if (!selectsSomething) {
                problems.add("Service " + s.getMetadata().getName() + " selects no workload");
            }
            for (ServicePort p : s.getSpec().getPorts()) {
                String target = p.getTargetPort() == null ? null : p.getTargetPort().getStrVal();
                boolean named = target == null || workloads().stream().flatMap(w -> podSpec(w).getContainers().stream())
                        .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()).anyMatch(cp -> target.equals(cp.getName()));
                if (!named) {
                    problems.add("Service " + s.getMetadata().getName() + " targets port " + target + ", which no container names");
                }
            }
        }
        // the infrastructure images are the same in compose and Kubernetes
        Map<String, String> composeImages = new LinkedHashMap<>();
        FILES.composeServices().forEach((n, s) -> composeImages.put(String.valueOf(((Map<?, ?>) s).get("image")).split(":")[0],
                String.valueOf(((Map<?, ?>) s).get("image"))));
        for (HasMetadata w : workloads()) {
            for (Container c : podSpec(w).getContainers()) {
                String repo = c.getImage().split(":")[0];
                if (composeImages.containsKey(repo) && !composeImages.get(repo).equals(c.getImage())) {
                    problems.add(w.getMetadata().getName() + ": " + c.getImage() + " but docker-compose.yml runs " + composeImages.get(repo));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void composeDependsOnlyOnServicesItDefines() {
        List<String> problems = new ArrayList<>();
        FILES.composeServices().forEach((name, s) -> {
            Object deps = ((Map<?, ?>) s).get("depends_on");
            Iterable<?> names = deps instanceof Map<?, ?> m ? m.keySet() : deps instanceof List<?> l ? l : List.of();
            for (Object d : names) {
                if (!FILES.composeServices().containsKey(String.valueOf(d))) {
                    problems.add(name + " depends on " + d + ", which is not defined");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    // ---- helpers

    private static Set<String> neededSettings(String service) throws IOException {
        Path dir = FILES.root.resolve(service).resolve("src/main");
        Set<String> needed = new TreeSet<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        java.util.Properties props = new java.util.Properties();
        try (var in = Files.newBufferedReader(dir.resolve("resources/application.properties"))) {
            props.load(in);
        }
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key);
            String property = key.startsWith("%prod.") ? key.substring("%prod.".length()) : key;
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            defaults.put(property, value);
            // a local default, or a reference to a setting with no default of its own
            if (LOOPBACK.matcher(value).find()
                    || (value.matches("\\$\\{[^:}]+}") && !props.containsKey(value.substring(2, value.length() - 1)))) {
                needed.add(property);
            }
        }
        // what the service itself declares it cannot start without in production (contract's RequiredSettingsCheck)
        String required = props.getProperty("xxgk.production.required-settings", "");
        for (String property : required.split(",")) {
            if (!property.isBlank()) {
                needed.add(property.strip());
            }
        }
        // an injection with no default that is not Optional
        Pattern inject = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"\\s*\\)\\s+(?!Optional)");
        try (Stream<Path> java = Files.walk(dir.resolve("java"))) {
            for (Path f : java.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = inject.matcher(Files.readString(f));
                while (m.find()) {
                    if (!defaults.containsKey(m.group(1)) || LOOPBACK.matcher(defaults.get(m.group(1))).find()) {
                        needed.add(m.group(1));
                    }
                }
            }
        }
        // the credentials that go with a local address: the local ones would not open the real server
        Set<String> groups = needed.stream().map(p -> p.substring(0, p.lastIndexOf('.') + 1)).collect(Collectors.toSet());
        for (String property : defaults.keySet()) {
            if (groups.stream().anyMatch(g -> property.startsWith(g) && property.indexOf('.', g.length()) < 0)
                    && property.matches(".*(username|password|access-key|secret-key|token)$")) {
                needed.add(property);
            }
        }
        if (needed.contains("quarkus.datasource.jdbc.url")) {
            needed.add("quarkus.datasource.username");
            needed.add("quarkus.datasource.password");
        }
        return needed;
    }

    private static List<HasMetadata> workloads() {
        List<HasMetadata> w = new ArrayList<>();
        w.addAll(FILES.all(Deployment.class));
        w.addAll(FILES.all(StatefulSet.class));
        w.addAll(FILES.all(Job.class));
        return w;
    }

    private static PodSpec podSpec(HasMetadata w) {
        if (w instanceof Deployment d) {
            return d.getSpec().getTemplate().getSpec();
        }
        if (w instanceof StatefulSet s) {
            return s.getSpec().getTemplate().getSpec();
        }
        return ((Job) w).getSpec().getTemplate().getSpec();
    }

    private static Map<String, String> podTemplateLabels(HasMetadata w) {
        if (w instanceof Deployment d) {
            return d.getSpec().getTemplate().getMetadata().getLabels();
        }
        if (w instanceof StatefulSet s) {
            return s.getSpec().getTemplate().getMetadata().getLabels();
        }
        return ((Job) w).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static String pomProperty(Path pom, String name) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        var nodes = doc.getElementsByTagName(name);
        assertTrue(nodes.getLength() > 0, pom + " has no property " + name);
        return nodes.item(0).getTextContent().trim();
    }
}
