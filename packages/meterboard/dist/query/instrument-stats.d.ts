import 'server-only';
import type { Telemetry } from '../telemetry.js';
import type { InstrumentStatsParams } from './stats-params.js';
import type { InstrumentDetail } from './stats-types.js';
/** The explorer's list of instruments and one instrument over a window of the process's history. */
export declare function queryInstrumentStats(telemetry: Telemetry, { window, since, instrument, groupBy, filters }: InstrumentStatsParams): InstrumentDetail;
