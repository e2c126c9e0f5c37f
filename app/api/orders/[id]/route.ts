import { jsonError } from '@/lib/json-error';
import { getOrder } from '@/lib/orders/store';

/** Demo API: one order, 404 when there is none with that id. */
export async function GET(_request: Request, { params }: RouteContext<'/api/orders/[id]'>): Promise<Response> {
  const { id } = await params;
  const order = getOrder(id);
  if (!order) return jsonError(404, 'not_found', `There is no order with id "${id}".`);
  return Response.json({ order });
}
