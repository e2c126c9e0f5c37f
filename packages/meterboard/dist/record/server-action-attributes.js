import 'server-only';
import { ATTR_CODE_FILE_PATH, ATTR_CODE_FUNCTION_NAME, ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { ABORTED_ERROR_TYPE, OTHER_SERVER_ACTION } from './http-instruments.js';
import { serverActionName } from './server-action.js';
/**
 * The series of next.server_action.duration, built once per (action, outcome) and reused, so
 * recording an action allocates nothing for the common case. An id the build does not know is
 * recorded as _OTHER: the id is client input and must never become an attribute value.
 */
export class ServerActionAttributeCache {
    histogram;
    byAction = new Map();
    constructor(histogram) {
        this.histogram = histogram;
    }
    forResponse(actionId, status, aborted) {
        const action = serverActionName(actionId);
        let byOutcome = this.byAction.get(action);
        if (byOutcome === undefined) {
            byOutcome = new Map();
            this.byAction.set(action, byOutcome);
        }
        // Same error.type rule as http.server.request.duration: 'aborted', or the status code on 5xx.
        // One map for all outcomes: 0 is success, -1 is aborted, anything else the 5xx status.
        const outcome = aborted ? -1 : status !== undefined && status >= 500 ? status : 0;
        let series = byOutcome.get(outcome);
        if (series === undefined) {
            const attributes = action
                ? { [ATTR_CODE_FUNCTION_NAME]: action.name, [ATTR_CODE_FILE_PATH]: action.file }
                : { [ATTR_CODE_FUNCTION_NAME]: OTHER_SERVER_ACTION };
            if (outcome === -1)
                attributes[ATTR_ERROR_TYPE] = ABORTED_ERROR_TYPE;
            else if (outcome !== 0)
                attributes[ATTR_ERROR_TYPE] = String(outcome);
            series = this.histogram.newSeries(attributes);
            byOutcome.set(outcome, series);
        }
        return series;
    }
}
