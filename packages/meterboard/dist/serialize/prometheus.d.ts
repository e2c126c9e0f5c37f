import 'server-only';
import type { Telemetry } from '../telemetry.js';
/** Content-Type of the Prometheus text exposition format 0.0.4. */
export declare const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
/**
 * /metrics as a collection consumer: every scrape sees the interval since the previous scrape (two
 * Prometheus servers scraping one instance share it).
 */
export declare const PROMETHEUS_CONSUMER = "prometheus";
/** Collects every instrument of the process and renders the Prometheus text exposition. */
export declare function renderPrometheusText(telemetry: Telemetry): Promise<string>;
