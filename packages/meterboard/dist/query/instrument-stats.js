import 'server-only';
import { buildInstrumentStats } from './build-instrument-stats.js';
/** The explorer's list of instruments and one instrument over a window of the process's history. */
export function queryInstrumentStats(telemetry, { window, since, instrument, groupBy, filters }) {
    const { history } = telemetry;
    return buildInstrumentStats(history.ring(window.name), {
        serviceName: telemetry.serviceName,
        instanceId: telemetry.instanceId,
        window,
        since,
        descriptors: history.descriptors(),
        instrument,
        groupBy,
        filters,
    });
}
