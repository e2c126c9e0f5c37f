import 'server-only';
import type { NextRequest } from 'next/server.js';
import { type Telemetry } from '../telemetry.js';
/**
 * The GET handler of an endpoint that answers a query over the telemetry: authorize (401/403,
 * lib/access), validate the query (400 naming the bad parameter), 503 when telemetry is off,
 * 502/503 when the data source cannot answer (lib/query/source-error.ts), else the JSON answer, never cached.
 */
export declare function telemetryQueryHandler<Params extends object>(parse: (query: URLSearchParams) => Params | {
    error: string;
}, query: (telemetry: Telemetry, params: Params) => unknown): (request: NextRequest) => Promise<Response>;
