import { refuseAllButGet } from '@/lib/http/json-error';
import { telemetryQueryHandler } from '@/lib/http/telemetry-query-handler';
import { queryStats } from '@/lib/query/stats';
import { parseStatsParams } from '@/lib/query/stats-params';

export const dynamic = 'force-dynamic';

/** The dashboard's data: see the Stats type in lib/query/stats-types.ts. */
export const GET = telemetryQueryHandler(parseStatsParams, queryStats);

export const { POST, PUT, PATCH, DELETE } = refuseAllButGet();
