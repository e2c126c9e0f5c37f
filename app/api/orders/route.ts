import { badRequest } from '@/lib/json-error';
import { countApiOrder } from '@/lib/orders/api-orders-counter';
import { createOrder, listOrders, parseNewOrder } from '@/lib/orders/store';

/** Demo API: every order. */
export function GET(): Response {
  return Response.json({ orders: listOrders() });
}

/** Demo API: create an order from `{ item, quantity, unitPrice }`, counted in orders.created by the API's meter. */
export async function POST(request: Request): Promise<Response> {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = parseNewOrder(body);
  if ('error' in parsed) return badRequest(parsed.error);
  const order = createOrder(parsed);
  countApiOrder();
  return Response.json({ order }, { status: 201 });
}
