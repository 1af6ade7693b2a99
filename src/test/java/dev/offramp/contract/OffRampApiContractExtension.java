package dev.offramp.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds a route test to the bundle's own API contract (the OpenAPI at GET /api/v1/openapi.json): every
 * request the test sends to the bundle's /api/ paths through the test HTTP client ({@code Bundle}) and
 * every answer is validated ({@link OffRampApiContract}); a test during which any broke the contract
 * fails after it, listing each violation. Put {@code @ExtendWith(OffRampApiContractExtension.class)} on
 * the test class.
 */
public final class OffRampApiContractExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OffRampApiContractExtension.class);

    @Override
    public void beforeEach(ExtensionContext test) {
        test.getStore(NAMESPACE).put(ApiTraffic.Watch.class, ApiTraffic.watch());
    }

    @Override
    public void afterEach(ExtensionContext test) {
        ApiTraffic.Watch watch = test.getStore(NAMESPACE).remove(ApiTraffic.Watch.class, ApiTraffic.Watch.class);
        if (watch == null) {
            return;
        }
        ApiTraffic.stop(watch);
        List<String> violations = watch.violations();
        if (!violations.isEmpty()) {
            fail("Exchanges with the bundle's /api/ broke its own contract (" + OffRampApiContract.SPEC + "):\n  "
                    + String.join("\n  ", violations));
        }
    }
}
