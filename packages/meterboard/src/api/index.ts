// meterboard/api: the dashboard's JSON endpoints, as one catch-all route handler of the host app
// (app/meterboard/api/[...path]/route.ts re-exports it). Each answers GET (and HEAD) only.
import 'server-only';
import type { NextRequest } from 'next/server.js';
import { refuseUnlessAllowed } from '../access/guard-endpoint.js';
import { jsonError, refuseAllButGet } from '../http/json-error.js';
import { telemetryQueryHandler } from '../http/telemetry-query-handler.js';
import { queryInstrumentStats } from '../query/instrument-stats.js';
import { queryRouteStats } from '../query/route-stats.js';
import { queryStats } from '../query/stats.js';
import { parseInstrumentStatsParams, parseRouteStatsParams, parseStatsParams } from '../query/stats-params.js';

/** The props Next gives the catch-all route: the segments below the endpoints' own path. */
export interface ApiRouteContext {
  params: Promise<{ path: string[] }>;
}

const ENDPOINTS: Record<string, (request: NextRequest) => Promise<Response>> = {
  // The dashboard's data: see the Stats type (meterboard's `Stats`).
  stats: telemetryQueryHandler(parseStatsParams, queryStats),
  // One route's page (?method=&route=&window=&since=): the RouteDetail type.
  'stats/route': telemetryQueryHandler(parseRouteStatsParams, queryRouteStats),
  // One instrument in the explorer (?meter=&name=&groupBy=&filter=&window=&since=): the InstrumentDetail type.
  'stats/instrument': telemetryQueryHandler(parseInstrumentStatsParams, queryInstrumentStats),
};

/** GET one of the endpoints; 404 naming the endpoints for any other path. */
export async function GET(request: NextRequest, { params }: ApiRouteContext): Promise<Response> {
  const name = (await params).path.join('/');
  if (Object.hasOwn(ENDPOINTS, name)) return ENDPOINTS[name](request);
  // Authorized first, as the endpoints are: a client without access learns nothing, not even which exist.
  const refusal = refuseUnlessAllowed(request, 'dashboard');
  if (refusal) return refusal;
  return jsonError(404, 'not_found', `meterboard has no endpoint "${name}"; its endpoints are ${Object.keys(ENDPOINTS).join(', ')}.`);
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = refuseAllButGet();
