import { refuseAllButGet } from '@/lib/http/json-error';
import { telemetryQueryHandler } from '@/lib/http/telemetry-query-handler';
import { queryRouteStats } from '@/lib/query/route-stats';
import { parseRouteStatsParams } from '@/lib/query/stats-params';

export const dynamic = 'force-dynamic';

/** One route's page data (?method=&route=&window=&since=): see the RouteDetail type in lib/query/stats-types.ts. */
export const GET = telemetryQueryHandler(parseRouteStatsParams, queryRouteStats);

export const { POST, PUT, PATCH, DELETE } = refuseAllButGet();
