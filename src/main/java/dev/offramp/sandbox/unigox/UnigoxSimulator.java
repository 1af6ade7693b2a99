package dev.offramp.sandbox.unigox;

import dev.offramp.sandbox.SandboxAnswer;
import dev.offramp.sandbox.SandboxExchangeObserver;
import dev.offramp.sandbox.SandboxObservers;
import dev.offramp.sandbox.SandboxRequest;
import dev.offramp.sandbox.SandboxResponse;
import dev.offramp.sandbox.SandboxSimulator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful, in-memory stand-in for the Unigox partner API ({@code /api/v1/partner/...}): users and
 * KYC, payout profiles, estimate/quote/initiate, orders and their actions, and signed webhooks to the
 * registered URL. Same paths, JSON shapes, status codes and error envelopes as the contract
 * ({@code shared/reference/unigox-openapi.yaml}); amounts are decimal strings. This class routes the
 * requests, checks the key and renders answers; each endpoint family has its own class.
 *
 * <p>Orders move on by themselves every {@code stepSeconds} wherever nobody calls an endpoint on the
 * real platform (vendor match, chain confirmation, buyer proof, admin review, escrow release), and
 * wait at {@code awaiting_crypto_transfer_authorization} and {@code awaiting_fiat_received_confirmation}
 * for the partner. KYC review also takes one step. Every order status change sends
 * {@code order.status.changed}; KYC changes send {@code user.kyc.updated}.
 *
 * <h2>Sandbox control endpoints</h2>
 * Not in the real API; same X-API-Key; partner error envelope; all answers in the success envelope.
 * <ul>
 *   <li>{@code POST /_sandbox/orders/{id}/advance}: one automatic step now; answers the order
 *       (409 INVALID_STATUS when it waits for the partner or has ended).</li>
 *   <li>{@code POST /_sandbox/orders/{id}/end {"status":..}}: another ending. {@code cancelled}
 *       (main path or dispute), {@code failed} and {@code dispute_started} (main path),
 *       {@code refund_required} (escrow funded: crypto_received .. crypto_release_pending, or
 *       dispute; status {@code cancelled} + {@code order.refund.required} with event id
 *       {@code evt_refund_required_<order_id>}, then {@code authorize-refund} is offered),
 *       {@code completed} (escrow funded, e.g. out of a dispute or an automatic settlement),
 *       {@code refunded} (from cancelled).</li>
 *   <li>{@code POST /_sandbox/webhooks/mode {"mode":..}}: {@code normal}, {@code duplicate_same_id},
 *       {@code duplicate_new_id}, {@code reorder} (each event held until the next one is sent),
 *       {@code drop} (recorded, not sent); applies to later events.</li>
 *   <li>{@code GET /_sandbox/webhooks/deliveries}: every event produced, with its outcome.</li>
 *   <li>{@code POST /_sandbox/quotes/{id}/expire}: the quote expires now.</li>
 *   <li>{@code POST /_sandbox/offramp/next-initiate-price-change}: the next initiate answers
 *       409 PRICE_CHANGED_REQUOTE (and that quote stays stale).</li>
 *   <li>{@code POST /_sandbox/users/{uuid}/kyc {"kyc_status":..,"rejection_reason"?}}: VERIFIED,
 *       VERIFICATION_REJECTED or UNDER_REVIEW, with the webhook; it stays until changed.</li>
 *   <li>{@code POST /_sandbox/users/{uuid}/kyc/advance}: one automatic KYC step now.</li>
 *   <li>{@code POST /_sandbox/latency} {@code {"path","delay_ms"}}: answer that path (e.g.
 *       {@code /api/v1/partner/offramp/estimate}) only after the delay; 0 clears it;</li>
 *   <li>{@code POST /_sandbox/faults} {@code {"path","method"?,"status"?,"count"?,"retryAfter"?,"delayMs"?,"malformed"?}}:
 *       the next {@code count} (default 1) API requests to {@code path} below {@code /api/v1/partner}
 *       ({@code /orders/123}; {@code *} = every API path) with {@code method} (default any) that pass the
 *       key check wait {@code delayMs}, then answer {@code status} (400..599) as
 *       {@code SANDBOX_INJECTED_FAULT} in the family's envelope, with {@code Retry-After: retryAfter} if
 *       given, or 200 with a body that is not JSON ({@code malformed}), or go on late (delay only).
 *       Arming the same path and method again replaces the fault; path + method beats path beats
 *       {@code *} + method beats {@code *}. {@code GET /_sandbox/faults} lists them,
 *       {@code POST /_sandbox/faults/clear} drops them. Faulted calls count in the stats.</li>
 *   <li>{@code POST /_sandbox/orders/bulk} {@code {"count":N,"status":..,"seed":S}}: N orders (100 USDT ->
 *       EUR, at most 1,000,000) placed at that status at once, without quotes, webhooks or clock steps,
 *       with deterministic ids {@code %08x(S)-0000-4000-8000-%012x(i)} for i = 0..N-1 (so a benchmark
 *       can insert the matching local rows first); 409 DUPLICATE if one exists. For reconciliation
 *       benchmarks.</li>
 *   <li>{@code GET /_sandbox/stats}: requests answered per route ({@code "calls": {"GET /api/v1/partner/orders": 12}})
 *       and per API path below {@code /api/v1/partner} ({@code "paths": {"GET /orders/123": 3}}, at most
 *       {@value RequestStats#MAX_PATHS} paths, then {@code "paths_truncated": true});
 *       {@code POST /_sandbox/stats/reset} zeroes them. The stats calls are not counted.</li>
 *   <li>{@code POST /_sandbox/reset}: forget users, quotes, orders, webhook URL, mode, latencies, faults, stats and log.</li>
 * </ul>
 *
 * <h2>Deviations and choices</h2>
 * http:// webhook URLs are accepted (the receiver is local); the estimate is public (latest
 * contract); a 401 uses the envelope of the endpoint's family ({@code unauthorized} on users, KYC and
 * webhooks, {@code UNAUTHORIZED} on offramp and orders, as the contract shows); the test ping's
 * {@code event_type} is {@code webhook.test}; failed webhooks are recorded, not retried; events carry
 * {@code user_uuid} (the swagger example says {@code user_id}); {@code user.kyc.updated} fires for
 * UNDER_REVIEW, VERIFIED and REJECTED only, as documented. An EUR/GBP/AUD order of a user whose KYC
 * has no full address (address, city, postal_code) starts at {@code pending_address} and moves on when
 * PATCH kyc completes it ({@link AddressRule}); the initiate answer carries only the status (its
 * schema has no {@code required_fields} or {@code next_action}; GET /orders/{id} has both). Not
 * simulated: third-party recipients, the refund parameters.
 */
