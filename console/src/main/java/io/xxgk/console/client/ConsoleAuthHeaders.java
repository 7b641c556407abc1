package io.xxgk.console.client;

import io.xxgk.console.security.ConsoleUser;
import io.xxgk.console.security.CurrentUser;
import io.xxgk.contract.security.ActingUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * classify and publish: the console signs in as their HTTP Basic service account {@code console} and names the
 * signed-in person in contract's {@link ActingUser} headers; the services record that person as who decided.
 * Header values are ISO-8859-1 on the wire, so the name and the (Chinese) department travel percent-encoded
 * ({@link ActingUser#headerValue}); {@link ActingUser#fromHeaders} decodes them.
 */
@ApplicationScoped
public class ConsoleAuthHeaders implements ClientHeadersFactory {

    public static final String CONSOLE_ACCOUNT = "console";

    private final String authorization;
    private final Instance<CurrentUser> currentUser;

    public ConsoleAuthHeaders(@ConfigProperty(name = "xxgk.console.service-password") Optional<String> password,
                              Instance<CurrentUser> currentUser) {
        this.authorization = password.map(p -> "Basic " + Base64.getEncoder()
                .encodeToString((CONSOLE_ACCOUNT + ":" + p).getBytes(StandardCharsets.UTF_8))).orElse(null);
        this.currentUser = currentUser;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (authorization != null) {
            headers.putSingle("Authorization", authorization);
        }
        Optional<ConsoleUser> user = currentUser.get().find();
        user.ifPresent(u -> {
            ActingUser acting = u.acting();
            headers.putSingle(ActingUser.NAME_HEADER, ActingUser.headerValue(acting.name()));
            headers.putSingle(ActingUser.ROLE_HEADER, acting.role().name());
            if (acting.department() != null) {
                headers.putSingle(ActingUser.DEPARTMENT_HEADER, ActingUser.headerValue(acting.department()));
            }
        });
        return headers;
    }
}
