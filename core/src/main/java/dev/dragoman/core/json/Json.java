package dev.dragoman.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration Dragoman uses for its own JSON: ISO-8601 dates and instants, unknown properties
 * ignored on read (newer files stay readable), no failure on empty beans. {@link ObjectMapper} is thread-safe once
 * configured, so the shared instance may be used from any thread.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    /** The shared, configured mapper. Do not reconfigure it; use {@code copy()} for variants. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
