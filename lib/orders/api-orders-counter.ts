import { metrics } from '@opentelemetry/api';

/**
 * Counts an order created through the JSON API in `orders.created`, under the API's own meter:
 * the same instrument as the form's (lib/orders/actions.ts) from another scope, as two parts of an
 * app often have, so /metrics shows one family with both scopes (one HELP and TYPE).
 */
export function countApiOrder(): void {
  metrics.getMeter('orders-api').createCounter('orders.created', { description: 'Orders created.', unit: '{order}' }).add(1, { 'order.channel': 'api' });
}
