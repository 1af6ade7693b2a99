package dev.offramp.sandbox.unigox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code data.pii} of a {@code direct_data} or {@code handoff} submission, checked as the contract
 * describes: first and last name and country required, a date of birth (if given) real, past and at
 * least 18 years ago, and an {@code id_number} only with a supported {@code id_type}.
 */
final class KycPii {

    private static final List<String> FIELDS = List.of("first_name", "middle_name", "last_name", "dob",
            "country_code", "phone_number", "id_number", "id_type", "address", "city", "postal_code");
    private static final List<String> REQUIRED = List.of("first_name", "last_name", "country_code");
    private static final Set<String> ID_TYPES = Set.of("NIN", "NIN_SLIP", "BVN", "NATIONAL_ID", "VOTER_ID", "TAX_ID",
            "KENYA_KRA_PIN");

    private KycPii() {
    }

    /** The given PII fields, trimmed; refuses with the contract's legacy error keys. */
    static Map<String, String> read(Call call, JsonNode data, Clock clock) {
        JsonNode pii = data == null ? null : call.object(data, "pii");
        if (pii == null) {
            throw call.missing(List.of("data.pii"));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = call.text(pii, field);
            if (value != null && !value.isBlank()) {
                values.put(field, value.trim());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String field : REQUIRED) {
            if (!values.containsKey(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw call.missing(missing);
        }
        if (!values.get("country_code").matches("[A-Za-z]{2}")) {
            throw SimError.legacy(400, "invalid_country_code", "country_code must be an ISO 3166-1 alpha-2 code");
        }
        if (values.containsKey("dob")) {
            checkDateOfBirth(values.get("dob"), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
        if (values.containsKey("id_number") && !ID_TYPES.contains(values.get("id_type"))) {
            throw SimError.legacy(400, "invalid_identity_number_type", "id_type is required for NIN/BVN + selfie "
                    + "verification and must be one of the supported identity number types (e.g. NIN, BVN).");
        }
        return values;
    }

    static void checkDateOfBirth(String dob, LocalDate today) {
        LocalDate born;
        try {
            born = LocalDate.parse(dob);
        } catch (DateTimeParseException e) {
            born = null;
        }
        if (born == null || !born.isBefore(today)) {
            throw SimError.legacy(400, "invalid_date_of_birth",
                    "date_of_birth is invalid. Provide a real date in YYYY-MM-DD format that is in the past.");
        }
        if (born.plusYears(18).isAfter(today)) {
            throw SimError.legacy(400, "underage_not_allowed",
                    "User must be at least 18 years old. The provided date_of_birth indicates an age under 18.");
        }
    }
}
