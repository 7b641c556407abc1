package io.xxgk.console.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.util.Optional;

/** ingest has no console account: its admin and operator endpoints are called with ingest's admin token. */
@ApplicationScoped
public class IngestAdminHeaders implements ClientHeadersFactory {

    private final Optional<String> token;

    public IngestAdminHeaders(@ConfigProperty(name = "xxgk.console.ingest-admin-token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        token.ifPresent(t -> headers.putSingle("Authorization", "Bearer " + t));
        return headers;
    }
}
