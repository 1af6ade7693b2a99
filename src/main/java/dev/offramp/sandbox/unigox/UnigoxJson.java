package dev.offramp.sandbox.unigox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulator's one JSON mapper, and ordered maps to build response bodies with (nulls allowed). */
final class UnigoxJson {

    /**
     * BigDecimal numbers are written plain (a partner_fee_pct of 10 must not become 1E+1) and read
     * as BigDecimal, so no amount ever passes through a double.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            // bounded like the bundle's own reader: the simulator answers on the bundle's port, to anyone
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1_000_000).build())
            .build())
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private UnigoxJson() {
    }

    /** An insertion-ordered map from alternating keys and values; values may be null. */
    static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload not serializable", e);
        }
    }

    /** @throws IOException when the bytes are not JSON */
    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }
}
