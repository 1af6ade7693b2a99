package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiProblem;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PATCH kyc body: only the fields Unigox lets a partner update, in the formats its contract gives. */
class UnigoxKycUpdateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private static Map<String, Object> request(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return UnigoxKycUpdate.request(body, TODAY);
    }

    private static void refused(String field, Object... pairs) {
        assertThatThrownBy(() -> request(pairs)).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.getStatus()).isEqualTo(400);
            assertThat(p.getField()).isEqualTo(field);
        });
    }

    @Test
    void theAddressIsPassedOnTrimmedInTheContractsOrder() {
        assertThat(request("postal_code", " 10117 ", "city", "Berlin", "address", "Unter den Linden 1"))
                .containsExactly(Map.entry("address", "Unter den Linden 1"), Map.entry("city", "Berlin"),
                        Map.entry("postal_code", "10117"));
    }

    @Test
    void senderIdentityFieldsAreNormalized() {
        assertThat(request("gender", "female", "nationality", "lt", "id_issue_country", "LT", "dob", "2008-03-01",
                "phone_number", "+37012345678", "id_type", "PASSPORT", "source_of_funds", "salary"))
                .containsEntry("gender", "F").containsEntry("nationality", "LT").containsEntry("dob", "2008-03-01");
    }

    @Test
    void everyBadFieldIsNamed() {
        refused("first_name", "first_name", "Eve");
        refused("country_code", "address", "x", "country_code", "FR");
        refused("nickname", "nickname", "Eve");
        refused("city", "city", List.of("Berlin"));
        refused("postal_code", "postal_code", 10117);
        refused("address", "address", "   ");
        refused("address", "address", "a".repeat(UnigoxKycUpdate.MAX_LENGTH + 1));
        refused("city", "city", "Ber\u0000lin");
        refused("dob", "dob", "2008-03-02");
        refused("dob", "dob", "2030-01-01");
        refused("dob", "dob", "1990-02-30");
        refused("dob", "dob", "01.01.1990");
        refused("phone_number", "phone_number", "0301234567");
        refused("gender", "gender", "X");
        refused("nationality", "nationality", "DEU");
        refused("id_type", "id_type", "NIN");
        refused("source_of_funds", "source_of_funds", "lottery");
        refused(null);
    }

    @Test
    void aRefusalNeverRepeatsTheValue() {
        assertThatThrownBy(() -> request("phone_number", "0301234567")).hasMessageNotContaining("0301234567");
        assertThatThrownBy(() -> request("dob", "2010-05-05")).hasMessageNotContaining("2010");
    }
}
