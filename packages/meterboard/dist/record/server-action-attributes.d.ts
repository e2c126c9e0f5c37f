import 'server-only';
import type { DurationHistogram } from './duration-histograms.js';
import type { RecordedSeries } from './recorded-series.js';
/**
 * The series of next.server_action.duration, built once per (action, outcome) and reused, so
 * recording an action allocates nothing for the common case. An id the build does not know is
 * recorded as _OTHER: the id is client input and must never become an attribute value.
 */
export declare class ServerActionAttributeCache {
    private readonly histogram;
    private readonly byAction;
    constructor(histogram: DurationHistogram);
    forResponse(actionId: string, status: number | undefined, aborted: boolean): RecordedSeries;
}
