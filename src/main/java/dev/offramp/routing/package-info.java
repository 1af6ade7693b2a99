/**
 * The few route steps on the webhook and status-change hot path that turn a plain bean's answer into
 * flat exchange variables ({@code ${variable.eventStatus}}, {@code ${variable.canonicalStatus}}).
 *
 * <p>Why these exist: Simple's method and key calls on a variable ({@code ${variable.decision.applied()}},
 * {@code ${variable.event[order_id]}}) copy the whole exchange and bind a bean method for every call.
 * A profile of webhook ingest put a quarter of the bundle's CPU there (BENCHMARKS.md, session 3). Each
 * class here is a thin {@link org.apache.camel.Processor} around a Camel-free bean that keeps the
 * logic and its unit tests (the signature check, the event reader, the state machine); the route YAML
 * names each one with a comment listing the variables it sets.
 */
package dev.offramp.routing;
