import type { NextRequest } from 'next/server';
import { badRequest } from '@/lib/http/json-error';
import { telemetryUnavailable } from '@/lib/http/telemetry-unavailable';
import { queryStats } from '@/lib/query/stats';
import { parseStatsParams } from '@/lib/query/stats-params';
import { getTelemetry } from '@/lib/telemetry';

export const dynamic = 'force-dynamic';

/** The dashboard's data: see the Stats type in lib/query/stats-types.ts. */
export function GET(request: NextRequest): Response {
  const params = parseStatsParams(request.nextUrl.searchParams);
  if ('error' in params) return badRequest(params.error);
  const telemetry = getTelemetry();
  if (!telemetry) return telemetryUnavailable();
  return Response.json(queryStats(telemetry, params), { headers: { 'Cache-Control': 'no-store' } });
}
