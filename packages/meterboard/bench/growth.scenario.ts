// How cost grows: recording per request, /metrics and /api/stats as the series an app has go from 10
// to 10,000, and /api/stats as the window lengthens; measured in process, and drawn as charts
// (packages/meterboard/bench/charts/*.svg, embedded in the README) so a reader sees the curve, not only
// its end points. Each point is a median of interleaved rounds, as in the recording, scrape and stats
// scenarios (which measure one size each).
import { mkdirSync, writeFileSync } from 'node:fs';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { test } from 'vitest';
import { sinceOf } from '../src/dashboard/merge-stats.js';
import { buildStats } from '../src/query/build-stats.js';
import type { Stats, WindowInfo } from '../src/query/stats-types.js';
import { WINDOW_POINTS, WINDOWS } from '../src/query/windows.js';
import { DurationHistograms } from '../src/record/duration-histograms.js';
import { instrumentHttpServer } from '../src/record/http-server-metrics.js';
import { microsecondsPerRequest, offlineServer } from './fake-exchange.js';
import { lineChartSvg, type Curve } from './line-chart.js';
import { promClientRecordingServer } from './prom-client-http.js';
import { median, report, round, SHORT } from './report.js';
import { interleavedScrapes, meterboardScrape, promClientScrape, SERIES_PER_HISTOGRAM_LABEL_SET } from './scrape-setup.js';
import { answer, BusyHistory, type Answered } from './stats-setup.js';

// meterboard keeps at most 2,000 label sets per instrument (the SDK's cardinality limit, FIELD-NOTES).
const RECORDING_LABEL_SETS = SHORT ? [10, 100] : [10, 30, 100, 300, 1_000, 2_000];
const RECORDING_ROUNDS = SHORT ? 2 : 9;
const REQUESTS_PER_ROUND = SHORT ? 2_000 : 40_000;
// Histogram label sets (18 series each) and as many counter series: 19 to 10,640 series.
const SCRAPE_LABEL_SETS = SHORT ? [1, 20] : [1, 5, 20, 60, 200, 560];
const SCRAPE_ROUNDS = SHORT ? 2 : 11;
// Routes with two series each (200 and 404), busy every second, over the 1m window.
const STATS_ROUTES = SHORT ? [5, 50] : [5, 50, 250, 1_000];
const STATS_POLLS = SHORT ? 2 : 15;
// Routes for the window curve (every ring full takes an hour of samples).
const WINDOW_ROUTES = 50;
const CHARTS_DIR = SHORT ? '.bench-results/charts' : 'packages/meterboard/bench/charts';

/** Recording cost per request with `labelSets` (route, status) pairs in use: meterboard's and prom-client's, each minus a bare server. */
function recordingCurve(): { meterboard: Curve; promClient: Curve } {
  const durationHistograms = new DurationHistograms({ name: 'meterboard' });
  const provider = new MeterProvider({ readers: [new PrometheusExporter({ preventServerStart: true, metricProducers: [durationHistograms] })] });
  instrumentHttpServer({ meter: provider.getMeter('meterboard'), durationHistograms, excludedPaths: [], basePath: '', dashboardPath: '/meterboard', requestContext: undefined });
  const meterboard: Curve = { name: 'meterboard', points: [] };
  const promClient: Curve = { name: 'prom-client', points: [] };
  for (const labelSets of RECORDING_LABEL_SETS) {
    const exchanges = Array.from({ length: labelSets }, (_, i) => {
      const route = `/api/resource-${Math.floor(i / 2)}/[id]`;
      return { url: route.replace('[id]', String(i)), route, status: i % 2 === 0 ? 200 : 404 };
    });
    const routeByUrl = new Map(exchanges.map(({ url, route }) => [url, route]));
    const servers = { bare: offlineServer({ bare: true }), meterboard: offlineServer(), promClient: promClientRecordingServer((url) => routeByUrl.get(url)) };
    const samples = { bare: [] as number[], meterboard: [] as number[], promClient: [] as number[] };
    const names = Object.keys(servers) as Array<keyof typeof servers>;
    for (let r = 0; r < RECORDING_ROUNDS + 1; r++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(r + k) % names.length];
        const microseconds = microsecondsPerRequest(servers[name], exchanges, REQUESTS_PER_ROUND);
        if (r > 0) samples[name].push(microseconds);
      }
    }
    const cost = (name: 'meterboard' | 'promClient') => median(samples[name].map((value, i) => value - samples.bare[i]));
    (meterboard.points as Array<{ x: number; y: number }>).push({ x: labelSets, y: cost('meterboard') });
    (promClient.points as Array<{ x: number; y: number }>).push({ x: labelSets, y: cost('promClient') });
  }
  return { meterboard, promClient };
}

/** /metrics against prom-client's register.metrics() on the same series, milliseconds per scrape. */
async function scrapeCurve(): Promise<{ meterboard: Curve; promClient: Curve }> {
  const meterboard: Curve = { name: 'meterboard', points: [] };
  const promClient: Curve = { name: 'prom-client', points: [] };
  for (const labelSets of SCRAPE_LABEL_SETS) {
    const series = labelSets * SERIES_PER_HISTOGRAM_LABEL_SET + labelSets;
    const { oursMs, theirsMs } = await interleavedScrapes(meterboardScrape(labelSets, labelSets), promClientScrape(labelSets, labelSets), SCRAPE_ROUNDS);
    (meterboard.points as Array<{ x: number; y: number }>).push({ x: series, y: oursMs });
    (promClient.points as Array<{ x: number; y: number }>).push({ x: series, y: theirsMs });
  }
  return { meterboard, promClient };
}

