package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.JsonBodies;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayoutMethodsTest {

    final PayoutMethods methods = new PayoutMethods();

    /** The contract's multi-format example (GHIPSS) and a plain rail. */
    static final Object RAILS = JsonBodies.parse("""
            {"country":"GH","currency":"GHS","direction":"offramp","rails":[
              {"slug":"ghipss","name":"GHIPSS","institution_required":false,
               "fields":[{"key":"account_number","required":true},{"key":"full_name","required":false}],
               "formats":[
                 {"id":"mobile-money","fields":[{"key":"phone_number","required":true},{"key":"full_name","required":false}]},
                 {"id":"banks","fields":[{"key":"account_number","required":true},{"key":"full_name","required":false}]}]},
              {"slug":"bank-x","name":"Bank X","institution_required":true,
               "fields":[{"key":"full_name","required":true},{"key":"iban","required":true}]}]}""");

    @Test
    void aMultiFormatRailTakesAnyOneOfItsFormats() {
        assertThat(methods.checkDetails(RAILS, request("ghipss", null, Map.of("phone_number", "+233200000000")))).isNotNull();
        assertThat(methods.checkDetails(RAILS, request("ghipss", null, Map.of("account_number", "123")))).isNotNull();
        assertField("details.phone_number", () -> methods.checkDetails(RAILS, request("ghipss", null, Map.of("full_name", "A"))));
    }

    @Test
    void railInstitutionAndFieldsAreEachNamed() {
        assertField("rail", () -> methods.checkDetails(RAILS, request("nope", null, Map.of())));
        assertField("institution_id", () -> methods.checkDetails(RAILS, request("bank-x", null, Map.of("full_name", "A", "iban", "X"))));
        assertField("details.iban", () -> methods.checkDetails(RAILS, request("bank-x", "b", Map.of("full_name", "A", "iban", " "))));
        assertThat(methods.checkDetails(RAILS, request("bank-x", "b", Map.of("full_name", "A", "iban", "X")))).isNotNull();
    }

    @Test
    void queriesAreBuiltOnlyFromCheckedValues() {
        assertThat(methods.railsQuery("de", "eur")).isEqualTo("direction=offramp&country=DE&currency=EUR");
        assertThat(methods.railsQuery(null, "NGN")).isEqualTo("direction=offramp&currency=NGN");
        assertThat(methods.institutionsQuery("pix", null, null, "itaú & co", null, "5"))
                .isEqualTo("rail=pix&search=ita%C3%BA+%26+co&limit=20&offset=5");
        assertField("currency", () -> methods.railsQuery(null, null));
        assertField("country", () -> methods.railsQuery("D&E", null));
        assertField("rail", () -> methods.institutionsQuery("pix&x=1", null, null, null, null, null));
        assertField("offset", () -> methods.institutionsQuery("pix", null, null, null, null, "-1"));
    }

    @Test
    void viewsKeepOnlyWhatAFormNeeds() {
        Map<String, Object> view = methods.methods(RAILS);
        assertThat(view.get("currency")).isEqualTo("GHS");
        assertThat(view.get("methods").toString()).contains("rail=ghipss").contains("formats=");
        Object currencies = JsonBodies.parse("[{\"code\":\"EUR\",\"name\":\"Euro\",\"countries\":[\"DE\"],\"offramp\":true},"
                + "{\"code\":\"XOF\",\"offramp\":false}]");
        assertThat(methods.currencies(currencies).get("currencies").toString()).contains("EUR").doesNotContain("XOF");
    }

    static Map<String, Object> request(String rail, String institution, Map<String, Object> details) {
        Map<String, Object> request = new java.util.HashMap<>();
        request.put("currency", "GHS");
        request.put("rail", rail);
        request.put("institution_id", institution);
        request.put("details", details);
        return request;
    }

    static void assertField(String field, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).getField()).isEqualTo(field))
                .satisfies(e -> assertThat(((ApiProblem) e).getStatus()).isEqualTo(400));
    }
}
