package dev.offramp.camel;

import dev.offramp.http.HttpErrors;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every answer no route writes is the bundle's JSON error too (issue 16, class 7). Vert.x, under
 * camel-platform-http-main, answers on its own when no route takes a request: an unknown path (404,
 * HTML), a known path with another method (405, empty), a body its body handler cannot read (a broken
 * multipart: 400, plain text, and an ERROR with a stack trace), anything that failed before an exchange
 * existed (500, plain text), and a request whose Accept header no route's answer matches (406: Vert.x
 * passes it on as if the path had no route, which had read as a 405 with an Allow header naming the very method). Its router takes an error handler per status code: one is set on the API
 * server's router and on the management server's, for every 4xx and 5xx, writing {@link HttpErrors}.
 * A client's mistake is logged at DEBUG only, without a stack trace; a server failure at ERROR.
 */
public final class JsonErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorPages.class);

    private JsonErrorPages() {
    }

    public static void install(CamelContext context) throws Exception {
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext camel, boolean alreadyStarted) {
                // the servers are started with the context; their routers exist from then on
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext camel, boolean alreadyStarted) {
                MainHttpServer api = camel.hasService(MainHttpServer.class);
                if (api != null && api.getRouter() != null) {
                    install(api.getRouter());
                }
                ManagementHttpServer management = camel.hasService(ManagementHttpServer.class);
                if (management != null && management.getRouter() != null) {
                    serveInfo(camel, management);
                    install(management.getRouter());
                }
            }
        });
    }

    /**
     * GET /observe/info without JMX (dev.offramp.http.InfoAnswer); Camel's own, which needs
     * JMX, is off (camel.management.info-enabled=false).
     */
    private static void serveInfo(CamelContext camel, ManagementHttpServer management) {
        // where Camel's own would be (camel.management.info-path, /observe/info by default)
        String path = management.getInfoPath() == null ? "/observe/info" : management.getInfoPath();
        String version = JsonErrorPages.class.getPackage().getImplementationVersion();
        // when the context started: uptime is Camel's own clock, counted back from now
        java.time.Instant started = java.time.Instant.now().minus(camel.getUptime());
        management.getRouter().route(HttpMethod.GET, path).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(dev.offramp.http.JsonBodies.toJson(dev.offramp.http.InfoAnswer.of(camel.getName(), version, camel.getVersion(),
                        started, java.time.Instant.now()))));
    }

    private static void install(Router router) {
        // The router Camel hands out is mounted under the server's own; an error handler set on it is
        // never asked (the parent answers), so the pages are routes of this router instead:
        // last of all, every request no route took (404, or 405 with Allow when the path is known) ...
        router.route().last().handler(ctx -> {
            Set<String> allowed = HttpErrors.allowed(ctx.normalizedPath(), routes(router));
            // a route for the path and method that did not take the request: its Accept asked for other than JSON
            answer(router, ctx, HttpErrors.noRouteStatus(ctx.request().method().name(), allowed));
        });
        // ... and first of all for failures, every ctx.fail: the body handler's 400 (a broken multipart
        // body) and 413, and whatever failed before an exchange existed
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> answer(router, ctx, status(ctx)));
    }

    private static int status(RoutingContext ctx) {
        return ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
    }

    private static void answer(Router router, RoutingContext ctx, int status) {
        Throwable failure = ctx.failure();
        if (status >= 500) {
            LOG.error("HTTP {} answered {} before any route", ctx.request().method(), status, failure);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("HTTP {} answered {} before any route: {}", ctx.request().method(), status,
                    failure == null ? "no route" : failure.getClass().getSimpleName());
        }
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.end();
            return;
        }
        response.setStatusCode(status);
        response.headers().clear();
        response.putHeader("Content-Type", "application/json");
        if (status == 405) {
            Set<String> allowed = HttpErrors.allowed(ctx.normalizedPath(), routes(router));
            if (!allowed.isEmpty()) {
                response.putHeader("Allow", String.join(", ", allowed));
            }
        }
        response.end(HttpErrors.body(status));
    }

    private static List<HttpErrors.Route> routes(Router router) {
        List<HttpErrors.Route> routes = new ArrayList<>();
        for (io.vertx.ext.web.Route route : router.getRoutes()) {
            Set<HttpMethod> methods = route.methods();
            if (route.getPath() != null && methods != null && !methods.isEmpty()) {
                routes.add(new HttpErrors.Route(route.getPath(), methods.stream().map(HttpMethod::name).toList()));
            }
        }
        return routes;
    }
}
