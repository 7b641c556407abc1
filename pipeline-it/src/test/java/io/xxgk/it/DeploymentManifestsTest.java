package io.xxgk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates the production deployment path without a Docker engine or a cluster:
 * {@code docker-compose.yml}, the Kubernetes manifests under {@code deploy/} and the
 * services' {@code Dockerfile.jvm}s are parsed (SnakeYAML) and cross-checked so that a
 * renamed Secret key, a port that no longer matches, a probe on the wrong path or a
 * topic missing from one of the two stacks fails the build.
 *
 * <p>Plain JUnit 5, no Quarkus: the files are found relative to the project root,
 * the first directory at or above the working directory that holds docker-compose.yml.
 */
class DeploymentManifestsTest {

    private static final String NAMESPACE = "xxgk";

    /** The three services and their HTTP ports (QUARKUS_HTTP_PORT). */
    private static final Map<String, Integer> APP_PORTS = orderedMap(
            "ingest-service", 8081,
            "classify-service", 8082,
            "publish-service", 8083);

    /** Each service has its own database and role of the same name. */
    private static final Map<String, String> APP_DATABASES = orderedMap(
            "ingest-service", "ingest",
            "classify-service", "classify",
            "publish-service", "publish");

    /** Services that must run with 2 replicas and be covered by a PodDisruptionBudget. */
    private static final Set<String> HA_APPS = Set.of("ingest-service", "publish-service");

    private static final String IMAGE_TAG = "0.1.0";

    /** The pipeline's topics and their partition counts. */
    private static final Map<String, Integer> TOPIC_PARTITIONS = orderedMap(
            "disclosure.items.submitted.v1", 6,
            "disclosure.items.classified.v1", 6,
            "disclosure.requests.v1", 6,
            "disclosure.items.dlq", 1);

    private static final int K8S_TOPIC_REPLICAS = 3;

    private static final String STORAGE_BUCKET = "xxgk-attachments";

    private static final List<String> REQUIRED_APP_ENV = List.of(
            "QUARKUS_HTTP_PORT",
            "KAFKA_BOOTSTRAP_SERVERS",
            "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD");

    private static final List<String> REQUIRED_INGEST_ENV = List.of(
            "XXGK_STORAGE_ENDPOINT",
            "XXGK_STORAGE_ACCESS_KEY",
            "XXGK_STORAGE_SECRET_KEY",
            "XXGK_STORAGE_BUCKET",
            "XXGK_ADMIN_TOKEN");

