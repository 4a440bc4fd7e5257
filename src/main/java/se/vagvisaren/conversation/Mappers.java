package se.vagvisaren.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The one plain JSON and the one YAML Jackson mapper for reading content files ({@code dialogs/},
 * {@code knowledge/}), JSON kept in the database and the CLI's JSON lines. Both keep Jackson's defaults (nulls
 * written, unknown properties refused), which the stored data and the CLI contracts were written with; HTTP
 * answers go through Spring Boot's own configured mapper instead. Never reconfigure them: they are shared and
 * thread-safe only as long as nobody does.
 */
public final class Mappers {

    /** JSON with Jackson's defaults. */
    public static final ObjectMapper JSON = new ObjectMapper();

    /** YAML with Jackson's defaults, for the data files in {@code dialogs/} and front matter in {@code knowledge/}. */
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Mappers() {
    }
}
