package dev.offramp.routes;

import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

/**
 * An order through each upstream, end to end, with the base URLs written one way or another: each
 * subclass pastes them in one form (as documented, with a trailing slash, in the old form) and starts the
 * bundle with them.
 */
abstract class BaseUrlsContract {

    @BeanInject
    CamelContext context;

    @Test
    void aUnigoxOrderGoesThrough() throws Exception {
        new UpstreamSmoke(new Bundle(context)).unigoxOrder();
    }

    @Test
    void aChangellyOrderGoesThrough() throws Exception {
        new UpstreamSmoke(new Bundle(context)).changellyOrder();
    }
}
