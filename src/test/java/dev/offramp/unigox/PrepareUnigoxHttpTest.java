package dev.offramp.unigox;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class PrepareUnigoxHttpTest {

    final Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    final PrepareUnigoxHttp prepare = new PrepareUnigoxHttp("partner-key", "https://api.unigox.com");

    @Test
    void partnerCallsGoBelowThePartnerApiWithTheKey() {
        exchange.setVariable("unigoxMethod", "GET");
        exchange.setVariable("unigoxPath", "/orders/1");
        prepare.process(exchange);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_PATH)).isEqualTo("/orders/1");
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_URI)).isNull();
        assertThat(exchange.getMessage().getHeader("X-API-Key")).isEqualTo("partner-key");
    }

    @Test
    void referenceDataGoesToTheServerRootWithoutTheKey() {
        exchange.setVariable("unigoxMethod", "GET");
        exchange.setVariable("unigoxPath", "/api/v1/supported/payment-rails");
        exchange.setVariable("unigoxQuery", "direction=offramp&currency=EUR");
        prepare.process(exchange);
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_URI)).isEqualTo("https://api.unigox.com/api/v1/supported/payment-rails");
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_PATH)).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_QUERY)).isEqualTo("direction=offramp&currency=EUR");
        assertThat(exchange.getMessage().getHeader("X-API-Key")).isNull();
    }
}