    /** Must never be literal values or ConfigMap entries in Kubernetes. */
    private static final Set<String> SECRET_ENV = Set.of(
            "QUARKUS_DATASOURCE_PASSWORD",
            "XXGK_STORAGE_ACCESS_KEY",
            "XXGK_STORAGE_SECRET_KEY",
            "XXGK_ADMIN_TOKEN");

    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
            "PersistentVolume", "StorageClass", "PriorityClass");

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private static Path root;
    private static Path deployDir;
    private static Map<String, Object> compose;
    private static String composeError;
    private static final List<Doc> docs = new ArrayList<>();
    private static final List<String> parseErrors = new ArrayList<>();
    private static final List<Path> yamlFiles = new ArrayList<>();
    private static Map<String, Object> kustomization;

    /** One YAML document of a file under deploy/. */
    record Doc(Path file, int index, Map<String, Object> body) {
        String kind() {
            return str(body.get("kind"));
        }

        String name() {
            return str(map(body.get("metadata")).get("name"));
        }

        String namespace() {
            return str(map(body.get("metadata")).get("namespace"));
        }

        String where() {
            return root.relativize(file) + "#" + index + " " + kind() + "/" + name();
        }
    }

    // ------------------------------------------------------------------ loading

    @BeforeAll
    static void load() throws IOException {
        root = findProjectRoot();
        deployDir = root.resolve("deploy");
        assertTrue(Files.isDirectory(deployDir), "no deploy/ directory next to " + root.resolve("docker-compose.yml"));

        try (Reader r = Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            compose = map(yaml().load(r));
        } catch (RuntimeException e) {
            composeError = e.toString();
        }

        try (Stream<Path> walk = Files.walk(deployDir)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .forEach(yamlFiles::add);
        }
        for (Path file : yamlFiles) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int index = 0;
                int nonEmpty = 0;
                for (Object o : yaml().loadAll(r)) {
                    if (o == null) {
                        index++;
                        continue;
                    }
                    nonEmpty++;
                    if (!(o instanceof Map)) {
                        parseErrors.add(rel(file) + "#" + index + ": top level is not a mapping but " + o.getClass().getSimpleName());
                    } else if (file.getFileName().toString().matches("kustomization\\.ya?ml")) {
                        kustomization = map(o);
                    } else {
                        docs.add(new Doc(file, index, map(o)));
                    }
                    index++;
                }
                if (nonEmpty == 0) {
                    parseErrors.add(rel(file) + ": contains no YAML document");
                }
            } catch (RuntimeException e) {
                parseErrors.add(rel(file) + ": " + e.getMessage());
            }
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // kubectl and compose reject them too
        return new Yaml(new SafeConstructor(options));
    }

    private static Path findProjectRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("docker-compose.yml"))) {
                return d;
            }
        }
        fail("no docker-compose.yml found at or above " + dir);
        return null;
    }

    private static Map<String, Object> compose() {
        assertNotNull(compose, () -> "docker-compose.yml does not parse: " + composeError);
        return compose;
    }

    // ================================================================== Kubernetes

    @Test
    void everyYamlFileUnderDeployParses() {
        assertTrue(parseErrors.isEmpty(), () -> "YAML under deploy/ does not parse:\n - " + String.join("\n - ", parseErrors));
        assertNotNull(kustomization, "deploy/kustomization.yaml is missing");
        assertTrue(docs.size() >= 20, "expected the whole stack under deploy/, found only " + docs.size() + " documents");
    }

    @Test
    void everyKubernetesDocumentHasApiVersionKindNameAndNamespace() {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Doc d : docs) {
            String where = rel(d.file()) + "#" + d.index();
            if (isBlank(d.body().get("apiVersion"))) problems.add(where + ": no apiVersion");
            if (isBlank(d.body().get("kind"))) problems.add(where + ": no kind");
            if (isBlank(d.name())) {
                problems.add(where + ": no metadata.name");
                continue;
            }
            if (d.name().length() > 253 || !DNS_SUBDOMAIN.matcher(d.name()).matches()) {
                problems.add(d.where() + ": metadata.name is not a valid DNS subdomain");
            }
            if (CLUSTER_SCOPED_KINDS.contains(d.kind())) {
                if (d.namespace() != null) problems.add(d.where() + ": cluster-scoped resource must not have a namespace");
            } else if (!NAMESPACE.equals(d.namespace())) {
                problems.add(d.where() + ": metadata.namespace is " + d.namespace() + ", expected " + NAMESPACE);
            }
            String key = d.body().get("apiVersion") + " " + d.kind() + "/" + d.name();
            String previous = seen.put(key, d.where());
            if (previous != null) problems.add(d.where() + ": defined twice (also " + previous + ")");
            // label and annotation values must be strings: an unquoted true or 1 is rejected by the API server
            for (String field : List.of("labels", "annotations")) {
                map(map(d.body().get("metadata")).get(field)).forEach((k, v) -> {
                    if (!(v instanceof String)) problems.add(d.where() + ": metadata." + field + "." + k + " must be a quoted string, is " + v);
                });
            }
            podTemplate(d).ifPresent(pod -> {
                for (String field : List.of("labels", "annotations")) {
                    map(map(pod.get("metadata")).get(field)).forEach((k, v) -> {
                        if (!(v instanceof String)) problems.add(d.where() + ": pod template " + field + "." + k + " must be a quoted string, is " + v);
                    });
                }
                for (Map<String, Object> c : allContainers(map(pod.get("spec")))) {
                    for (Map<String, Object> e : maps(c.get("env"))) {
                        if (e.containsKey("value") && !(e.get("value") instanceof String)) {
                            problems.add(d.where() + " container " + c.get("name") + ": env " + e.get("name") + " value must be a quoted string, is " + e.get("value"));
                        }
                    }
                }
            });
            if ("ConfigMap".equals(d.kind()) || "Secret".equals(d.kind())) {
                for (String field : List.of("data", "stringData")) {
                    map(d.body().get(field)).forEach((k, v) -> {
                        if (!(v instanceof String)) problems.add(d.where() + ": " + field + "." + k + " must be a quoted string, is " + v);
                    });
                }
            }
        }
        assertTrue(seen.containsKey("v1 Namespace/" + NAMESPACE), "deploy/ must define the Namespace " + NAMESPACE);
        assertNoProblems(problems);
    }

    @Test
    void kustomizationListsExactlyTheManifestFiles() throws IOException {
        assertNotNull(kustomization, "deploy/kustomization.yaml is missing or does not parse");
        assertEquals(NAMESPACE, str(kustomization.get("namespace")), "kustomization.yaml namespace");
        List<String> listed = list(kustomization.get("resources")).stream().map(DeploymentManifestsTest::str).toList();
        assertFalse(listed.isEmpty(), "kustomization.yaml lists no resources");

        List<String> problems = new ArrayList<>();
        Set<String> listedSet = new TreeSet<>();
        for (String entry : listed) {
            String normalized = deployDir.relativize(deployDir.resolve(entry).normalize()).toString().replace('\\', '/');
            if (!listedSet.add(normalized)) problems.add("listed twice: " + entry);
            if (!Files.isRegularFile(deployDir.resolve(entry))) problems.add("listed but missing: " + entry);
        }
        Set<String> present = new TreeSet<>();
        for (Path f : yamlFiles) {
            String relative = deployDir.relativize(f).toString().replace('\\', '/');
            if (!relative.matches("kustomization\\.ya?ml")) present.add(relative);
        }
        for (String p : present) {
            if (!listedSet.contains(p)) problems.add("present but not listed: " + p);
        }
        assertNoProblems(problems);
    }

    @Test
    void deploymentsHaveQuarkusHealthProbesResourcesAndPinnedImages() {
        List<Doc> deployments = ofKind("Deployment");
        assertEquals(APP_PORTS.keySet(), deployments.stream().map(Doc::name).collect(Collectors.toSet()),
                "the Deployments under deploy/ should be exactly the three services");
        List<String> problems = new ArrayList<>();
        for (Doc d : deployments) {
            Map<String, Object> spec = map(d.body().get("spec"));
            Map<String, Object> pod = podTemplate(d).orElseThrow();
            Map<String, Object> podLabels = map(map(pod.get("metadata")).get("labels"));
            Map<String, Object> matchLabels = map(map(spec.get("selector")).get("matchLabels"));
            if (matchLabels.isEmpty()) problems.add(d.where() + ": spec.selector.matchLabels is empty");
            if (!contains(podLabels, matchLabels)) {
                problems.add(d.where() + ": selector " + matchLabels + " does not match the pod labels " + podLabels);
            }
            int expectedReplicas = HA_APPS.contains(d.name()) ? 2 : 1;
            if (intOf(spec.getOrDefault("replicas", 1)) < expectedReplicas) {
                problems.add(d.where() + ": replicas " + spec.get("replicas") + " < " + expectedReplicas);
            }
            List<Map<String, Object>> containers = maps(map(pod.get("spec")).get("containers"));
            if (containers.isEmpty()) problems.add(d.where() + ": no containers");
            for (Map<String, Object> c : containers) {
                String where = d.where() + " container " + c.get("name");
                String expectedImage = "xxgk/" + d.name() + ":" + IMAGE_TAG;
                if (!str(c.get("image")).endsWith(expectedImage)) {
                    problems.add(where + ": image " + c.get("image") + ", expected " + expectedImage);
                }
                Map<String, String> expectedPaths = orderedMap(
                        "livenessProbe", "/q/health/live",
                        "readinessProbe", "/q/health/ready",
                        "startupProbe", "/q/health/");
                expectedPaths.forEach((probeName, expectedPath) -> {
                    Map<String, Object> probe = map(c.get(probeName));
                    Map<String, Object> httpGet = map(probe.get("httpGet"));
                    if (probe.isEmpty()) {
                        problems.add(where + ": no " + probeName);
                    } else if (httpGet.isEmpty()) {
                        problems.add(where + ": " + probeName + " is not an httpGet probe on the Quarkus health endpoints");
                    } else {
                        String path = str(httpGet.get("path"));
                        if (path == null || !path.startsWith(expectedPath)) {
                            problems.add(where + ": " + probeName + " path " + path + ", expected " + expectedPath + "…");
                        }
                        if (resolvePort(c, httpGet.get("port")).isEmpty()) {
                            problems.add(where + ": " + probeName + " port " + httpGet.get("port") + " is not a declared container port");
                        }
                    }
                });
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyWorkloadHasResourceLimitsAndRunsAsNonRoot() {
        List<Doc> workloads = workloads();
        assertTrue(workloads.size() >= 5, "expected 3 Deployments, 2 StatefulSets and a Job, found " + workloads.size() + " workloads");
        List<String> problems = new ArrayList<>();
        for (Doc d : workloads) {
            Map<String, Object> podSpec = map(podTemplate(d).orElseThrow().get("spec"));
            Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
            for (Map<String, Object> c : allContainers(podSpec)) {
                String where = d.where() + " container " + c.get("name");
                Map<String, Object> security = map(c.get("securityContext"));
                Object runAsNonRoot = security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot"));
                if (!Boolean.TRUE.equals(runAsNonRoot)) problems.add(where + ": runAsNonRoot is not true");
                Object runAsUser = security.getOrDefault("runAsUser", podSecurity.get("runAsUser"));
                if (runAsUser != null && intOf(runAsUser) == 0) problems.add(where + ": runAsUser 0");
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    problems.add(where + ": securityContext.allowPrivilegeEscalation must be false");
                }
                if (!list(map(security.get("capabilities")).get("drop")).contains("ALL")) {
                    problems.add(where + ": securityContext.capabilities.drop must contain ALL");
                }
                Object seccomp = map(security.getOrDefault("seccompProfile", podSecurity.get("seccompProfile"))).get("type");
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    problems.add(where + ": seccompProfile.type must be RuntimeDefault");
                }
                if (str(c.get("image")) == null || !hasPinnedTag(str(c.get("image")))) {
                    problems.add(where + ": image " + c.get("image") + " has no pinned tag");
                }
                Map<String, Object> resources = map(c.get("resources"));
                Map<String, Object> requests = map(resources.get("requests"));
                Map<String, Object> limits = map(resources.get("limits"));
                for (String r : List.of("cpu", "memory")) {
                    if (limits.get(r) == null) {
                        problems.add(where + ": no resources.limits." + r);
                    }
                    if (requests.get(r) == null) {
                        problems.add(where + ": no resources.requests." + r);
                    }
                    if (limits.get(r) != null && requests.get(r) != null) {
                        try {
                            if (quantity(str(requests.get(r))).compareTo(quantity(str(limits.get(r)))) > 0) {
                                problems.add(where + ": requests." + r + " " + requests.get(r) + " exceeds limits." + r + " " + limits.get(r));
                            }
                        } catch (IllegalArgumentException e) {
                            problems.add(where + ": " + e.getMessage());
                        }
                    }
                }
            }
            // every mounted volume must be declared (or come from a volumeClaimTemplate)
            Set<String> volumes = new HashSet<>();
            maps(podSpec.get("volumes")).forEach(v -> volumes.add(str(v.get("name"))));
            maps(map(d.body().get("spec")).get("volumeClaimTemplates"))
                    .forEach(t -> volumes.add(str(map(t.get("metadata")).get("name"))));
            for (Map<String, Object> c : allContainers(podSpec)) {
                for (Map<String, Object> m : maps(c.get("volumeMounts"))) {
                    if (!volumes.contains(str(m.get("name")))) {
                        problems.add(d.where() + " container " + c.get("name") + ": mounts undeclared volume " + m.get("name"));
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void statefulSetsHavePersistentVolumesAndAHeadlessGoverningService() {
        List<Doc> statefulSets = ofKind("StatefulSet");
        assertEquals(Set.of("postgres", "minio"), statefulSets.stream().map(Doc::name).collect(Collectors.toSet()),
                "PostgreSQL and MinIO run as StatefulSets");
        List<String> problems = new ArrayList<>();
        for (Doc d : statefulSets) {
            Map<String, Object> spec = map(d.body().get("spec"));
            List<Map<String, Object>> claims = maps(spec.get("volumeClaimTemplates"));
            if (claims.isEmpty()) problems.add(d.where() + ": no volumeClaimTemplates");
            Set<String> mounted = new HashSet<>();
            allContainers(map(podTemplate(d).orElseThrow().get("spec")))
                    .forEach(c -> maps(c.get("volumeMounts")).forEach(m -> mounted.add(str(m.get("name")))));
            for (Map<String, Object> claim : claims) {
                String name = str(map(claim.get("metadata")).get("name"));
                if (!mounted.contains(name)) problems.add(d.where() + ": volumeClaimTemplate " + name + " is not mounted");
                if (map(map(map(claim.get("spec")).get("resources")).get("requests")).get("storage") == null) {
                    problems.add(d.where() + ": volumeClaimTemplate " + name + " has no storage request");
                }
            }
            String serviceName = str(spec.get("serviceName"));
            Optional<Doc> service = find("Service", serviceName);
            if (service.isEmpty()) {
                problems.add(d.where() + ": serviceName " + serviceName + " is not a Service under deploy/");
            } else if (!"None".equals(str(map(service.get().body().get("spec")).get("clusterIP")))) {
                problems.add(d.where() + ": governing Service " + serviceName + " must be headless (clusterIP: None)");
            }
            Map<String, Object> podLabels = map(map(podTemplate(d).orElseThrow().get("metadata")).get("labels"));
            Map<String, Object> matchLabels = map(map(spec.get("selector")).get("matchLabels"));
            if (matchLabels.isEmpty() || !contains(podLabels, matchLabels)) {
                problems.add(d.where() + ": selector " + matchLabels + " does not match the pod labels " + podLabels);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyServiceSelectsAWorkloadAndTargetsADeclaredPort() {
        List<Doc> services = ofKind("Service");
        assertFalse(services.isEmpty(), "no Services under deploy/");
        List<String> problems = new ArrayList<>();
        for (Doc s : services) {
            Map<String, Object> spec = map(s.body().get("spec"));
            Map<String, Object> selector = map(spec.get("selector"));
            if (selector.isEmpty()) {
                problems.add(s.where() + ": no selector");
                continue;
            }
            List<Doc> selected = workloads().stream()
                    .filter(w -> Objects.equals(w.namespace(), s.namespace()))
                    .filter(w -> contains(map(map(podTemplate(w).orElseThrow().get("metadata")).get("labels")), selector))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(s.where() + ": selector " + selector + " matches the pods of no Deployment/StatefulSet under deploy/");
                continue;
            }
            List<Map<String, Object>> ports = maps(spec.get("ports"));
            if (ports.isEmpty()) problems.add(s.where() + ": no ports");
            for (Map<String, Object> port : ports) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                for (Doc w : selected) {
                    boolean declared = allContainers(map(podTemplate(w).orElseThrow().get("spec"))).stream()
                            .anyMatch(c -> resolvePort(c, target).isPresent());
                    if (!declared) {
                        problems.add(s.where() + ": targetPort " + target + " is not a container port of " + w.kind() + "/" + w.name());
                    }
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void servicePortContainerPortAndQuarkusHttpPortAgree() {
        List<String> problems = new ArrayList<>();
        APP_PORTS.forEach((app, port) -> {
            Doc deployment = find("Deployment", app).orElse(null);
            Doc service = find("Service", app).orElse(null);
            if (deployment == null || service == null) {
                problems.add(app + ": needs both a Deployment and a Service named " + app);
                return;
            }
            Map<String, Object> container = maps(map(podTemplate(deployment).orElseThrow().get("spec")).get("containers")).get(0);
            List<Integer> containerPorts = maps(container.get("ports")).stream().map(p -> intOf(p.get("containerPort"))).toList();
            if (!containerPorts.contains(port)) {
                problems.add(deployment.where() + ": containerPorts " + containerPorts + " do not include " + port);
            }
            List<Map<String, Object>> servicePorts = maps(map(service.body().get("spec")).get("ports"));
            if (servicePorts.stream().noneMatch(p -> intOf(p.get("port")) == port)) {
                problems.add(service.where() + ": does not expose port " + port);
            }
            for (Map<String, Object> sp : servicePorts) {
                Object target = sp.getOrDefault("targetPort", sp.get("port"));
                Optional<Integer> resolved = resolvePort(container, target);
                if (resolved.isPresent() && intOf(sp.get("port")) != resolved.get()) {
                    problems.add(service.where() + ": port " + sp.get("port") + " forwards to container port " + resolved.get()
                            + "; keep them equal so that http://" + app + ":" + port + " is the service's address");
                }
            }
            String httpPort = effectiveEnv(container).getOrDefault("QUARKUS_HTTP_PORT", new EnvValue(null, "unset")).value();
            if (!String.valueOf(port).equals(httpPort)) {
                problems.add(deployment.where() + ": QUARKUS_HTTP_PORT is " + httpPort + ", the container port is " + port);
            }
            Object scrapePort = map(map(podTemplate(deployment).orElseThrow().get("metadata")).get("annotations")).get("prometheus.io/port");
            if (scrapePort != null && !String.valueOf(port).equals(str(scrapePort))) {
                problems.add(deployment.where() + ": prometheus.io/port " + scrapePort + " is not the HTTP port " + port);
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void everySecretAndConfigMapReferenceResolves() {
        List<String> problems = new ArrayList<>();
        int references = 0;
        for (Doc d : workloads()) {
            Map<String, Object> podSpec = map(podTemplate(d).orElseThrow().get("spec"));
            for (Map<String, Object> c : allContainers(podSpec)) {
                String where = d.where() + " container " + c.get("name");
                for (Map<String, Object> env : maps(c.get("env"))) {
                    Map<String, Object> valueFrom = map(env.get("valueFrom"));
                    for (String refKind : List.of("secretKeyRef", "configMapKeyRef")) {
                        Map<String, Object> ref = map(valueFrom.get(refKind));
                        if (ref.isEmpty()) continue;
                        references++;
                        String kind = refKind.equals("secretKeyRef") ? "Secret" : "ConfigMap";
                        String name = str(ref.get("name"));
                        String key = str(ref.get("key"));
                        Optional<Doc> target = find(kind, name);
                        if (target.isEmpty()) {
                            problems.add(where + ": env " + env.get("name") + " refers to " + kind + " " + name + ", not defined under deploy/");
                        } else if (!keysOf(target.get()).contains(key)) {
                            problems.add(where + ": env " + env.get("name") + " refers to key " + key + " of " + kind + " " + name
                                    + ", which has only " + keysOf(target.get()));
                        }
                    }
                }
                for (Map<String, Object> from : maps(c.get("envFrom"))) {
                    for (String refKind : List.of("secretRef", "configMapRef")) {
                        Map<String, Object> ref = map(from.get(refKind));
                        if (ref.isEmpty()) continue;
                        references++;
                        String kind = refKind.equals("secretRef") ? "Secret" : "ConfigMap";
                        if (find(kind, str(ref.get("name"))).isEmpty()) {
                            problems.add(where + ": envFrom refers to " + kind + " " + ref.get("name") + ", not defined under deploy/");
                        }
                    }
                }
            }
            for (Map<String, Object> volume : maps(podSpec.get("volumes"))) {
                for (String[] source : new String[][] {{"configMap", "ConfigMap", "name"}, {"secret", "Secret", "secretName"}}) {
                    Map<String, Object> ref = map(volume.get(source[0]));
                    if (ref.isEmpty()) continue;
                    references++;
                    Optional<Doc> target = find(source[1], str(ref.get(source[2])));
                    if (target.isEmpty()) {
                        problems.add(d.where() + ": volume " + volume.get("name") + " refers to " + source[1] + " " + ref.get(source[2]) + ", not defined under deploy/");
                        continue;
                    }
                    for (Map<String, Object> item : maps(ref.get("items"))) {
                        if (!keysOf(target.get()).contains(str(item.get("key")))) {
                            problems.add(d.where() + ": volume " + volume.get("name") + " uses key " + item.get("key") + " missing from " + source[1] + " " + ref.get(source[2]));
                        }
                    }
                }
            }
        }
        assertTrue(references >= 10, "expected the workloads to take their configuration from ConfigMaps/Secrets, found " + references + " references");
        assertNoProblems(problems);
    }

    @Test
    void servicesGetTheirConfigurationAndPointAtKafkaPostgresAndMinio() {
        Doc kafka = single("Kafka");
        String bootstrap = kafka.name() + "-kafka-bootstrap:" + plainListenerPort(kafka);
        List<String> problems = new ArrayList<>();
        APP_PORTS.keySet().forEach(app -> {
            Doc deployment = find("Deployment", app).orElse(null);
            if (deployment == null) {
                problems.add("no Deployment " + app);
                return;
            }
            Map<String, Object> container = maps(map(podTemplate(deployment).orElseThrow().get("spec")).get("containers")).get(0);
            Map<String, EnvValue> env = effectiveEnv(container);
            List<String> required = new ArrayList<>(REQUIRED_APP_ENV);
            if (app.equals("ingest-service")) required.addAll(REQUIRED_INGEST_ENV);
            for (String name : required) {
                EnvValue v = env.get(name);
                if (v == null) {
                    problems.add(deployment.where() + ": environment variable " + name + " is not set");
                } else if (SECRET_ENV.contains(name) && !v.source().startsWith("Secret")) {
                    problems.add(deployment.where() + ": " + name + " must come from a Secret, comes from " + v.source());
                }
            }
            String where = deployment.where();
            checkEquals(problems, where, "KAFKA_BOOTSTRAP_SERVERS", bootstrap, value(env, "KAFKA_BOOTSTRAP_SERVERS"));

            String db = APP_DATABASES.get(app);
            String jdbc = value(env, "QUARKUS_DATASOURCE_JDBC_URL");
            Matcher m = jdbc == null ? null : Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(jdbc);
            if (m == null || !m.matches()) {
                problems.add(where + ": QUARKUS_DATASOURCE_JDBC_URL " + jdbc + " is not jdbc:postgresql://host:port/db");
            } else {
                checkServiceEndpoint(problems, where + " QUARKUS_DATASOURCE_JDBC_URL", m.group(1), Integer.parseInt(m.group(2)), "postgres");
                checkEquals(problems, where, "database in QUARKUS_DATASOURCE_JDBC_URL", db, m.group(3));
            }
            checkEquals(problems, where, "QUARKUS_DATASOURCE_USERNAME", db, value(env, "QUARKUS_DATASOURCE_USERNAME"));

            if (app.equals("ingest-service")) {
                String endpoint = value(env, "XXGK_STORAGE_ENDPOINT");
                try {
                    URI uri = URI.create(Objects.requireNonNull(endpoint));
                    checkServiceEndpoint(problems, where + " XXGK_STORAGE_ENDPOINT", uri.getHost(), uri.getPort(), "minio");
                } catch (RuntimeException e) {
                    problems.add(where + ": XXGK_STORAGE_ENDPOINT " + endpoint + " is not a URL");
                }
                checkEquals(problems, where, "XXGK_STORAGE_BUCKET", STORAGE_BUCKET, value(env, "XXGK_STORAGE_BUCKET"));
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void postgresInitScriptGetsEveryPasswordItUses() {
        Doc postgres = find("StatefulSet", "postgres").orElseThrow(() -> new AssertionError("no StatefulSet postgres"));
        Map<String, Object> podSpec = map(podTemplate(postgres).orElseThrow().get("spec"));
        Map<String, Object> container = maps(podSpec.get("containers")).get(0);
        String initVolume = maps(container.get("volumeMounts")).stream()
                .filter(m -> "/docker-entrypoint-initdb.d".equals(str(m.get("mountPath"))))
                .map(m -> str(m.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(postgres.where() + ": nothing mounted at /docker-entrypoint-initdb.d"));
        String configMap = maps(podSpec.get("volumes")).stream()
                .filter(v -> initVolume.equals(str(v.get("name"))))
                .map(v -> str(map(v.get("configMap")).get("name"))).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new AssertionError(postgres.where() + ": init volume " + initVolume + " is not a ConfigMap"));
        Doc scripts = find("ConfigMap", configMap).orElseThrow(() -> new AssertionError("no ConfigMap " + configMap));
        String script = map(scripts.body().get("data")).values().stream().map(DeploymentManifestsTest::str).collect(Collectors.joining("\n"));

        List<String> problems = new ArrayList<>();
        for (String db : APP_DATABASES.values()) {
            if (!Pattern.compile("\\b" + db + "\\b").matcher(script).find()) {
                problems.add(scripts.where() + ": the init script never mentions database/role " + db);
            }
        }
        Map<String, EnvValue> env = effectiveEnv(container);
        Matcher vars = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)").matcher(script);
        Set<String> used = new TreeSet<>();
        while (vars.find()) used.add(vars.group(1));
        assertFalse(used.isEmpty(), "the init script reads no environment variables");
        for (String var : used) {
            if (!env.containsKey(var)) problems.add(postgres.where() + ": init script uses $" + var + " but the container does not set it");
        }
        // each service's DB password must be the very Secret value the service itself uses
        APP_DATABASES.forEach((app, db) -> {
            String var = db.toUpperCase() + "_DB_PASSWORD";
            EnvValue v = env.get(var);
            if (v != null && !v.source().equals("Secret " + app + "-secrets/QUARKUS_DATASOURCE_PASSWORD")) {
                problems.add(postgres.where() + ": " + var + " comes from " + v.source() + ", not from the Secret the " + app + " uses");
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void secretsOnlyHoldClearlyMarkedPlaceholders() {
        List<Doc> secrets = ofKind("Secret");
        assertTrue(secrets.size() >= 5, "expected a Secret per service plus postgres and minio, found " + secrets.size());
        List<String> problems = new ArrayList<>();
        for (Doc s : secrets) {
            Map<String, String> values = secretValues(s);
            if (values.isEmpty()) problems.add(s.where() + ": has no data");
            values.forEach((k, v) -> {
                if (v == null || !v.contains("CHANGE-ME")) problems.add(s.where() + ": " + k + " is not a CHANGE-ME placeholder");
            });
        }
        for (Doc c : ofKind("ConfigMap")) {
            map(c.body().get("data")).keySet().forEach(k -> {
                if (SECRET_ENV.contains(k) || k.matches(".*(PASSWORD|SECRET|TOKEN).*")) {
                    problems.add(c.where() + ": " + k + " looks secret and belongs in a Secret");
                }
            });
        }
        assertNoProblems(problems);
    }

    @Test
    void ingestAndPublishHavePodDisruptionBudgets() {
        List<String> problems = new ArrayList<>();
        for (String app : HA_APPS) {
            Doc deployment = find("Deployment", app).orElse(null);
            if (deployment == null) {
                problems.add("no Deployment " + app);
                continue;
            }
            Map<String, Object> podLabels = map(map(podTemplate(deployment).orElseThrow().get("metadata")).get("labels"));
            int replicas = intOf(map(deployment.body().get("spec")).getOrDefault("replicas", 1));
            List<Doc> pdbs = ofKind("PodDisruptionBudget").stream()
                    .filter(p -> contains(podLabels, map(map(map(p.body().get("spec")).get("selector")).get("matchLabels"))))
                    .filter(p -> !map(map(map(p.body().get("spec")).get("selector")).get("matchLabels")).isEmpty())
                    .toList();
            if (pdbs.size() != 1) {
                problems.add(app + ": expected exactly one PodDisruptionBudget selecting its pods, found " + pdbs.size());
                continue;
            }
            Doc pdb = pdbs.get(0);
            if (!"policy/v1".equals(str(pdb.body().get("apiVersion")))) problems.add(pdb.where() + ": use apiVersion policy/v1");
            Map<String, Object> spec = map(pdb.body().get("spec"));
            Object minAvailable = spec.get("minAvailable");
            if (minAvailable instanceof Integer n && n >= replicas) {
                problems.add(pdb.where() + ": minAvailable " + n + " >= replicas " + replicas + " would block every node drain");
            }
            if (minAvailable == null && spec.get("maxUnavailable") == null) problems.add(pdb.where() + ": neither minAvailable nor maxUnavailable");
        }
        assertNoProblems(problems);
    }

    @Test
    void strimziKafkaIsKraftWithNodePoolsThreeReplicasAndMinInsyncReplicas2() {
        Doc kafka = single("Kafka");
        List<String> problems = new ArrayList<>();
        checkEquals(problems, kafka.where(), "apiVersion", "kafka.strimzi.io/v1beta2", str(kafka.body().get("apiVersion")));
        Map<String, Object> annotations = map(map(kafka.body().get("metadata")).get("annotations"));
        checkEquals(problems, kafka.where(), "annotation strimzi.io/node-pools", "enabled", str(annotations.get("strimzi.io/node-pools")));
        checkEquals(problems, kafka.where(), "annotation strimzi.io/kraft", "enabled", str(annotations.get("strimzi.io/kraft")));
        Map<String, Object> kafkaSpec = map(map(kafka.body().get("spec")).get("kafka"));
        Map<String, Object> config = map(kafkaSpec.get("config"));
        checkEquals(problems, kafka.where(), "min.insync.replicas", "2", str(config.get("min.insync.replicas")));
        if (map(kafka.body().get("spec")).containsKey("zookeeper")) problems.add(kafka.where() + ": KRaft cluster must not define spec.zookeeper");
        for (String rf : List.of("default.replication.factor", "offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
            if (config.get(rf) != null && intOf(config.get(rf)) < 3) problems.add(kafka.where() + ": " + rf + " is " + config.get(rf) + ", expected 3");
        }

        List<Doc> pools = ofKind("KafkaNodePool").stream()
                .filter(p -> kafka.name().equals(str(labels(p).get("strimzi.io/cluster"))))
                .toList();
        if (pools.isEmpty()) problems.add("no KafkaNodePool labelled strimzi.io/cluster: " + kafka.name());
        int brokers = 0;
        int controllers = 0;
        for (Doc pool : pools) {
            checkEquals(problems, pool.where(), "apiVersion", "kafka.strimzi.io/v1beta2", str(pool.body().get("apiVersion")));
            Map<String, Object> spec = map(pool.body().get("spec"));
            List<Object> roles = list(spec.get("roles"));
            int replicas = intOf(spec.getOrDefault("replicas", 0));
            if (roles.contains("broker")) brokers += replicas;
            if (roles.contains("controller")) controllers += replicas;
            if (map(spec.get("storage")).isEmpty()) problems.add(pool.where() + ": no storage");
        }
        if (brokers != 3) problems.add("node pools of " + kafka.name() + " have " + brokers + " brokers, expected 3");
        if (controllers < 3 || controllers % 2 == 0) problems.add("node pools of " + kafka.name() + " have " + controllers + " controllers, expected an odd number >= 3");
        for (Doc pool : ofKind("KafkaNodePool")) {
            if (!kafka.name().equals(str(labels(pool).get("strimzi.io/cluster")))) {
                problems.add(pool.where() + ": strimzi.io/cluster label does not name the Kafka " + kafka.name());
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void kafkaTopicsAreTheFourPipelineTopics() {
        Doc kafka = single("Kafka");
        int minIsr = intOf(map(map(map(kafka.body().get("spec")).get("kafka")).get("config")).getOrDefault("min.insync.replicas", 1));
        List<String> problems = new ArrayList<>();
        Map<String, Integer> found = new TreeMap<>();
        for (Doc t : ofKind("KafkaTopic")) {
            Map<String, Object> spec = map(t.body().get("spec"));
            String topic = Optional.ofNullable(str(spec.get("topicName"))).orElse(t.name());
            if (found.put(topic, intOf(spec.getOrDefault("partitions", -1))) != null) problems.add(t.where() + ": topic " + topic + " declared twice");
            checkEquals(problems, t.where(), "apiVersion", "kafka.strimzi.io/v1beta2", str(t.body().get("apiVersion")));
            checkEquals(problems, t.where(), "label strimzi.io/cluster", kafka.name(), str(labels(t).get("strimzi.io/cluster")));
            int replicas = intOf(spec.getOrDefault("replicas", -1));
            if (replicas != K8S_TOPIC_REPLICAS) problems.add(t.where() + ": replicas " + replicas + ", expected " + K8S_TOPIC_REPLICAS);
            Object topicMinIsr = map(spec.get("config")).get("min.insync.replicas");
            int effectiveMinIsr = topicMinIsr == null ? minIsr : intOf(topicMinIsr);
            if (effectiveMinIsr >= replicas) {
                problems.add(t.where() + ": min.insync.replicas " + effectiveMinIsr + " >= replicas " + replicas + ": one broker down stops producers");
            }
        }
        assertEquals(new TreeMap<>(TOPIC_PARTITIONS), found, "KafkaTopic names -> partitions");
        assertNoProblems(problems);
    }

    // ================================================================== docker compose

    @Test
    void composeDependsOnOnlyExistingServicesWithValidConditions() {
        Map<String, Object> services = map(compose().get("services"));
        assertFalse(services.isEmpty(), "docker-compose.yml has no services");
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> graph = new HashMap<>();
        services.forEach((name, body) -> {
            Map<String, String> deps = dependsOn(map(body));
            graph.put(name, deps.keySet());
            deps.forEach((dep, condition) -> {
                if (!services.containsKey(dep)) {
                    problems.add(name + ": depends_on " + dep + ", which is not a service");
                    return;
                }
                switch (condition) {
                    case "service_healthy" -> {
                        if (!hasHealthcheck(map(services.get(dep)))) {
                            problems.add(name + ": waits for " + dep + " to be healthy, but " + dep + " has no healthcheck");
                        }
                    }
                    case "service_completed_successfully" -> {
                        if (!isOneShot(map(services.get(dep)))) {
                            problems.add(name + ": waits for " + dep + " to complete, but " + dep + " restarts (not a one-shot)");
                        }
                    }
                    case "service_started" -> { }
                    default -> problems.add(name + ": depends_on " + dep + " has unknown condition " + condition);
                }
            });
        });
        for (String start : graph.keySet()) {
            if (reaches(graph, start, start, new HashSet<>())) problems.add(start + ": depends_on cycle");
        }
        assertNoProblems(problems);
    }

    @Test
    void composeLongRunningServicesHaveHealthchecksAndPinnedImages() {
        Map<String, Object> services = map(compose().get("services"));
        List<String> problems = new ArrayList<>();
        services.forEach((name, raw) -> {
            Map<String, Object> s = map(raw);
            String image = str(s.get("image"));
            if (image == null) {
                problems.add(name + ": no image (name it even when it is built)");
            } else if (!hasPinnedTag(image)) {
                problems.add(name + ": image " + image + " is not pinned to a tag");
            }
            if (!isOneShot(s) && !hasHealthcheck(s)) problems.add(name + ": long-running service without a healthcheck");
            if (isOneShot(s) && hasHealthcheck(s)) problems.add(name + ": one-shot service with a healthcheck can never become healthy");
        });
        for (String expected : List.of("kafka", "postgres", "minio", "kafka-ui")) {
            if (!services.containsKey(expected)) problems.add("no service " + expected);
        }
        assertNoProblems(problems);
    }

    @Test
    void composeAppServicesAreBuiltFromTheirDockerfilesAndServeTheirPorts() {
        Map<String, Object> services = map(compose().get("services"));
        List<String> problems = new ArrayList<>();
        APP_PORTS.forEach((app, port) -> {
            Map<String, Object> s = map(services.get(app));
            if (s.isEmpty()) {
                problems.add("no compose service " + app);
                return;
            }
            checkEquals(problems, app, "image", "xxgk/" + app + ":" + IMAGE_TAG, str(s.get("image")));
            Map<String, Object> build = map(s.get("build"));
            checkEquals(problems, app, "build.context", "./" + app, str(build.get("context")));
            checkEquals(problems, app, "build.dockerfile", "src/main/docker/Dockerfile.jvm", str(build.get("dockerfile")));
            Path dockerfile = root.resolve(Objects.toString(build.get("context"), "")).resolve(Objects.toString(build.get("dockerfile"), "Dockerfile")).normalize();
            if (!Files.isRegularFile(dockerfile)) problems.add(app + ": build file " + rel(dockerfile) + " does not exist");

            Map<String, String> env = environment(s);
            checkEquals(problems, app, "QUARKUS_HTTP_PORT", String.valueOf(port), env.get("QUARKUS_HTTP_PORT"));
            List<String> required = new ArrayList<>(REQUIRED_APP_ENV);
            if (app.equals("ingest-service")) required.addAll(REQUIRED_INGEST_ENV);
            for (String name : required) {
                if (isBlank(env.get(name))) problems.add(app + ": environment variable " + name + " is not set");
            }
            if (!containerPorts(s).contains(port)) problems.add(app + ": ports " + s.get("ports") + " do not publish container port " + port);
            String healthcheck = healthcheckCommand(s);
            if (!healthcheck.contains("localhost:" + port + "/q/health/")) {
                problems.add(app + ": healthcheck `" + healthcheck + "` does not probe http://localhost:" + port + "/q/health/…");
            }
            Map<String, String> deps = dependsOn(s);
            for (String infra : List.of(kafkaServiceName(services), postgresServiceName(services))) {
                if (!"service_healthy".equals(deps.get(infra))) problems.add(app + ": must depend_on " + infra + " with condition service_healthy");
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void composeKafkaIsSingleNodeKraftAndServicesPointAtIt() {
        Map<String, Object> services = map(compose().get("services"));
        String kafkaName = kafkaServiceName(services);
        Map<String, String> env = environment(map(services.get(kafkaName)));
        List<String> problems = new ArrayList<>();
        checkEquals(problems, kafkaName, "image", "apache/kafka:4.1.1", str(map(services.get(kafkaName)).get("image")));
        Set<String> roles = Set.of(Objects.toString(env.get("KAFKA_PROCESS_ROLES"), "").split("\\s*,\\s*"));
        if (!roles.equals(Set.of("broker", "controller"))) problems.add(kafkaName + ": KAFKA_PROCESS_ROLES must be broker,controller");
        String nodeId = env.get("KAFKA_NODE_ID");
        if (isBlank(nodeId)) problems.add(kafkaName + ": KAFKA_NODE_ID not set");
        String voters = Objects.toString(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"), "");
        Matcher voter = Pattern.compile("(\\d+)@([^:,]+):(\\d+)").matcher(voters);
        if (!voter.matches()) {
            problems.add(kafkaName + ": KAFKA_CONTROLLER_QUORUM_VOTERS " + voters + " is not a single id@host:port");
        } else {
            checkEquals(problems, kafkaName, "voter id", nodeId, voter.group(1));
            checkEquals(problems, kafkaName, "voter host", kafkaName, voter.group(2));
            if (!Objects.toString(env.get("KAFKA_LISTENERS"), "").contains(":" + voter.group(3))) {
                problems.add(kafkaName + ": no listener on the controller port " + voter.group(3));
            }
        }
        for (String name : List.of("KAFKA_CONTROLLER_LISTENER_NAMES", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_ADVERTISED_LISTENERS", "KAFKA_LOG_DIRS")) {
            if (isBlank(env.get(name))) problems.add(kafkaName + ": " + name + " not set");
        }
        env.forEach((k, v) -> {
            if (k.endsWith("REPLICATION_FACTOR") || k.endsWith("MIN_ISR")) checkEquals(problems, kafkaName, k, "1", v);
        });
        if (!env.containsKey("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")) problems.add(kafkaName + ": KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR must be 1 on a single node");

        List<String> advertised = List.of(Objects.toString(env.get("KAFKA_ADVERTISED_LISTENERS"), "").split(","));
        List<String> clients = new ArrayList<>(APP_PORTS.keySet());
        clients.add("kafka-ui");
        for (String client : clients) {
            Map<String, String> clientEnv = environment(map(services.get(client)));
            String bootstrap = client.equals("kafka-ui") ? clientEnv.get("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS") : clientEnv.get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null || advertised.stream().noneMatch(l -> l.endsWith("//" + bootstrap))) {
                problems.add(client + ": bootstrap servers " + bootstrap + " is not an advertised listener of " + kafkaName + " " + advertised);
            } else if (!bootstrap.startsWith(kafkaName + ":")) {
                problems.add(client + ": bootstrap servers " + bootstrap + " is not on the compose network service " + kafkaName);
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void composeTopicsAreTheSameAsTheKubernetesTopics() {
        Map<String, Object> services = map(compose().get("services"));
        String kafkaName = kafkaServiceName(services);
        Map<String, Integer> created = new TreeMap<>();
        Pattern create = Pattern.compile("--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)\\s+--replication-factor\\s+(\\d+)");
        List<String> problems = new ArrayList<>();
        String creator = null;
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> s = map(e.getValue());
            String script = commandText(s.get("entrypoint")) + "\n" + commandText(s.get("command"));
            Matcher m = create.matcher(script);
            while (m.find()) {
                creator = e.getKey();
                created.put(m.group(1), Integer.parseInt(m.group(2)));
                checkEquals(problems, e.getKey(), "replication factor of " + m.group(1), "1", m.group(3));
            }
        }
        assertNotNull(creator, "no compose service creates the topics (kafka-topics.sh --create --topic … --partitions … --replication-factor …)");
        assertTrue(isOneShot(map(services.get(creator))), creator + " should be a one-shot (restart: \"no\")");
        assertEquals("service_healthy", dependsOn(map(services.get(creator))).get(kafkaName), creator + " must wait for a healthy " + kafkaName);
        assertEquals(new TreeMap<>(TOPIC_PARTITIONS), created, "topics created by compose service " + creator);
        Map<String, Integer> k8s = new TreeMap<>();
        for (Doc t : ofKind("KafkaTopic")) {
            Map<String, Object> spec = map(t.body().get("spec"));
            k8s.put(Optional.ofNullable(str(spec.get("topicName"))).orElse(t.name()), intOf(spec.getOrDefault("partitions", -1)));
        }
        assertEquals(k8s, created, "compose and Kubernetes must create the same topics with the same partitions");
        for (String app : APP_PORTS.keySet()) {
            if (!"service_completed_successfully".equals(dependsOn(map(services.get(app))).get(creator))) {
                problems.add(app + ": must depend_on " + creator + " with condition service_completed_successfully (topics exist before it starts)");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void composeDatabaseCredentialsMatchTheInitScript() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        String postgresName = postgresServiceName(services);
        Map<String, Object> postgres = map(services.get(postgresName));
        assertEquals("postgres:17.7", str(postgres.get("image")), "PostgreSQL image");
        String initMount = list(postgres.get("volumes")).stream().map(DeploymentManifestsTest::str)
                .filter(v -> v != null && v.contains("/docker-entrypoint-initdb.d"))
                .findFirst().orElseThrow(() -> new AssertionError(postgresName + ": nothing mounted into /docker-entrypoint-initdb.d"));
        String hostPath = initMount.split(":")[0];
        Path initSql = root.resolve(hostPath).normalize();
        assertEquals(root.resolve("deploy/postgres/init.sql"), initSql, postgresName + " must mount deploy/postgres/init.sql");
        assertTrue(Files.isRegularFile(initSql), rel(initSql) + " does not exist");
        String sql = Files.readString(initSql, StandardCharsets.UTF_8);

        Map<String, String> rolePasswords = new HashMap<>();
        Matcher role = Pattern.compile("(?i)CREATE\\s+(?:ROLE|USER)\\s+\"?(\\w+)\"?\\s+(?:WITH\\s+)?(?:LOGIN\\s+)?PASSWORD\\s+'([^']*)'").matcher(sql);
        while (role.find()) rolePasswords.put(role.group(1), role.group(2));
        Map<String, String> dbOwners = new HashMap<>();
        Matcher db = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?(\\w+)\"?\\s+(?:WITH\\s+)?OWNER\\s*=?\\s*\"?(\\w+)\"?").matcher(sql);
        while (db.find()) dbOwners.put(db.group(1), db.group(2));

        List<String> problems = new ArrayList<>();
        APP_DATABASES.forEach((app, database) -> {
            Map<String, String> env = environment(map(services.get(app)));
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            checkEquals(problems, app, "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + postgresName + ":5432/" + database, url);
            String user = env.get("QUARKUS_DATASOURCE_USERNAME");
            if (!dbOwners.containsKey(database)) problems.add(rel(initSql) + ": does not CREATE DATABASE " + database + " OWNER …");
            else checkEquals(problems, rel(initSql), "owner of database " + database, user, dbOwners.get(database));
            if (!rolePasswords.containsKey(user)) problems.add(rel(initSql) + ": does not CREATE ROLE " + user + " … PASSWORD '…'");
            else checkEquals(problems, app, "QUARKUS_DATASOURCE_PASSWORD (must match " + rel(initSql) + ")", rolePasswords.get(user), env.get("QUARKUS_DATASOURCE_PASSWORD"));
        });
        assertNoProblems(problems);
    }

    @Test
    void composeIngestStorageMatchesTheBucketSetup() {
        Map<String, Object> services = map(compose().get("services"));
        String minioName = serviceByImage(services, "minio/minio:");
        Map<String, String> ingest = environment(map(services.get("ingest-service")));
        List<String> problems = new ArrayList<>();
        URI endpoint = URI.create(Objects.toString(ingest.get("XXGK_STORAGE_ENDPOINT"), ""));
        checkEquals(problems, "ingest-service", "XXGK_STORAGE_ENDPOINT host", minioName, endpoint.getHost());
        checkEquals(problems, "ingest-service", "XXGK_STORAGE_ENDPOINT port", "9000", String.valueOf(endpoint.getPort()));
        checkEquals(problems, "ingest-service", "XXGK_STORAGE_BUCKET", STORAGE_BUCKET, ingest.get("XXGK_STORAGE_BUCKET"));

        String setupName = serviceByImage(services, "minio/mc:");
        Map<String, Object> setup = map(services.get(setupName));
        if (!isOneShot(setup)) problems.add(setupName + ": should be a one-shot (restart: \"no\")");
        checkEquals(problems, setupName, "depends_on " + minioName, "service_healthy", dependsOn(setup).get(minioName));
        String script = commandText(setup.get("command"));
        if (!script.contains("mc mb")) problems.add(setupName + ": never creates a bucket (mc mb)");
        Map<String, String> setupEnv = environment(setup);
        for (String key : List.of("XXGK_STORAGE_BUCKET", "XXGK_STORAGE_ACCESS_KEY", "XXGK_STORAGE_SECRET_KEY")) {
            checkEquals(problems, setupName, key + " (must equal ingest-service's)", ingest.get(key), setupEnv.get(key));
        }
        Map<String, String> minioEnv = environment(map(services.get(minioName)));
        for (String key : List.of("MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD")) {
            checkEquals(problems, setupName, key + " (must equal " + minioName + "'s)", minioEnv.get(key), setupEnv.get(key));
        }
        checkEquals(problems, "ingest-service", "depends_on " + setupName, "service_completed_successfully", dependsOn(map(services.get("ingest-service"))).get(setupName));
        assertNoProblems(problems);
    }

    @Test
    void composeDataLivesInDeclaredNamedVolumes() {
        Map<String, Object> services = map(compose().get("services"));
        Set<String> declared = map(compose().get("volumes")).keySet();
        List<String> problems = new ArrayList<>();
        services.forEach((name, raw) -> {
            for (Object v : list(map(raw).get("volumes"))) {
                String source = v instanceof Map<?, ?> m ? str(m.get("source")) : str(v).split(":")[0];
                if (source == null || source.startsWith(".") || source.startsWith("/") || source.startsWith("~") || source.startsWith("$")) continue;
                if (!declared.contains(source)) problems.add(name + ": named volume " + source + " is not declared under top-level volumes");
            }
        });
        Map<String, String> dataDirs = orderedMap(
                kafkaServiceName(services), environment(map(services.get(kafkaServiceName(services)))).getOrDefault("KAFKA_LOG_DIRS", "/var/lib/kafka/data"),
                postgresServiceName(services), "/var/lib/postgresql/data",
                serviceByImage(services, "minio/minio:"), "/data");
        dataDirs.forEach((service, dir) -> {
            boolean persisted = list(map(services.get(service)).get("volumes")).stream().map(DeploymentManifestsTest::str)
                    .anyMatch(v -> v.endsWith(":" + dir) && declared.contains(v.split(":")[0]));
            if (!persisted) problems.add(service + ": " + dir + " is not on a named volume");
        });
        assertNoProblems(problems);
    }

    // ================================================================== Dockerfiles

    @Test
    void dockerfilesAreQuarkusFastJarImagesRunningAsUser185() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Integer> app : APP_PORTS.entrySet()) {
            Path file = root.resolve(app.getKey()).resolve("src/main/docker/Dockerfile.jvm");
            if (!Files.isRegularFile(file)) {
                problems.add(rel(file) + " does not exist");
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            String where = rel(file);
            List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
            if (from.size() != 1 || !from.get(0).matches("FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17:\\d+\\.\\d+\\S*")) {
                problems.add(where + ": expected one FROM registry.access.redhat.com/ubi9/openjdk-17:<pinned tag>, found " + from);
            }
            for (String copy : List.of(
                    "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                    "COPY --chown=185 target/quarkus-app/*.jar /deployments/",
                    "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
                    "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/")) {
                if (!lines.contains(copy)) problems.add(where + ": missing `" + copy + "`");
            }
            if (!lines.contains("USER 185")) problems.add(where + ": does not switch to USER 185");
            if (!lines.contains("EXPOSE " + app.getValue())) problems.add(where + ": does not EXPOSE " + app.getValue());
            if (lines.stream().noneMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("run-java.sh"))) {
                problems.add(where + ": ENTRYPOINT is not run-java.sh");
            }
            if (lines.stream().noneMatch(l -> l.contains("JAVA_APP_JAR") && l.contains("/deployments/quarkus-run.jar"))) {
                problems.add(where + ": JAVA_APP_JAR is not /deployments/quarkus-run.jar");
            }
            if (lines.stream().noneMatch(l -> l.contains("quarkus.http.host=0.0.0.0"))) {
                problems.add(where + ": Quarkus must listen on 0.0.0.0 in a container");
            }
        }
        assertNoProblems(problems);
    }

    // ------------------------------------------------------------------ Kubernetes helpers

    /** Where an environment variable's value comes from, and the value when it is known. */
    record EnvValue(String value, String source) { }

    /** The environment a container ends up with: envFrom first, then env (which wins). */
    private static Map<String, EnvValue> effectiveEnv(Map<String, Object> container) {
        Map<String, EnvValue> env = new LinkedHashMap<>();
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
            String prefix = Objects.toString(from.get("prefix"), "");
            Map<String, Object> cm = map(from.get("configMapRef"));
            if (!cm.isEmpty()) {
                find("ConfigMap", str(cm.get("name"))).ifPresent(d -> map(d.body().get("data")).forEach((k, v) ->
                        env.put(prefix + k, new EnvValue(str(v), "ConfigMap " + cm.get("name") + "/" + k))));
            }
            Map<String, Object> secret = map(from.get("secretRef"));
            if (!secret.isEmpty()) {
                find("Secret", str(secret.get("name"))).ifPresent(d -> secretValues(d).forEach((k, v) ->
                        env.put(prefix + k, new EnvValue(v, "Secret " + secret.get("name") + "/" + k))));
            }
        }
        for (Map<String, Object> e : maps(container.get("env"))) {
            String name = str(e.get("name"));
            Map<String, Object> valueFrom = map(e.get("valueFrom"));
            Map<String, Object> cmRef = map(valueFrom.get("configMapKeyRef"));
            Map<String, Object> secretRef = map(valueFrom.get("secretKeyRef"));
            if (!cmRef.isEmpty()) {
                String v = find("ConfigMap", str(cmRef.get("name"))).map(d -> str(map(d.body().get("data")).get(str(cmRef.get("key"))))).orElse(null);
                env.put(name, new EnvValue(v, "ConfigMap " + cmRef.get("name") + "/" + cmRef.get("key")));
            } else if (!secretRef.isEmpty()) {
                String v = find("Secret", str(secretRef.get("name"))).map(d -> secretValues(d).get(str(secretRef.get("key")))).orElse(null);
                env.put(name, new EnvValue(v, "Secret " + secretRef.get("name") + "/" + secretRef.get("key")));
            } else if (!valueFrom.isEmpty()) {
                env.put(name, new EnvValue(null, "fieldRef"));
            } else {
                env.put(name, new EnvValue(str(e.get("value")), "literal value"));
            }
        }
        return env;
    }

    private static String value(Map<String, EnvValue> env, String name) {
        EnvValue v = env.get(name);
        return v == null ? null : v.value();
    }

    /** host:port must be a Service under deploy/ that exposes port and selects the named workload. */
    private static void checkServiceEndpoint(List<String> problems, String where, String host, int port, String workload) {
        Optional<Doc> service = find("Service", host);
        if (service.isEmpty()) {
            problems.add(where + ": host " + host + " is not a Service under deploy/");
            return;
        }
        Map<String, Object> spec = map(service.get().body().get("spec"));
        if (maps(spec.get("ports")).stream().noneMatch(p -> intOf(p.get("port")) == port)) {
            problems.add(where + ": Service " + host + " does not expose port " + port);
        }
        Map<String, Object> selector = map(spec.get("selector"));
        boolean selects = workloads().stream().filter(w -> w.name().equals(workload))
                .anyMatch(w -> !selector.isEmpty() && contains(map(map(podTemplate(w).orElseThrow().get("metadata")).get("labels")), selector));
        if (!selects) problems.add(where + ": Service " + host + " does not select the " + workload + " pods");
    }

    private static int plainListenerPort(Doc kafka) {
        return maps(map(map(kafka.body().get("spec")).get("kafka")).get("listeners")).stream()
                .filter(l -> Boolean.FALSE.equals(l.get("tls")) && "internal".equals(str(l.get("type"))))
                .map(l -> intOf(l.get("port")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kafka.where() + ": no internal listener without TLS for the services"));
    }

    private static Optional<Map<String, Object>> podTemplate(Doc d) {
        if (!WORKLOAD_KINDS.contains(d.kind())) return Optional.empty();
        Map<String, Object> template = map(map(d.body().get("spec")).get("template"));
        if (template.isEmpty()) throw new AssertionError(d.where() + ": no spec.template");
        return Optional.of(template);
    }

    private static List<Map<String, Object>> allContainers(Map<String, Object> podSpec) {
        List<Map<String, Object>> all = new ArrayList<>(maps(podSpec.get("initContainers")));
        all.addAll(maps(podSpec.get("containers")));
        return all;
    }

    /** A probe's or Service's port (number or name) resolved against a container's ports. */
    private static Optional<Integer> resolvePort(Map<String, Object> container, Object port) {
        for (Map<String, Object> p : maps(container.get("ports"))) {
            if (port instanceof Integer n && intOf(p.get("containerPort")) == n) return Optional.of(n);
            if (port instanceof String name && name.equals(str(p.get("name")))) return Optional.of(intOf(p.get("containerPort")));
        }
        return Optional.empty();
    }

    private static Set<String> keysOf(Doc configMapOrSecret) {
        Set<String> keys = new LinkedHashSet<>();
        keys.addAll(map(configMapOrSecret.body().get("data")).keySet());
        keys.addAll(map(configMapOrSecret.body().get("stringData")).keySet());
        keys.addAll(map(configMapOrSecret.body().get("binaryData")).keySet());
        return keys;
    }

    private static Map<String, String> secretValues(Doc secret) {
        Map<String, String> values = new LinkedHashMap<>();
        map(secret.body().get("data")).forEach((k, v) -> {
            try {
                values.put(k, new String(Base64.getDecoder().decode(str(v).strip()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new AssertionError(secret.where() + ": data." + k + " is not base64", e);
            }
        });
        map(secret.body().get("stringData")).forEach((k, v) -> values.put(k, str(v)));
        return values;
    }

    private static List<Doc> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.kind())).toList();
    }

    private static List<Doc> workloads() {
        return docs.stream().filter(d -> WORKLOAD_KINDS.contains(d.kind())).toList();
    }

    private static Optional<Doc> find(String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.kind()) && Objects.equals(name, d.name())).findFirst();
    }

    private static Doc single(String kind) {
        List<Doc> found = ofKind(kind);
        assertEquals(1, found.size(), "expected exactly one " + kind + " under deploy/");
        return found.get(0);
    }

    private static Map<String, Object> labels(Doc d) {
        return map(map(d.body().get("metadata")).get("labels"));
    }

    /** Kubernetes resource quantities: 250m, 1, 1.5, 512Mi, 2Gi, 1G … */
    static BigDecimal quantity(String q) {
        Matcher m = Pattern.compile("([0-9.]+)(m|k|M|G|T|Ki|Mi|Gi|Ti)?").matcher(q == null ? "" : q.strip());
        if (!m.matches()) throw new IllegalArgumentException("not a resource quantity: " + q);
        BigDecimal n = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "" -> n;
            case "m" -> n.movePointLeft(3);
            case "k" -> n.movePointRight(3);
            case "M" -> n.movePointRight(6);
            case "G" -> n.movePointRight(9);
            case "T" -> n.movePointRight(12);
            case "Ki" -> n.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> n.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> n.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti" -> n.multiply(BigDecimal.valueOf(1L << 40));
            default -> throw new IllegalArgumentException("unknown unit in " + q);
        };
    }

    // ------------------------------------------------------------------ compose helpers

    /** depends_on in either the list or the map form, as service -> condition. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> deps = new LinkedHashMap<>();
        Object raw = service.get("depends_on");
        if (raw instanceof List<?> l) {
            l.forEach(d -> deps.put(str(d), "service_started"));
        } else {
            map(raw).forEach((k, v) -> deps.put(k, Objects.toString(map(v).get("condition"), "service_started")));
        }
        return deps;
    }

    /** environment in either the map or the KEY=value list form. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof List<?> l) {
            for (Object o : l) {
                String[] kv = str(o).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        } else {
            map(raw).forEach((k, v) -> env.put(k, str(v)));
        }
        return env;
    }

    private static boolean hasHealthcheck(Map<String, Object> service) {
        Map<String, Object> hc = map(service.get("healthcheck"));
        return !hc.isEmpty() && !Boolean.TRUE.equals(hc.get("disable")) && !healthcheckCommand(service).isBlank()
                && !healthcheckCommand(service).equals("NONE");
    }

    private static String healthcheckCommand(Map<String, Object> service) {
        return commandText(map(service.get("healthcheck")).get("test"));
    }

    private static String commandText(Object command) {
        if (command == null) return "";
        if (command instanceof List<?> l) return l.stream().map(DeploymentManifestsTest::str).collect(Collectors.joining(" "));
        return str(command);
    }

    /**
     * A service that runs once and exits. By this file's convention it says so with
     * {@code restart: "no"} (an unquoted no is YAML 1.1 false to SnakeYAML, but compose reads it as "no");
     * every other service is long-running and needs a healthcheck.
     */
    private static boolean isOneShot(Map<String, Object> service) {
        Object restart = service.get("restart");
        return "no".equals(restart) || Boolean.FALSE.equals(restart);
    }

    private static Set<Integer> containerPorts(Map<String, Object> service) {
        Set<Integer> ports = new HashSet<>();
        for (Object p : list(service.get("ports"))) {
            if (p instanceof Map<?, ?> m) {
                ports.add(intOf(m.get("target")));
            } else {
                String spec = str(p).split("/")[0];
                String container = spec.substring(spec.lastIndexOf(':') + 1);
                ports.add(Integer.parseInt(container));
            }
        }
        return ports;
    }

    private static String kafkaServiceName(Map<String, Object> services) {
        return services.entrySet().stream()
                .filter(e -> Objects.toString(map(e.getValue()).get("image"), "").startsWith("apache/kafka:"))
                .filter(e -> !isOneShot(map(e.getValue())))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no long-running apache/kafka service in docker-compose.yml"));
    }

    private static String postgresServiceName(Map<String, Object> services) {
        return serviceByImage(services, "postgres:");
    }

    private static String serviceByImage(Map<String, Object> services, String imagePrefix) {
        List<String> names = services.entrySet().stream()
                .filter(e -> Objects.toString(map(e.getValue()).get("image"), "").startsWith(imagePrefix))
                .map(Map.Entry::getKey).toList();
        assertEquals(1, names.size(), "expected exactly one compose service with image " + imagePrefix + "…, found " + names);
        return names.get(0);
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String target, Set<String> visited) {
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (next.equals(target)) return true;
            if (visited.add(next) && reaches(graph, next, target, visited)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ generic helpers

    private static boolean hasPinnedTag(String image) {
        if (image.contains("@sha256:")) return true;
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash && !image.endsWith(":latest");
    }

    private static boolean contains(Map<String, Object> labels, Map<String, Object> selector) {
        return selector.entrySet().stream().allMatch(e -> Objects.equals(str(labels.get(e.getKey())), str(e.getValue())));
    }

    private static void checkEquals(List<String> problems, String where, String what, Object expected, Object actual) {
        if (!Objects.equals(str(expected), str(actual))) {
            problems.add(where + ": " + what + " is " + actual + ", expected " + expected);
        }
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n - " + String.join("\n - ", problems));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List ? (List<Object>) o : List.of();
    }

    private static List<Map<String, Object>> maps(Object o) {
        return list(o).stream().map(DeploymentManifestsTest::map).toList();
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static int intOf(Object o) {
        if (o instanceof Number n) return n.intValue();
        try {
            return Integer.parseInt(String.valueOf(o).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isBlank(Object o) {
        return o == null || String.valueOf(o).isBlank();
    }

    private static String rel(Path p) {
        return root == null ? p.toString() : root.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> orderedMap(Object... kv) {
        Map<K, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((K) kv[i], (V) kv[i + 1]);
        return m;
    }
}
