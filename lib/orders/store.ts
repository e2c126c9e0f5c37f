import 'server-only';

/** A demo order. Money is in US dollars. */
export interface Order {
  id: string;
  item: string;
  quantity: number;
  unitPrice: number;
  total: number;
  /** ISO 8601. */
  createdAt: string;
}

/** What a client sends to create an order. */
export interface NewOrder {
  item: string;
  quantity: number;
  unitPrice: number;
}

/** Largest quantity one order may have. */
export const MAX_QUANTITY = 1_000;

// Kept on globalThis: the API routes and the orders page are separate bundles, each with its own
// copy of this module, and must see the same orders.
const ORDERS_KEY = Symbol.for('meterboard.demo.orders');
type OrdersGlobal = typeof globalThis & { [ORDERS_KEY]?: Map<string, Order> };

function orders(): Map<string, Order> {
  const store = globalThis as OrdersGlobal;
  store[ORDERS_KEY] ??= new Map(SEED.map((order) => [order.id, order]));
  return store[ORDERS_KEY];
}

/** Every order, newest first. */
export function listOrders(): Order[] {
  return [...orders().values()].reverse();
}

/** One order by id, or undefined. */
export function getOrder(id: string): Order | undefined {
  return orders().get(id);
}

/** Stores a new order and returns it. */
export function createOrder({ item, quantity, unitPrice }: NewOrder): Order {
  const store = orders();
  const id = String(1001 + store.size);
  const order: Order = {
    id,
    item,
    quantity,
    unitPrice,
    total: Math.round(quantity * unitPrice * 100) / 100,
    createdAt: new Date().toISOString(),
  };
  store.set(id, order);
  return order;
}

/** A NewOrder from untrusted input, or a message saying which field is wrong. */
export function parseNewOrder(input: unknown): NewOrder | { error: string } {
  if (typeof input !== 'object' || input === null) return { error: 'Body must be a JSON object { item, quantity, unitPrice }.' };
  const { item, quantity, unitPrice } = input as Record<string, unknown>;
  if (typeof item !== 'string' || item.trim() === '' || item.length > 100) {
    return { error: '"item" must be a non-empty string of at most 100 characters.' };
  }
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    return { error: `"quantity" must be a whole number from 1 to ${MAX_QUANTITY}.` };
  }
  if (typeof unitPrice !== 'number' || !Number.isFinite(unitPrice) || unitPrice <= 0 || unitPrice > 100_000) {
    return { error: '"unitPrice" must be a number of dollars greater than 0 and at most 100000.' };
  }
  return { item: item.trim(), quantity, unitPrice };
}

const SEED: Order[] = [
  { id: '1001', item: 'Espresso beans', quantity: 2, unitPrice: 14.5, total: 29, createdAt: '2026-11-01T09:00:00.000Z' },
  { id: '1002', item: 'Pour-over kettle', quantity: 1, unitPrice: 42, total: 42, createdAt: '2026-11-02T10:30:00.000Z' },
  { id: '1003', item: 'Paper filters', quantity: 5, unitPrice: 4.2, total: 21, createdAt: '2026-11-03T16:45:00.000Z' },
];
