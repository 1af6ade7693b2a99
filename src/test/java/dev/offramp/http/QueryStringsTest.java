package dev.offramp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringsTest {

    @Test
    void pairsAreDecodedInOrderWithRepeatsAndBothSeparators() {
        assertThat(QueryStrings.pairs("a=1&b=x%20y;X-API-Key=k&a=2&flag&c=%zz"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "x y"), Map.entry("X-API-Key", "k"), Map.entry("a", "2"),
                        Map.entry("flag", ""), Map.entry("c", "%zz"));
        assertThat(QueryStrings.pairs("%58-API-Key=k")).containsExactly(Map.entry("X-API-Key", "k"));
        assertThat(QueryStrings.pairs(null)).isEmpty();
        assertThat(QueryStrings.pairs("")).isEmpty();
    }
}
