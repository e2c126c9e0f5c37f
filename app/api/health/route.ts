export const dynamic = 'force-dynamic';

/** Liveness for load balancers, and the trivial route the overhead benchmark measures. */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}
