import { setTimeout as sleep } from 'node:timers/promises';
import { listOrders } from '@/lib/orders/store';

/** Simulated query time of the deliberately slow report, milliseconds. */
const REPORT_DELAY_MS = { min: 150, max: 450 };

/** Demo API that is deliberately slow: revenue per item. */
export async function GET(): Promise<Response> {
  await sleep(REPORT_DELAY_MS.min + Math.random() * (REPORT_DELAY_MS.max - REPORT_DELAY_MS.min));
  const revenue: Record<string, number> = {};
  for (const order of listOrders()) revenue[order.item] = (revenue[order.item] ?? 0) + order.total;
  return Response.json({ revenue });
}
