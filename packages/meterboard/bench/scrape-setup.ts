// The same series in meterboard's /metrics and in prom-client's register.metrics(), for the scrape
// and growth scenarios. "Series" as Prometheus counts them: one per sample line (each histogram label
// set is 15 bucket lines + _sum + _count).
import { performance } from 'node:perf_hooks';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import client from 'prom-client';
import { DurationHistograms } from '../src/record/duration-histograms.js';
import { DURATION_BUCKETS_S } from '../src/record/http-instruments.js';
import { renderPrometheusText } from '../src/serialize/prometheus.js';
import type { Telemetry } from '../src/telemetry.js';
import { mulberry32 } from '../src/testing/latency-samples.js';
import { promClientDurationHistogram } from './prom-client-http.js';
import { median } from './report.js';

export const SERIES_PER_HISTOGRAM_LABEL_SET = DURATION_BUCKETS_S.length + 3;

/** Label sets of a mid-sized app: routes × statuses (× a user attribute beyond that). */
export function labelSets(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    'http.request.method': i % 5 === 0 ? 'POST' : 'GET',
    'url.scheme': 'http',
    'http.route': `/api/resource-${Math.floor(i / 4)}/[id]`,
    'http.response.status_code': [200, 201, 404, 500][i % 4],
  }));
}

export function meterboardScrape(histogramLabelSets: number, counterSeries: number) {
  const durationHistograms = new DurationHistograms({ name: 'meterboard' });
  const reader = new PrometheusExporter({ preventServerStart: true, metricProducers: [durationHistograms] });
  const provider = new MeterProvider({ readers: [reader] });
  const duration = durationHistograms.histogram('http.server.request.duration', { description: 'Duration of HTTP server requests.', unit: 's', boundaries: DURATION_BUCKETS_S });
  const random = mulberry32(1);
  for (const attributes of labelSets(histogramLabelSets)) {
    const series = duration.newSeries(attributes);
    for (let i = 0; i < 20; i++) series.histogram.record(random() * 2);
  }
  const counter = provider.getMeter('orders').createCounter('orders.created', { unit: '{order}' });
  for (let i = 0; i < counterSeries; i++) counter.add(1 + i, { 'order.channel': `channel-${i}` });
  return async () => toBody(await renderPrometheusText({ reader } as unknown as Telemetry));
}

export function promClientScrape(histogramLabelSets: number, counterSeries: number) {
  const registry = new client.Registry();
  const histogram = promClientDurationHistogram(registry);
  const random = mulberry32(1);
  for (const attributes of labelSets(histogramLabelSets)) {
    const labels = {
      http_request_method: attributes['http.request.method'],
      url_scheme: attributes['url.scheme'],
      http_route: attributes['http.route'],
      http_response_status_code: attributes['http.response.status_code'],
    };
    for (let i = 0; i < 20; i++) histogram.observe(labels, random() * 2);
  }
  const counter = new client.Counter({ name: 'orders_created_total', help: 'Orders created.', labelNames: ['order_channel'], registers: [registry] });
  for (let i = 0; i < counterSeries; i++) counter.inc({ order_channel: `channel-${i}` }, 1 + i);
  return async () => toBody(await registry.metrics());
}

/** The bytes the HTTP response sends (a concatenated string is only flattened when it is encoded). */
export function toBody(text: string): string {
  Buffer.from(text, 'utf8');
  return text;
}

/** Sample lines of a text exposition: every line that is not a comment, without target_info. */
export function seriesIn(text: string): number {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('target_info')).length;
}

/** Median milliseconds of each scrape over `rounds` rounds, alternating which goes first, after 2 warm-up rounds. */
export async function interleavedScrapes(ours: () => Promise<unknown>, theirs: () => Promise<unknown>, rounds: number): Promise<{ oursMs: number; theirsMs: number }> {
  const times = { ours: [] as number[], theirs: [] as number[] };
  for (let r = 0; r < rounds + 2; r++) {
    for (const [name, scrape] of r % 2 === 0 ? ([['ours', ours], ['theirs', theirs]] as const) : ([['theirs', theirs], ['ours', ours]] as const)) {
      const start = performance.now();
      await scrape();
      if (r >= 2) times[name].push(performance.now() - start);
    }
  }
  return { oursMs: median(times.ours), theirsMs: median(times.theirs) };
}
