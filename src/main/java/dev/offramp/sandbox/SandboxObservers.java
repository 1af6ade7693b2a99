package dev.offramp.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers of one simulator ({@link SandboxExchangeObserver}): told of every request it answered,
 * each in turn; one that throws is logged and passed over, so a test's observer can never change an answer.
 */
public final class SandboxObservers {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxObservers.class);

    private final String simulator;
    private final List<SandboxExchangeObserver> observers = new CopyOnWriteArrayList<>();

    /** @param simulator the simulator's name in a log line */
    public SandboxObservers(String simulator) {
        this.simulator = simulator;
    }

    public void add(SandboxExchangeObserver observer) {
        observers.add(observer);
    }

    public void remove(SandboxExchangeObserver observer) {
        observers.remove(observer);
    }

    public void tell(SandboxRequest request, SandboxResponse response, boolean faultInjected) {
        for (SandboxExchangeObserver observer : observers) {
            try {
                observer.observed(request, response, faultInjected);
            } catch (RuntimeException e) {
                LOG.warn("{} simulator observer failed on {} {}", simulator, request.method(), request.path(), e);
            }
        }
    }
}
