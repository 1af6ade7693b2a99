package dev.offramp.camel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class HttpMethodFromTextTest {

    @Test
    void theRoutesTextualMethodConvertsThroughTheRegisteredConverter() throws Exception {
        try (var context = new DefaultCamelContext()) {
            context.getTypeConverterRegistry().addTypeConverter(HttpMethods.class, String.class, new HttpMethodFromText());

            assertThat(context.getTypeConverter().convertTo(HttpMethods.class, "GET")).isEqualTo(HttpMethods.GET);
            assertThat(context.getTypeConverter().convertTo(HttpMethods.class, " post ")).isEqualTo(HttpMethods.POST);
            assertThat(context.getTypeConverterRegistry().lookup(HttpMethods.class, String.class))
                    .isInstanceOf(HttpMethodFromText.class);
        }
    }
}
