package io.xxgk.contract.problem;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service's {@link ProblemMappers} answer: set under {@code xxgk.problem.*} in its application.properties. */
@ConfigMapping(prefix = "xxgk.problem")
public interface ProblemConfig {

    /** Seconds a client should wait before retrying while a dependency is down ({@code Retry-After}). */
    @WithDefault("5")
    int retryAfterSeconds();

    /** The {@code WWW-Authenticate} challenge of a 401: {@code Bearer …} for API keys, {@code Basic …} for logins. */
    @WithDefault("Bearer realm=\"xxgk\"")
    String authChallenge();

    /** A read-only public API answers 405 to any method but GET and HEAD, whatever the path. */
    @WithDefault("false")
    boolean readOnly();

    /** Under a read-only API, the path prefix that is not read-only (the console's signed-in endpoints). */
    java.util.Optional<String> writablePrefix();
}
