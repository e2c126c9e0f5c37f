import { jsonError } from '@/lib/http/json-error';
import { getOrder } from '@/lib/orders/store';

/** Share of shipments the demo carrier refuses, so the dashboard has errors to show. */
const CARRIER_FAILURE_RATE = 0.25;

/** Demo API that sometimes fails: ships an order, throwing (500) for about one call in four. */
export async function POST(_request: Request, { params }: RouteContext<'/api/orders/[id]/ship'>): Promise<Response> {
  const { id } = await params;
  const order = getOrder(id);
  if (!order) return jsonError(404, 'not_found', `There is no order with id "${id}".`);
  if (Math.random() < CARRIER_FAILURE_RATE) throw new Error(`carrier refused order ${id}`);
  return Response.json({ order, shipped: true });
}
