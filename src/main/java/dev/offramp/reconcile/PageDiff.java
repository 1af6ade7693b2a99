package dev.offramp.reconcile;

import java.util.List;
import java.util.Map;

/**
 * What one page of an upstream order list says against the local orders.
 *
 * @param changes local orders whose provider status differs: {order_id, provider_status}
 * @param orphans upstream orders with no local order: {provider_order_id, provider_status}
 */
public record PageDiff(List<Map<String, Object>> changes, List<Map<String, Object>> orphans) {
}
