import 'server-only';
import { refuseUnlessAllowed } from '../access/guard-endpoint.js';
import { getTelemetry } from '../telemetry.js';
import { SourceError } from '../query/source-error.js';
import { badRequest, jsonError } from './json-error.js';
import { telemetryUnavailable } from './telemetry-unavailable.js';
/**
 * The GET handler of an endpoint that answers a query over the telemetry: authorize (401/403,
 * lib/access), validate the query (400 naming the bad parameter), 503 when telemetry is off,
 * 502/503 when the data source cannot answer (lib/query/source-error.ts), else the JSON answer, never cached.
 */
export function telemetryQueryHandler(parse, query) {
    return async (request) => {
        // Authorized first: a client without access learns nothing, not even which parameters exist.
        const refusal = refuseUnlessAllowed(request, 'dashboard');
        if (refusal)
            return refusal;
        const params = parse(request.nextUrl.searchParams);
        if ('error' in params)
            return badRequest(params.error);
        const telemetry = getTelemetry();
        if (!telemetry)
            return telemetryUnavailable();
        try {
            return Response.json(await query(telemetry, params), { headers: { 'Cache-Control': 'no-store' } });
        }
        catch (error) {
            if (SourceError.is(error))
                return jsonError(error.status, error.code, error.message);
            throw error;
        }
    };
}
