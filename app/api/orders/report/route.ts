import { setTimeout as sleep } from 'node:timers/promises';
import { listOrders } from '@/lib/orders/store';
import { withRouteMetrics } from '@/lib/record/with-route-metrics';

/** Simulated query time of the deliberately slow report, milliseconds. */
const REPORT_DELAY_MS = { min: 150, max: 450 };

/** Report formats; anything else is measured as "other" so the attribute stays low-cardinality. */
const FORMATS = new Set(['summary', 'detailed']);

/** Demo API that is deliberately slow: revenue per item. Measured with an extra `report.format` attribute. */
export const GET = withRouteMetrics(
  async () => {
    await sleep(REPORT_DELAY_MS.min + Math.random() * (REPORT_DELAY_MS.max - REPORT_DELAY_MS.min));
    const revenue: Record<string, number> = {};
    for (const order of listOrders()) revenue[order.item] = (revenue[order.item] ?? 0) + order.total;
    return Response.json({ revenue });
  },
  {
    attributes: (request) => {
      const format = new URL(request.url).searchParams.get('format') ?? 'summary';
      return { 'report.format': FORMATS.has(format) ? format : 'other' };
    },
  },
);
