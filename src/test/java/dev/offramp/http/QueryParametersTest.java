package dev.offramp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private final QueryParameters query = new QueryParameters();

    @Test
    void aKeyInTheQueryIsRefusedWithoutRepeatingIt() {
        for (String raw : new String[] {"X-API-Key=secret-1", "page=1&x-api-key=secret-1", "a=1;API_KEY=secret-1", "%58-Api-Key=secret-1", "apikey"}) {
            assertThatThrownBy(() -> query.refuseKeys(raw)).as(raw).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.getStatus()).isEqualTo(400);
                assertThat(p.getCode()).isEqualTo("key_in_query");
                assertThat(p.getField()).isEqualTo("X-API-Key");
                assertThat(p.getMessage()).contains("X-API-Key request header").doesNotContain("secret-1");
            });
        }
        query.refuseKeys(null);
        query.refuseKeys("status=created&key_id=1");
    }

    @Test
    void parametersAreReadOnceEachAndARepeatIsA400NamingIt() {
        assertThat(query.of("status=created&page=2&unknown=x")).isEqualTo(Map.of("status", "created", "page", "2", "unknown", "x"));
        assertThat(query.of(null)).isEmpty();
        assertThatThrownBy(() -> query.of("status=a&status=b")).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.getStatus()).isEqualTo(400);
            assertThat(p.getField()).isEqualTo("status");
        });
    }
}
