import 'server-only';
import { collectFor } from '../collect/collection-consumer.js';
import { logOnce } from '../log-once.js';
import { serializePrometheusText } from './prometheus-text.js';
/** Content-Type of the Prometheus text exposition format 0.0.4. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
/**
 * /metrics as a collection consumer: every scrape sees the interval since the previous scrape (two
 * Prometheus servers scraping one instance share it).
 */
export const PROMETHEUS_CONSUMER = 'prometheus';
/** Collects every instrument of the process and renders the Prometheus text exposition. */
export async function renderPrometheusText(telemetry) {
    const { resourceMetrics, errors } = await collectFor(PROMETHEUS_CONSUMER, () => telemetry.reader.collect());
    if (errors.length > 0)
        logOnce('scrape', 'a metric failed to collect for /metrics; later failures are not logged', errors[0]);
    return serializePrometheusText(resourceMetrics);
}
