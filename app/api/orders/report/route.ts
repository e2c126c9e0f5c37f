import { revenueReport } from '@/lib/orders/demo-behaviour';
import { withRouteMetrics } from 'meterboard';

/** Report formats; anything else is measured as "other" so the attribute stays low-cardinality. */
const FORMATS = new Set(['summary', 'detailed']);

/** Demo API that is deliberately slow: revenue per item. Measured with an extra `report.format` attribute. */
export const GET = withRouteMetrics(async () => Response.json({ revenue: await revenueReport() }), {
  attributes: (request) => {
    const format = new URL(request.url).searchParams.get('format') ?? 'summary';
    return { 'report.format': FORMATS.has(format) ? format : 'other' };
  },
});
