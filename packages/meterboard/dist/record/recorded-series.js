import { createLatencyHistogram } from '../collect/latency-histogram.js';
/** The series of `all` that recorded anything since the last drain, each with a fresh histogram from now on. */
export function drainSeries(all) {
    const drained = [];
    for (const series of all) {
        if (series.latency.count === 0)
            continue;
        drained.push({ attributes: series.attributes, latency: series.latency });
        series.latency = createLatencyHistogram();
    }
    return drained;
}
