/**
 * Where the bundle patches or works around Camel 4.18 itself (camel-main, camel-sql, camel-spring,
 * camel-http, and the Vert.x server of camel-platform-http-main): each class names the Camel behaviour
 * it replaces and why. Installed or bound by the wiring in {@code dev.offramp.config}; nothing here knows
 * about orders, upstreams or webhooks. When a Camel upgrade fixes the behaviour, the class goes.
 */
package dev.offramp.camel;
