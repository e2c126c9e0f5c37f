import { badRequest } from '@/lib/http/json-error';
import { createOrder, listOrders, parseNewOrder } from '@/lib/orders/store';

/** Demo API: every order. */
export function GET(): Response {
  return Response.json({ orders: listOrders() });
}

/** Demo API: create an order from `{ item, quantity, unitPrice }`. */
export async function POST(request: Request): Promise<Response> {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = parseNewOrder(body);
  if ('error' in parsed) return badRequest(parsed.error);
  return Response.json({ order: createOrder(parsed) }, { status: 201 });
}
