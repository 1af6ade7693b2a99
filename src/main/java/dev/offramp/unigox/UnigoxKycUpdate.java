package dev.offramp.unigox;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Identifiers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code PATCH /api/v1/users/{id}/kyc}, checked against what Unigox's
 * {@code PATCH /users/{user_uuid}/kyc} takes before anything is sent: only the optional fields it lists
 * ({@code address}, {@code city}, {@code postal_code} for EUR/AUD/GBP payouts, and the sender-identity
 * fields), each a non-blank printable string, with the formats and values the contract gives. A 400
 * names the first bad field; its message never repeats the value (it is PII). Unigox's required fields
 * (first_name, last_name, country_code) cannot be changed there, so they are refused here too. A blank
 * value is refused rather than passed on: Unigox treats it as a no-op, and this endpoint never clears a
 * stored value, which a caller sending {@code ""} may expect.
 */
public final class UnigoxKycUpdate {

    /** Every field the contract lets a partner update, in its order. */
    public static final List<String> FIELDS = List.of("address", "city", "postal_code", "dob", "phone_number",
            "middle_name", "id_number", "id_type", "gender", "nationality", "id_issue_country", "source_of_funds");
    static final int MAX_LENGTH = 200;
    private static final Set<String> FIXED = Set.of("first_name", "last_name", "country_code");
    private static final List<String> ID_TYPES = List.of("NATIONAL_ID", "DRIVER_LICENSE", "PASSPORT", "RESIDENCE_PERMIT");
    private static final List<String> SOURCES_OF_FUNDS = List.of("salary", "business_income", "savings", "investment",
            "gift", "family_support", "loan", "sale_of_property", "inheritance", "other");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private UnigoxKycUpdate() {
    }

    /**
     * The request for Unigox: the given fields, trimmed and normalized (country codes and gender upper
     * case), in the contract's order.
     *
     * @param today the date a date of birth is checked against (past, at least 18 years before)
     */
    public static Map<String, Object> request(Map<String, Object> body, LocalDate today) {
        if (body == null || body.isEmpty()) {
            throw ApiProblem.badField(null, "send at least one KYC field to update: " + String.join(", ", FIELDS));
        }
        for (String field : body.keySet()) {
            if (FIXED.contains(field)) {
                throw ApiProblem.badField(field, field + " cannot be changed after KYC was submitted");
            }
            if (!FIELDS.contains(field)) {
                throw ApiProblem.badField(field, field + " is not a KYC field that can be updated; send any of "
                        + String.join(", ", FIELDS));
            }
        }
        Map<String, Object> request = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (body.containsKey(field)) {
                request.put(field, checked(field, body.get(field), today));
            }
        }
        return request;
    }

    private static String checked(String field, Object raw, LocalDate today) {
        if (!(raw instanceof String text)) {
            throw ApiProblem.badField(field, field + " must be a string");
        }
        String value = text.trim();
        if (value.isEmpty()) {
            throw ApiProblem.badField(field, field + " must not be blank (a stored value is never cleared)");
        }
        String problem = Identifiers.textProblem(value, MAX_LENGTH);
        if (problem != null) {
            throw ApiProblem.badField(field, field + " " + problem);
        }
        return switch (field) {
            case "dob" -> dateOfBirth(value, today);
            case "phone_number" -> matching(field, value, E164, "must be in E.164 format, e.g. +37012345678");
            case "id_type" -> oneOf(field, value, ID_TYPES);
            case "source_of_funds" -> oneOf(field, value, SOURCES_OF_FUNDS);
            case "nationality", "id_issue_country" ->
                    matching(field, value, COUNTRY, "must be an ISO 3166-1 alpha-2 code").toUpperCase(Locale.ROOT);
            case "gender" -> gender(value);
            default -> value;
        };
    }

    private static String dateOfBirth(String value, LocalDate today) {
        LocalDate born = null;
        if (DATE.matcher(value).matches()) {
            try {
                born = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                born = null;
            }
        }
        if (born == null || !born.isBefore(today)) {
            throw ApiProblem.badField("dob", "dob must be a real past date, YYYY-MM-DD");
        }
        if (born.plusYears(18).isAfter(today)) {
            throw ApiProblem.badField("dob", "dob must be at least 18 years ago");
        }
        return value;
    }

    private static String gender(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> "M";
            case "F", "FEMALE" -> "F";
            default -> throw ApiProblem.badField("gender", "gender must be M or F (as on the identity document)");
        };
    }

    private static String matching(String field, String value, Pattern pattern, String rule) {
        if (!pattern.matcher(value).matches()) {
            throw ApiProblem.badField(field, field + " " + rule);
        }
        return value;
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiProblem.badField(field, field + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }
}
