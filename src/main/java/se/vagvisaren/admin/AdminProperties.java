package se.vagvisaren.admin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Roles given by configuration ({@code vagvisaren.admin.*}), by Entra object id. They apply in every
 * team, e.g. the municipality's central coordinator or the county board's officers.
 *
 * @param coordinators Entra object ids that are coordinators everywhere
 * @param countyBoard  Entra object ids that may read the cross-municipality overview
 * @param apiKey       key for the admin HTTP APIs (header {@code X-Api-Key}); empty = loopback callers only
 */
@ConfigurationProperties("vagvisaren.admin")
public record AdminProperties(List<String> coordinators, List<String> countyBoard, String apiKey) {

    public AdminProperties {
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
        countyBoard = countyBoard == null ? List.of() : List.copyOf(countyBoard);
        apiKey = apiKey == null ? "" : apiKey;
    }
}
