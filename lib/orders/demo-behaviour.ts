import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { listOrders, type Order } from './store';

// The demo's deliberate flaws, so the dashboard has slow routes and errors to show.

/** Share of shipments the demo carrier refuses. */
export const CARRIER_FAILURE_RATE = 0.25;

/** Simulated query time of the revenue report, milliseconds. */
export const REPORT_DELAY_MS = { min: 150, max: 450 } as const;

/** The demo carrier's refusal: its name is the error.type of the 500 it causes. */
export class CarrierRefusedError extends Error {
  override name = 'CarrierRefusedError';
}

/** Ships an order; throws for about one call in CARRIER_FAILURE_RATE, like a flaky dependency. */
export function shipOrder(order: Order): { order: Order; shipped: true } {
  if (Math.random() < CARRIER_FAILURE_RATE) throw new CarrierRefusedError(`carrier refused order ${order.id}`);
  return { order, shipped: true };
}

/** Revenue per item in US dollars, after a slow simulated query. */
export async function revenueReport(): Promise<Record<string, number>> {
  await sleep(REPORT_DELAY_MS.min + Math.random() * (REPORT_DELAY_MS.max - REPORT_DELAY_MS.min));
  const revenue: Record<string, number> = {};
  for (const order of listOrders()) revenue[order.item] = (revenue[order.item] ?? 0) + order.total;
  return revenue;
}

/** Pause between two rows of the CSV export, milliseconds: an export that streams, like a big one would. */
export const EXPORT_ROW_DELAY_MS = 100;

/** Every order as CSV, the header first and then one row per EXPORT_ROW_DELAY_MS, as a stream. */
export function ordersCsv(): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = listOrders().map((order) => [order.id, JSON.stringify(order.item), order.quantity, order.unitPrice, order.total, order.createdAt].join(','));
  let sent = 0;
  // Pulled row by row, so a client that goes away stops the export instead of it running on.
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode('id,item,quantity,unit_price,total,created_at\n'));
    },
    async pull(controller) {
      if (sent === rows.length) return controller.close();
      await sleep(EXPORT_ROW_DELAY_MS);
      controller.enqueue(encoder.encode(`${rows[sent++]}\n`));
    },
  });
}