public final class UnigoxSimulator implements SandboxSimulator, AutoCloseable {

    static final String PARTNER = "/api/v1/partner";

    private static final Logger LOG = LoggerFactory.getLogger(UnigoxSimulator.class);

    private final byte[] apiKey;
    private final SimulatorState state;
    private final StepScheduler scheduler;
    private final WebhookSender webhooks;
    private final RouteTable routes = new RouteTable();
    private final ResponseLatency latency = new ResponseLatency();
    private final RequestStats stats = new RequestStats();
    private final UnigoxFaultInjector faults = new UnigoxFaultInjector();
    private final SandboxObservers observers = new SandboxObservers("unigox");

    public UnigoxSimulator(UnigoxSimulatorSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** @param clock the time quotes, timelines and webhooks are stamped with (tests move it) */
    public UnigoxSimulator(UnigoxSimulatorSettings settings, Clock clock) {
        this.apiKey = settings.apiKey().getBytes(StandardCharsets.UTF_8);
        this.state = new SimulatorState(settings.quoteTtlSeconds());
        this.scheduler = new StepScheduler(settings.stepSeconds());
        this.webhooks = new WebhookSender(new WebhookSigner(settings.webhookSecret()), clock);
        OrderLifecycle orders = new OrderLifecycle(state, webhooks, scheduler, clock);
        KycLifecycle kyc = new KycLifecycle(state, webhooks, scheduler, clock);
        new WebhookEndpoints(webhooks, clock).addTo(routes);
        new UserEndpoints(state, clock).addTo(routes);
        new ReferenceDataEndpoints(clock).addTo(routes);
        new KycEndpoints(state, kyc, new AddressRule(state, orders), clock).addTo(routes);
        new OfframpEndpoints(state, new OfframpPricing(), orders, clock).addTo(routes);
        new OrderEndpoints(state, orders, clock).addTo(routes);
        new UnigoxControlEndpoints(state, orders, kyc, webhooks, latency, stats, faults, clock).addTo(routes);
        new FaultEndpoints(faults, routes::serves).addTo(routes);
    }

    /** Adds an observer of every request and answer (tests check them against Unigox's OpenAPI). */
    public void observe(SandboxExchangeObserver observer) {
        observers.add(observer);
    }

    public void stopObserving(SandboxExchangeObserver observer) {
        observers.remove(observer);
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        SandboxAnswer answer = answer(request);
        observers.tell(request, answer.response(), answer.faultInjected());
        return answer.response();
    }

    private SandboxAnswer answer(SandboxRequest request) {
        try {
            RouteTable.Match match = routes.match(request).orElseThrow(() -> SimError.partner(404, "NOT_FOUND",
                    "no such endpoint: " + request.method() + " " + request.path()));
            RouteTable.Route route = match.route();
            String template = "/" + String.join("/", route.template());
            String apiPath = apiPath(request.path());
            if (!template.startsWith("/_sandbox/stats")) {
                stats.count(route.method() + " " + template);
            }
            if (apiPath != null) {
                stats.countPath(route.method() + " " + apiPath);
            }
            if (route.needsKey() && !keyMatches(request.header("x-api-key"))) {
                throw route.envelope() == SimError.Envelope.LEGACY
                        ? SimError.legacy(401, "unauthorized", null)
                        : SimError.partner(401, "UNAUTHORIZED", "Invalid or missing API key");
            }
            latency.await(request.path());
            Optional<UnigoxInjectedFault> fault = apiPath == null ? Optional.empty() : faults.take(route.method(), apiPath);
            if (fault.isPresent() && !fault.get().afterProcessing()) {
                Optional<SandboxResponse> injected = meet(fault.get(), route.envelope());
                if (injected.isPresent()) {
                    return SandboxAnswer.fault(injected.get());
                }
            }
            Call call = new Call(request, match.pathParams(), route.envelope());
            Reply reply;
            if (route.runsUnlocked()) {
                reply = route.handler().handle(call);
            } else {
                synchronized (state) {
                    reply = route.handler().handle(call);
                }
            }
            if (fault.isPresent() && fault.get().afterProcessing()) {
                // the work is done; only its answer is lost (or late)
                Optional<SandboxResponse> lost = meet(fault.get(), route.envelope());
                if (lost.isPresent()) {
                    return SandboxAnswer.fault(lost.get());
                }
            }
            if (reply.data() == Reply.NO_BODY) {
                return SandboxAnswer.of(new SandboxResponse(reply.status(), null, "", java.util.Map.of()));
            }
            return SandboxAnswer.of(SandboxResponse.json(reply.status(), UnigoxJson.write(UnigoxJson.object("success", true, "data", reply.data()))));
        } catch (SimError e) {
            return SandboxAnswer.of(SandboxResponse.json(e.status(), UnigoxJson.write(e.body())));
        } catch (RuntimeException e) {
            LOG.error("unigox simulator failed on {} {}", request.method(), request.path(), e);
            return SandboxAnswer.of(SandboxResponse.json(500, UnigoxJson.write(
                    SimError.partner(500, "INTERNAL_ERROR", "the simulator failed; see its log").body())));
        }
    }

    /** Waits the fault's delay outside the state lock (other requests go on), then its answer, if it has one. */
    private static Optional<SandboxResponse> meet(UnigoxInjectedFault fault, SimError.Envelope envelope) {
        if (fault.delayMs() > 0) {
            ResponseLatency.pause(fault.delayMs());
        }
        return fault.answer(envelope);
    }

    /** Stops the clock and the webhook thread; queued deliveries are abandoned. */
    @Override
    public void close() {
        scheduler.close();
        webhooks.close();
    }

    /**
     * The request's path below {@link #PARTNER} as the client calls it ({@code /orders/123}, no trailing
     * slash), or the whole path of the public reference data beside it ({@code /api/v1/supported/payment-rails}:
     * not below the partner API, so it cannot be mistaken for a partner path): what faults and per-path
     * stats are keyed by. Null outside the API (the control endpoints).
     */
    static String apiPath(String requestPath) {
        String path;
        if (requestPath.startsWith(PARTNER + "/")) {
            path = requestPath.substring(PARTNER.length());
        } else if (requestPath.startsWith(ReferenceDataEndpoints.SUPPORTED + "/")) {
            path = requestPath;
        } else {
            return null;
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Constant-time, so the sandbox does not teach a timing side channel by example. */
    private boolean keyMatches(String presented) {
        return presented != null && MessageDigest.isEqual(apiKey, presented.getBytes(StandardCharsets.UTF_8));
    }
}
