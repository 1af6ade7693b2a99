package dev.offramp.changelly;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class PrepareChangellyHttpTest {

    final Exchange exchange = new DefaultExchange(new DefaultCamelContext());

    @Test
    void theMessageCarriesExactlyWhatWasSigned() {
        String body = "{\"amountFrom\":\"100\",\"currencyFrom\":\"USDT\"}";
        exchange.setVariable("changellyRequest",
                new ChangellyRequest("POST", "https://fiat-api.changelly.com/v1/sell/orders", body, "c2lnbmF0dXJl"));

        new PrepareChangellyHttp().process(exchange);

        assertThat(exchange.getMessage().getHeader("CamelHttpUri")).isEqualTo("https://fiat-api.changelly.com/v1/sell/orders");
        assertThat(exchange.getMessage().getHeader("CamelHttpMethod")).isEqualTo(HttpMethods.POST);
        assertThat(exchange.getMessage().getHeader("X-Api-Signature")).isEqualTo("c2lnbmF0dXJl");
        assertThat(exchange.getMessage().getBody()).isSameAs(body);
    }

    @Test
    void aGetHasNoBody() {
        exchange.getMessage().setBody("left over");
        exchange.setVariable("changellyRequest",
                new ChangellyRequest("GET", "https://fiat-api.changelly.com/v1/sell/offers?currencyFrom=USDT", null, "c2ln"));

        new PrepareChangellyHttp().process(exchange);

        assertThat(exchange.getMessage().getHeader("CamelHttpMethod")).isEqualTo(HttpMethods.GET);
        assertThat(exchange.getMessage().getBody()).isNull();
    }
}
