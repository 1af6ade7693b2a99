package dev.offramp.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.support.EventHelper;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.util.AntPathMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev reload of one changed route file (ROUTES_RELOAD=true) that never leaves the file's routes gone.
 * <p>
 * Camel 4.18's own reload parses the changed file first, so a YAML syntax error, an unknown EIP or an
 * unknown EIP field changes nothing. But it then stops and removes the file's routes before it creates
 * the new ones: a missing bean, an unknown endpoint option or a route that fails to start left them gone
 * (callers of a direct: route waited 30 s for a 500). And after any failure it loaded the broken file
 * again with every later change to any other file, so one broken file held up all other reloads.
 * <p>
 * Set as the callback of Camel's watcher (same directory, pattern and recursion), this loads the text of
 * the changed file; when that fails after routes were touched, it loads the text that last loaded (the
 * file as the bundle started with it, or as it was at its last good reload) again, and logs one WARN line
 * naming the file and the reason. The next save of the file is loaded as usual.
 */
public final class RouteFileReload implements ResourceReload {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileReload.class);

    /** The text of a route file that loaded, and the location its routes carry. */
    private record Source(String location, byte[] text) {
        Resource resource() {
            return ResourceHelper.fromBytes(location, text);
        }
    }

    private final CamelContext context;
    private final Map<Path, Source> lastLoaded = new ConcurrentHashMap<>();

    private RouteFileReload(CamelContext context) {
        this.context = context;
    }

    /**
     * With camel.main.routes-reload-enabled, camel-main has added its route watcher (not started yet):
     * from now on it calls this for every changed file. Left alone when reload is off, and in Camel's
     * reload-everything mode (routes-reload-remove-all-routes=true), which this does not handle.
     */
    public static void install(CamelContext context) throws IOException {
        RouteWatcherReloadStrategy watcher = context.hasService(RouteWatcherReloadStrategy.class);
        if (watcher == null || watcher.isRemoveAllRoutes() || watcher.getFolder() == null) {
            return;
        }
        RouteFileReload reload = new RouteFileReload(context);
        reload.rememberFiles(Path.of(watcher.getFolder()), watcher.isRecursive(), watcher.getPattern());
        watcher.setResourceReload(reload);
    }

    /** The text of every watched file now, just before the routes are loaded from them. */
    private void rememberFiles(Path folder, boolean recursive, String pattern) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        // as Camel's watcher: comma-separated Ant patterns, matched against the file name
        String[] patterns = (pattern == null || pattern.isBlank() ? "*.yaml,*.xml" : pattern).split(",");
        try (Stream<Path> files = Files.walk(folder, recursive ? Integer.MAX_VALUE : 1)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (AntPathMatcher.INSTANCE.anyMatch(patterns, name)) {
                    lastLoaded.put(key(file), new Source("file:" + file, Files.readAllBytes(file)));
                }
            }
        }
    }

    @Override
    public void onReload(String name, Resource resource) throws Exception {
        Path file = pathOf(resource);
        if (file == null || !Files.isRegularFile(file)) {
            LOG.info("Route file {} is gone: its routes keep running until the bundle restarts", name);
            return;
        }
        // load exactly the text that is remembered if it loads, whatever the file becomes meanwhile
        Source attempt = new Source(resource.getLocation(), Files.readAllBytes(file));
        Map<String, Route> before = routesById();
        Set<String> ids;
        try {
            ids = PluginHelper.getRoutesLoader(context).updateRoutes(List.of(attempt.resource()));
        } catch (Exception e) {
            keepPrevious(name, file, before, e);
            return;
        }
        lastLoaded.put(file, attempt);
        LOG.info("Route file {} reloaded: {}", name, ids.isEmpty() ? "no routes" : "routes " + String.join(", ", ids));
        int index = 1;
        for (String id : ids) {
            Route route = context.getRoute(id);
            if (route != null) {
                EventHelper.notifyRouteReloaded(context, route, index++, ids.size());
            }
        }
    }

    /** A failed reload: puts back whatever routes it had already stopped, from the text that last loaded. */
    private void keepPrevious(String name, Path file, Map<String, Route> before, Exception failure) {
        String reason = reason(failure);
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        // files whose routes the attempt stopped or replaced: the changed one, or another whose route id it reused
        Set<Path> touched = new LinkedHashSet<>();
        before.forEach((id, route) -> {
            Path source = pathOf(route.getSourceResource());
            if (context.getRoute(id) != route && source != null) {
                touched.add(source);
            }
        });
        // what the attempt added that was not there (started or not)
        List<RouteDefinition> added = new ArrayList<>();
        for (RouteDefinition definition : model.getRouteDefinitions()) {
            Route running = context.getRoute(definition.getRouteId());
            if (file.equals(pathOf(definition.getResource()))
                    && (running == null || before.get(definition.getRouteId()) != running)) {
                added.add(definition);
            }
        }
        List<Path> unknown = new ArrayList<>();
        try {
            if (!touched.isEmpty() || !added.isEmpty()) {
                for (RouteDefinition definition : added) {
                    model.removeRouteDefinition(definition);
                }
                List<Resource> previous = new ArrayList<>();
                for (Path source : touched) {
                    Source text = lastLoaded.get(source);
                    if (text == null) {
                        unknown.add(source);
                    } else {
                        previous.add(text.resource());
                    }
                }
                PluginHelper.getRoutesLoader(context).updateRoutes(previous);
            }
            // else it failed while parsing, before anything was stopped
            if (!unknown.isEmpty()) {
                LOG.error("Route file {} not reloaded ({}), and the routes it stopped of {} cannot be restored "
                        + "(no text of them ever loaded): restart the bundle", name, reason, unknown);
                return;
            }
            LOG.warn("Route file {} not reloaded, its previous routes keep running: {}", name, reason);
            LOG.debug("Route file {} not reloaded", name, failure);
        } catch (Exception restoreFailed) {
            LOG.error("Route file {} not reloaded ({}), and its previous routes could not be restored: {}",
                    name, reason, reason(restoreFailed), restoreFailed);
        }
    }

    private Map<String, Route> routesById() {
        Map<String, Route> routes = new HashMap<>();
        for (Route route : context.getRoutes()) {
            routes.put(route.getRouteId(), route);
        }
        return routes;
    }

    /** The file behind a file: resource (as the watcher and routes-include-pattern name them), or null. */
    private static Path pathOf(Resource resource) {
        if (resource == null || resource.getLocation() == null || !resource.getLocation().startsWith("file:")) {
            return null;
        }
        return key(Path.of(resource.getLocation().substring("file:".length())));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /**
     * The messages of the cause chain on one line (YAML errors span several, with the line and column),
     * without the wrappers that only repeat their cause.
     */
    private static String reason(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank() || (t.getCause() != null && message.equals(t.getCause().toString()))) {
                if (t.getCause() == null) {
                    parts.add(t.getClass().getSimpleName());
                }
                continue;
            }
            String line = message.replaceAll("\\s*\\R\\s*", " ").trim();
            if (parts.stream().noneMatch(p -> p.contains(line))) {
                parts.add(line);
            }
        }
        return String.join(": ", parts);
    }
}
