package dev.offramp.sandbox.unigox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PATCH /users/{user_uuid}/kyc}, checked as the contract describes: only the optional
 * fields it lists; first_name, last_name and country_code cannot be changed; a value sent as an object
 * or array is {@code invalid_field_value}; a blank value is a no-op; values normalized (gender
 * MALE/FEMALE to M/F, country codes upper case) or refused with the listed error keys. Nothing is
 * written when one field is refused: the caller applies the result only after it returns.
 */
final class KycUpdate {

    static final List<String> FIELDS = List.of("address", "city", "postal_code", "dob", "phone_number", "middle_name",
            "id_number", "id_type", "gender", "nationality", "id_issue_country", "source_of_funds");
    private static final Set<String> REQUIRED = Set.of("first_name", "last_name", "country_code");
    private static final Set<String> ID_TYPES = Set.of("NATIONAL_ID", "DRIVER_LICENSE", "PASSPORT", "RESIDENCE_PERMIT");
    private static final Set<String> SOURCES_OF_FUNDS = Set.of("salary", "business_income", "savings", "investment",
            "gift", "family_support", "loan", "sale_of_property", "inheritance", "other");

    private KycUpdate() {
    }

    /** The non-blank recognised fields, normalized, in the contract's order. */
    static Map<String, String> read(Call call, Clock clock) {
        JsonNode body = call.body();
        for (String field : REQUIRED) {
            if (body.has(field)) {
                throw SimError.legacy(400, "required_field_immutable", field + " is a required KYC field and cannot be changed");
            }
        }
        boolean recognised = false;
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            JsonNode node = body.get(field);
            if (node == null) {
                continue;
            }
            recognised = true;
            if (node.isObject() || node.isArray()) {
                throw SimError.legacy(400, "invalid_field_value", field + " must be a string");
            }
            String value = node.isNull() ? "" : node.asText().trim();
            if (!value.isEmpty()) {
                values.put(field, normalized(field, value, clock));
            }
        }
        if (!recognised) {
            throw SimError.legacy(400, "no_valid_kyc_fields", "no updatable KYC field in the request; send one of "
                    + String.join(", ", FIELDS));
        }
        return values;
    }

    private static String normalized(String field, String value, Clock clock) {
        switch (field) {
            case "dob" -> KycPii.checkDateOfBirth(value, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            case "gender" -> {
                String g = value.toUpperCase(Locale.ROOT);
                return switch (g) {
                    case "M", "MALE" -> "M";
                    case "F", "FEMALE" -> "F";
                    default -> throw SimError.legacy(400, "invalid_gender", "gender must be M or F");
                };
            }
            case "nationality", "id_issue_country" -> {
                if (!value.matches("[A-Za-z]{2}")) {
                    throw SimError.legacy(400, "invalid_country_code", field + " must be an ISO 3166-1 alpha-2 code");
                }
                return value.toUpperCase(Locale.ROOT);
            }
            case "source_of_funds" -> {
                if (!SOURCES_OF_FUNDS.contains(value)) {
                    throw SimError.legacy(400, "invalid_source_of_funds", "source_of_funds must be one of the listed values");
                }
            }
            case "id_type" -> {
                if (!ID_TYPES.contains(value)) {
                    throw SimError.legacy(400, "invalid_field_value", "id_type must be one of " + String.join(", ", ID_TYPES));
                }
            }
            default -> {
                // free text (address, city, postal_code, phone_number, middle_name, id_number): the rail checks length
            }
        }
        return value;
    }
}
