import { LatencyAccumulator } from './latency-accumulator.js';
import { NO_STATUS } from './status-codes.js';
/** Adds up the HTTP series of one method and route template (or of all of them) over a window. */
export class RouteAccumulator extends LatencyAccumulator {
    method;
    route;
    /** Requests since the process started; the caller adds them from the history's series totals. */
    requestsSinceStart = 0;
    statusCodes = {};
    constructor(method, 
    /** Undefined for requests that matched no route. */
    route) {
        super();
        this.method = method;
        this.route = route;
    }
    /** A copy that can go on adding without changing this one. */
    clone() {
        const copy = new RouteAccumulator(this.method, this.route).copyFrom(this);
        copy.requestsSinceStart = this.requestsSinceStart;
        copy.statusCodes = { ...this.statusCodes };
        return copy;
    }
    /** Counts a series' requests of one frame: by status code, as errors (5xx, aborted), and their durations. */
    add(series) {
        super.add(series);
        const count = series.latency.count;
        if (count === 0)
            return;
        const status = series.status ?? NO_STATUS;
        this.statusCodes[status] = (this.statusCodes[status] ?? 0) + count;
    }
    /** The row of what was added, over `seconds` of history. */
    toRouteStats(seconds) {
        const { requests, requestsPerSecond, errorRate, durationSeconds } = this.summary(seconds);
        return {
            method: this.method,
            route: this.route ?? null,
            requests,
            requestsSinceStart: this.requestsSinceStart,
            requestsPerSecond,
            errorRate,
            statusCodes: this.statusCodes,
            durationSeconds,
        };
    }
}
