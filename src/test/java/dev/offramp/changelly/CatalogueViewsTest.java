package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offramp.http.JsonBodies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changelly's camelCase catalogue in the API's snake_case, only the documented fields. */
class CatalogueViewsTest {

    final CatalogueViews views = new CatalogueViews();

    @Test
    void countriesKeepStatesOnlyWhereChangellyGivesThemAndNameProvidersInSnakeCase() {
        Object upstream = JsonBodies.parse("[{\"code\":\"US\",\"name\":\"United States\",\"states\":[{\"code\":\"US-NY\",\"name\":\"New York\"}],"
                + "\"providers\":[{\"providerCode\":\"moonpay\",\"supportedFlows\":[\"buy\",\"sell\"]}]},"
                + "{\"code\":\"IT\",\"name\":\"Italy\",\"somethingNew\":1}]");

        List<Map<String, Object>> countries = views.countries(upstream);

        assertThat(JsonBodies.toJson(countries)).isEqualTo("[{\"code\":\"US\",\"name\":\"United States\","
                + "\"states\":[{\"code\":\"US-NY\",\"name\":\"New York\"}],"
                + "\"providers\":[{\"provider_code\":\"moonpay\",\"supported_flows\":[\"buy\",\"sell\"]}]},"
                + "{\"code\":\"IT\",\"name\":\"Italy\",\"providers\":[]}]");
    }

    @Test
    void currenciesHaveEveryDocumentedFieldInSnakeCase() {
        Object upstream = JsonBodies.parse("[{\"ticker\":\"XRP\",\"name\":\"Ripple\",\"type\":\"crypto\",\"extraIdName\":\"Tag\","
                + "\"iconUrl\":\"i\",\"iconColoredUrl\":\"c\",\"precision\":6,\"network\":\"ripple\",\"protocol\":\"\","
                + "\"providers\":[{\"providerCode\":\"banxa\",\"supportedFlows\":[\"sell\"]}]}]");

        assertThat(JsonBodies.toJson(views.currencies(upstream))).isEqualTo("[{\"ticker\":\"XRP\",\"name\":\"Ripple\",\"type\":\"crypto\","
                + "\"extra_id_name\":\"Tag\",\"icon_url\":\"i\",\"icon_colored_url\":\"c\",\"precision\":\"6\",\"network\":\"ripple\","
                + "\"protocol\":\"\",\"providers\":[{\"provider_code\":\"banxa\",\"supported_flows\":[\"sell\"]}]}]");
    }

    @Test
    void providersInSnakeCaseAndNothingForAnAnswerThatIsNoList() {
        Object upstream = JsonBodies.parse("[{\"code\":\"moonpay\",\"name\":\"MoonPay\",\"trustPilotRating\":4.2,\"iconUrl\":\"i\"}]");

        assertThat(JsonBodies.toJson(views.providers(upstream)))
                .isEqualTo("[{\"code\":\"moonpay\",\"name\":\"MoonPay\",\"trust_pilot_rating\":\"4.2\",\"icon_url\":\"i\"}]");
        assertThat(views.providers(Map.of("error", "x"))).isEmpty();
    }
}
