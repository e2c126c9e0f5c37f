import 'server-only';
import { type Selector } from '../promql/queries.js';
import type { PrometheusClient } from './prometheus-client.js';
import type { StatsParams } from './stats-params.js';
import type { Stats } from './stats-types.js';
/** Where the dashboard's numbers come from with METRICS_SOURCE=prometheus. */
export interface PrometheusSource {
    client: PrometheusClient;
    /** Label matchers of meterboard's series, e.g. `job="meterboard"`. */
    selector: Selector;
    /** How often Prometheus scrapes, seconds: a rate needs several scrapes in its range. */
    scrapeIntervalSeconds: number;
}
/**
 * The /api/stats body for a window, answered from Prometheus for every instance it scrapes: the
 * same shape as the local one, plus `instances` and the PromQL selector and range the charts were
 * drawn with. Window counts are Prometheus's increase() (an extrapolation, rounded); `requestsSinceStart`
 * sums the counters and is exact. With `since`, only the newer points.
 */
export declare function prometheusStats(source: PrometheusSource, serviceName: string, { window, since }: StatsParams, nowMs: number): Promise<Stats>;
