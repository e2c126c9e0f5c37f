import { jsonError } from '@/lib/json-error';
import { shipOrder } from '@/lib/orders/demo-behaviour';
import { getOrder } from '@/lib/orders/store';

/** Demo API that sometimes fails: ships an order, answering 500 for about one call in four. */
export async function POST(_request: Request, { params }: RouteContext<'/api/orders/[id]/ship'>): Promise<Response> {
  const { id } = await params;
  const order = getOrder(id);
  if (!order) return jsonError(404, 'not_found', `There is no order with id "${id}".`);
  return Response.json(shipOrder(order));
}
