import { ordersCsv } from '@/lib/orders/demo-behaviour';

export const dynamic = 'force-dynamic';

/** Demo API that streams: every order as CSV, a row at a time. */
export function GET(): Response {
  return new Response(ordersCsv(), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
