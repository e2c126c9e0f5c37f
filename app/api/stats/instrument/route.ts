import { refuseAllButGet } from '@/lib/http/json-error';
import { telemetryQueryHandler } from '@/lib/http/telemetry-query-handler';
import { queryInstrumentStats } from '@/lib/query/instrument-stats';
import { parseInstrumentStatsParams } from '@/lib/query/stats-params';

export const dynamic = 'force-dynamic';

/** The metrics explorer's data (?meter=&name=&groupBy=&filter=&window=&since=): see InstrumentDetail in lib/query/stats-types.ts. */
export const GET = telemetryQueryHandler(parseInstrumentStatsParams, queryInstrumentStats);

export const { POST, PUT, PATCH, DELETE } = refuseAllButGet();