interface StatsPoint {
  x: number;
  first: Answered<Stats>;
  pollMs: number;
  pollBlockedMs: number;
}

/** The first full answer of `window` and `STATS_POLLS` incremental polls, one per further second of traffic. */
async function statsPoint(busy: BusyHistory, window: WindowInfo, x: number): Promise<StatsPoint> {
  const ring = busy.history.ring(window.name);
  const first = await answer(ring, undefined, () => buildStats(ring, busy.context(window, undefined)));
  let held = first.value;
  const polls: Answered<Stats>[] = [];
  for (let p = 0; p < STATS_POLLS; p++) {
    await busy.advance(1);
    const since = sinceOf(held);
    const poll = await answer(ring, since, () => buildStats(ring, busy.context(window, since)));
    polls.push(poll);
    held = poll.value;
  }
  return { x, first, pollMs: median(polls.map((poll) => poll.ms)), pollBlockedMs: Math.max(...polls.map((poll) => poll.blockedMs)) };
}

function statsCurves(points: readonly StatsPoint[]): Curve[] {
  return [
    { name: 'first full answer', points: points.map((point) => ({ x: point.x, y: point.first.ms })) },
    { name: 'longest the loop was held (first answer)', points: points.map((point) => ({ x: point.x, y: point.first.blockedMs })) },
    { name: 'poll every second (median)', points: points.map((point) => ({ x: point.x, y: point.pollMs })) },
  ];
}

function writeChart(name: string, svg: string): string {
  mkdirSync(CHARTS_DIR, { recursive: true });
  const path = `${CHARTS_DIR}/${name}.svg`;
  writeFileSync(path, svg);
  return path;
}

test('growth', async () => {
  const recording = recordingCurve();
  const scrape = await scrapeCurve();

  const oneMinute = WINDOWS[0];
  const bySeries: StatsPoint[] = [];
  for (const routes of STATS_ROUTES) {
    const busy = new BusyHistory(routes);
    await busy.advance((WINDOW_POINTS + 1) * oneMinute.stepSeconds);
    bySeries.push(await statsPoint(busy, oneMinute, routes * 2));
  }
  const longest = new BusyHistory(WINDOW_ROUTES);
  const windows = SHORT ? WINDOWS.slice(0, 2) : WINDOWS;
  await longest.advance((WINDOW_POINTS + 1) * windows[windows.length - 1].stepSeconds);
  const byWindow: StatsPoint[] = [];
  for (const window of windows) byWindow.push(await statsPoint(longest, window, window.seconds));

  const charts = [
    writeChart('growth-recording', lineChartSvg({ title: 'Recording per request, as label sets grow', xLabel: 'label sets of http.server.request.duration in use', yLabel: 'µs per request', curves: [recording.meterboard, recording.promClient], logX: true })),
    writeChart('growth-scrape', lineChartSvg({ title: '/metrics, as series grow', xLabel: 'series (sample lines)', yLabel: 'ms per scrape', curves: [scrape.meterboard, scrape.promClient], logX: true, logY: true })),
    writeChart('growth-stats-series', lineChartSvg({ title: '/meterboard/api/stats at the 1m window, as series grow', xLabel: 'busy series (every second)', yLabel: 'ms', curves: statsCurves(bySeries), logX: true, logY: true })),
    writeChart('growth-stats-window', lineChartSvg({ title: `/meterboard/api/stats, ${WINDOW_ROUTES * 2} busy series, as the window lengthens`, xLabel: 'window (seconds)', yLabel: 'ms', curves: statsCurves(byWindow), logX: true, logY: true })),
  ];

  const curveRows = (measure: string, unit: string, curves: Curve[]) =>
    curves[0].points.map((point, i) => ({ measure, size: point.x, ...Object.fromEntries(curves.map((curve) => [`${curve.name} (${unit})`, round(curve.points[i].y)])) }));
  report({
    scenario: 'growth',
    method: `Recording: ${RECORDING_ROUNDS} interleaved rounds of ${REQUESTS_PER_ROUND.toLocaleString('en-US')} fake requests per size over that many (route, status) pairs, minus a bare server. /metrics: ${SCRAPE_ROUNDS} interleaved rounds per size. Stats: routes busy every second (2 series each), the 1m window after 61 s, each window of ${WINDOW_ROUTES} routes after an hour; the first full answer and ${STATS_POLLS} polls, one per further second, as queryStats answers (prepareWindow in slices, then buildStats). Charts: ${charts.join(', ')}.`,
    rows: [
      ...curveRows('recording per request, by label sets', 'µs', [recording.meterboard, recording.promClient]),
      ...curveRows('/metrics, by series', 'ms', [scrape.meterboard, scrape.promClient]),
      ...curveRows('/api/stats 1m, by busy series', 'ms', statsCurves(bySeries)),
      ...curveRows('/api/stats, by window seconds', 'ms', statsCurves(byWindow)),
    ],
    targets: [
      { metric: `recording per request at ${RECORDING_LABEL_SETS[RECORDING_LABEL_SETS.length - 1].toLocaleString('en-US')} label sets`, value: recording.meterboard.points[recording.meterboard.points.length - 1].y, unit: 'µs', limit: 3 },
      { metric: `the longest any stats answer held the event loop, up to ${STATS_ROUTES[STATS_ROUTES.length - 1] * 2} busy series`, value: Math.max(...[...bySeries, ...byWindow].map((point) => Math.max(point.first.blockedMs, point.pollBlockedMs))), unit: 'ms', limit: 20 },
    ],
  });
});
