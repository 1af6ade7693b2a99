package dev.offramp.sandbox.changelly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The simulator's one JSON mapper and time format, so every answer and callback is written alike. */
final class ChangellyJson {

    /** Bounded like the bundle's own reader: the simulator answers on the bundle's port, to anyone. */
    private static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1_000_000).build())
            .build());

    /** ISO-8601 UTC with milliseconds, as the upstream's samples show ("2024-05-09T06:06:07.845Z"). */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ChangellyJson() {
    }

    /** Compact JSON (no spaces), the form the upstream's signatures are computed over. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The request body as a JSON object; anything else is the caller's validation error. */
    static JsonNode readObject(String text) {
        JsonNode node;
        try {
            node = text.isBlank() ? null : MAPPER.readTree(text);
        } catch (IOException e) {
            throw ChangellyApiError.validation("body", "Body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ChangellyApiError.validation("body", "Body must be a JSON object");
        }
        return node;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
