package dev.offramp.config;

import dev.offramp.events.DeliveryOutcomes;
import dev.offramp.events.DeliveryThreadPriority;
import dev.offramp.events.EventDestinations;
import dev.offramp.events.EventTrace;
import dev.offramp.events.EventsAdmin;
import dev.offramp.events.Events;
import dev.offramp.events.EventsFeed;
import dev.offramp.events.PrepareEventAttempt;
import dev.offramp.events.RecordEventAttempt;
import dev.offramp.events.WriteOrderEvents;
import dev.offramp.orders.OrderViews;
import dev.offramp.status.OrderStateMachine;
import io.opentelemetry.api.trace.Tracer;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/** The beans of the events the bundle tells the business (outbox, deliveries, feed): issue 19. */
final class EventsBeans {

    private EventsBeans() {
    }

    static void bind(CamelContext context, OrderStateMachine stateMachine, OrderViews orderViews, Tracer tracer) {
        PropertiesComponent props = context.getPropertiesComponent();
        var registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        Events events = new Events(orderViews, stateMachine, clock);
        registry.bind("events", events);
        registry.bind("writeOrderEvents", new WriteOrderEvents(events));
        EventDestinations destinations = new EventDestinations(BundleConfiguration.setting(props, "offramp.events.url"),
                BundleConfiguration.setting(props, "offramp.events.secret"),
                BundleConfiguration.setting(props, "offramp.events.types"),
                BundleConfiguration.setting(props, "offramp.events.broker-uri"),
                BundleConfiguration.setting(props, "offramp.events.broker-types"), clock);
        registry.bind("eventDestinations", destinations);
        DeliveryOutcomes outcomes = new DeliveryOutcomes(BundleConfiguration.setting(props, "offramp.events.retry-schedule"), clock);
        registry.bind("deliveryOutcomes", outcomes);
        registry.bind("prepareEventAttempt", new PrepareEventAttempt(destinations, new EventTrace(tracer)));
        registry.bind("recordEventAttempt", new RecordEventAttempt(outcomes));
        registry.bind("eventsAdmin", new EventsAdmin());
        // the delivery loop's workers: a batch's deliveries (one per subject) are sent side by side
        int threads = Integer.parseInt(BundleConfiguration.setting(props, "offramp.events.delivery-threads"));
        registry.bind("eventsDeliveryPool", context.getExecutorServiceManager()
                .newFixedThreadPool(EventsBeans.class, "events-deliver", threads));
        // ... which, with the delivery loop's timer thread, give way to the threads that answer requests
        registry.bind("deliveryThreadPriority", new DeliveryThreadPriority(
                Integer.parseInt(BundleConfiguration.setting(props, "offramp.events.delivery-nice")), "renice"));
        registry.bind("eventsFeed", new EventsFeed(clock, Long.parseLong(BundleConfiguration.setting(props, "offramp.events.feed-settle-ms"))));
    }
}
