package dev.offramp.sandbox.changelly;

import dev.offramp.sandbox.SandboxAnswer;
import dev.offramp.sandbox.SandboxExchangeObserver;
import dev.offramp.sandbox.SandboxObservers;
import dev.offramp.sandbox.SandboxRequest;
import dev.offramp.sandbox.SandboxResponse;
import dev.offramp.sandbox.SandboxSimulator;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory, thread-safe stand-in for the Changelly Fiat API's sell flow, mounted at
 * {@value ChangellySimulatorSettings#MOUNT_POINT} on the bundle's HTTP server.
 *
 * <h2>Fiat API endpoints</h2>
 * Each needs {@code X-Api-Key} and a valid {@code X-Api-Signature}, checked exactly as upstream
 * ({@link RequestSignatureVerifier}); otherwise the documented 401.
 * <ul>
 *   <li>{@code GET /v1/available-countries}, {@code GET /v1/currencies}, {@code GET /v1/providers}:
 *       the fixed {@link SandboxCatalog} ({@code supportedFlow=buy} answers an empty list);</li>
 *   <li>{@code GET /v1/sell/offers}: quotes from moonpay, banxa, mercuryo and per-provider error entries
 *       ({@link SellOfferCalculator});</li>
 *   <li>{@code POST /v1/validate-address} ({@link AddressValidator});</li>
 *   <li>{@code POST /v1/sell/orders}, {@code GET /v1/orders};</li>
 *   <li>{@code PATCH} (or {@code POST}) {@code /v1/sandbox/order/{id}} and
 *       {@code POST /v1/sandbox/order/{id}/resend-callback}.</li>
 * </ul>
 * Orders move created → pending → complete by themselves every {@code stepSeconds} ({@link OrderClock}).
 * Every status change, every sandbox PATCH and every resend POSTs the order to the callback URL, signed
 * with {@code x-callback-signature} ({@link CallbackDispatcher}); the initial {@code created} is not
 * announced (nothing changed yet).
 *
 * <h2>Sandbox control endpoints (not in the real API; no authentication)</h2>
 * <ul>
 *   <li>{@code POST /_sandbox/orders/{id}/advance}: one clock step now (created → pending → complete); 400
 *       for a status the clock does not move;</li>
 *   <li>{@code GET /_sandbox/callbacks}: {@code {"callbacks":[...]}}, every delivery attempt since the last
 *       reset, oldest first, with body, signature, outcome and the receiver's HTTP status;</li>
 *   <li>{@code POST /_sandbox/callbacks/lie} {@code {"orderId","status"}}: one correctly signed callback whose
 *       body claims {@code status} while the stored order keeps its own; proves that a receiver re-reads
 *       the order with {@code GET /v1/orders} instead of trusting the body;</li>
 *   <li>{@code POST /_sandbox/faults} {@code {"path","status":500|429,"count":N,"retryAfter":s,"delayMs":ms}}:
 *       the next N (default 1) authenticated requests to that path (e.g. {@code /v1/sell/offers}) answer the
 *       error in the upstream's error model ({@code 429} with {@code Retry-After} if given) and/or are delayed;
 *       {@code GET /_sandbox/faults} lists what is armed;</li>
 *   <li>{@code POST /_sandbox/reset}: forgets orders, recorded and queued callbacks, and faults.</li>
 * </ul>
 * {@code GET /checkout/{orderId}} is the page an order's {@code redirectUrl} points to.
 */
public final class ChangellySimulator implements SandboxSimulator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangellySimulator.class);
    private static final Pattern CHECKOUT = Pattern.compile("/checkout/([^/]+)");

    private final RequestSignatureVerifier signatures;
    private final ChangellyFaultInjector faults = new ChangellyFaultInjector();
    private final CallbackDispatcher callbacks;
    private final OrderClock clock;
    private final OrderBook orders;
    private final FiatApiEndpoints api;
    private final ChangellyControlEndpoints controls;
    private final CheckoutPage checkout;
    private final SandboxObservers observers = new SandboxObservers("changelly");

    public ChangellySimulator(ChangellySimulatorSettings settings) {
        this(settings, Clock.systemUTC());
    }

    ChangellySimulator(ChangellySimulatorSettings settings, Clock time) {
        this.signatures = new RequestSignatureVerifier(settings);
        this.callbacks = new CallbackDispatcher(settings.callbackUrl(),
                new CallbackSigner(PemKeys.privateKey(settings.callbackPrivateKey())), time);
        this.clock = new OrderClock(settings.stepSeconds(), (orderId, statusChanges) -> orders().step(orderId, statusChanges));
        this.orders = new OrderBook(new OrderChangeListener() {
            @Override
            public void added(SellOrder order) {
                clock.scheduleNextStep(order);
            }

            @Override
            public void changed(SellOrder before, SellOrder after, Cause cause) {
                boolean statusChanged = before.status() != after.status();
                if (statusChanged) {
                    clock.scheduleNextStep(after);
                }
                if (cause == Cause.SANDBOX_PATCH) {
                    callbacks.send(after.orderId(), after.toView(), "sandbox-patch");
                } else if (statusChanged) {
                    callbacks.send(after.orderId(), after.toView(), "status-change");
                }
            }
        }, time);
        SellOfferCalculator calculator = new SellOfferCalculator();
        AddressValidator addresses = new AddressValidator();
        this.api = new FiatApiEndpoints(orders,
                new SellOrderCreator(calculator, addresses, settings, time), calculator, addresses, callbacks);
        this.controls = new ChangellyControlEndpoints(orders, callbacks, faults);
        this.checkout = new CheckoutPage(orders);
    }

    /** For the clock's lambda, built before the final field is assigned (the step runs only later). */
    private OrderBook orders() {
        return orders;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        SandboxAnswer answer = answer(request);
        observers.tell(request, answer.response(), answer.faultInjected());
        return answer.response();
    }

    /** Adds an observer of every request and answer (tests count and check what the bundle asks). */
    public void observe(SandboxExchangeObserver observer) {
        observers.add(observer);
    }

    public void stopObserving(SandboxExchangeObserver observer) {
        observers.remove(observer);
    }

    private SandboxAnswer answer(SandboxRequest request) {
        String path = withoutTrailingSlash(request.path());
        try {
            if (path.startsWith("/_sandbox/")) {
                return SandboxAnswer.of(controls.handle(path, request).orElseThrow(ChangellyApiError::routeNotFound));
            }
            Matcher page = CHECKOUT.matcher(path);
            if (page.matches() && "GET".equals(request.method())) {
                return SandboxAnswer.of(checkout.render(page.group(1)));
            }
            signatures.requireAuthentic(request);
            Optional<ChangellyInjectedFault> fault = faults.take(path);
            if (fault.isPresent() && !fault.get().afterProcessing()) {
                Optional<SandboxResponse> injected = apply(fault.get());
                if (injected.isPresent()) {
                    return SandboxAnswer.fault(injected.get());
                }
            }
            SandboxResponse answer = api.handle(path, request).orElseThrow(ChangellyApiError::routeNotFound);
            if (fault.isPresent() && fault.get().afterProcessing()) {
                // the work is done; only its answer is lost (or late)
                return apply(fault.get()).map(SandboxAnswer::fault).orElse(SandboxAnswer.of(answer));
            }
            return SandboxAnswer.of(answer);
        } catch (ChangellyApiError e) {
            return SandboxAnswer.of(e.toResponse());
        } catch (RuntimeException e) {
            LOG.error("Changelly sandbox: {} {} failed", request.method(), path, e);
            return SandboxAnswer.of(ChangellyApiError.internalServerError().toResponse());
        }
    }

    /** Waits the fault's delay, then answers its error if it has one (else the request goes on as usual). */
    private static Optional<SandboxResponse> apply(ChangellyInjectedFault fault) {
        if (fault.delayMs() > 0) {
            try {
                Thread.sleep(fault.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.status() == null) {
            return Optional.empty();
        }
        ChangellyApiError error = fault.status() == 429
                ? ChangellyApiError.tooManyRequests(fault.retryAfterSeconds())
                : ChangellyApiError.internalServerError();
        return Optional.of(error.toResponse());
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Stops the clock and the callback thread: queued callbacks are dropped, later ones recorded as not sent. */
    @Override
    public void close() {
        clock.close();
        callbacks.close();
    }
}
