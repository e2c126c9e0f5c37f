'use server';

import { metrics } from '@opentelemetry/api';
import { redirect } from 'next/navigation';
import { createOrder, parseNewOrder } from './store';

/** Result of createOrderAction shown by the form when the input is wrong. */
export interface CreateOrderState {
  error?: string;
}

/**
 * Server action of the new-order form: creates the order, counts it in `orders.created` and
 * records its value in `orders.value`, with nothing but @opentelemetry/api.
 */
export async function createOrderAction(_previous: CreateOrderState, form: FormData): Promise<CreateOrderState> {
  const parsed = parseNewOrder({
    item: form.get('item'),
    quantity: Number(form.get('quantity')),
    unitPrice: Number(form.get('unitPrice')),
  });
  if ('error' in parsed) return { error: parsed.error };

  const order = createOrder(parsed);

  // Instruments are looked up when used: the SDK hands back the same instrument for the same name,
  // and a meter taken before instrumentation.ts registered the provider would stay a no-op.
  const meter = metrics.getMeter('orders');
  meter.createCounter('orders.created', { description: 'Orders created.', unit: '{order}' }).add(1, { 'order.channel': 'web' });
  meter
    .createHistogram('orders.value', {
      description: 'Total value of created orders.',
      unit: 'USD',
      advice: { explicitBucketBoundaries: [5, 10, 25, 50, 100, 250, 500, 1000] },
    })
    .record(order.total, { 'order.channel': 'web' });

  redirect(`/orders/${order.id}`);
}
