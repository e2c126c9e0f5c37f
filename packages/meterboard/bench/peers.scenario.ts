// Side by side with what a user would pick instead, in one host app: the peers fixture
// (create-next-app's template with meterboard installed from its tarball, a trivial route handler and
// a page that renders; e2e/fixtures/peers), one build, each server process running one
// instrumentation the way its own users set it up (see the fixture's instrumentation.ts):
// nothing; meterboard; meterboard with a dashboard open; @opentelemetry/instrumentation-http
// preloaded with the SDK and the Prometheus exporter; @vercel/otel, so that Next emits its spans
// (exported over OTLP to a sink here); prom-client with the wrapper its users write for route handlers.
// Each instrumentation is measured in fresh pairs of processes: its own and an uninstrumented one,
// started together, both on core 0, loaded at the same time (side-by-side.ts), then stopped; this
// process (the load's clients, the sink, the dashboard's polls) on core 1. Pairs of two
// uninstrumented processes, measured the same way, are the noise floor. Before measuring, each
// instrumentation must show it records (its own metrics or spans), so a misconfigured tool cannot
// read as a cheap one.
import { createRequire } from 'node:module';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { sinceOf } from '../src/dashboard/merge-stats.js';
import type { Stats } from '../src/query/stats-types.js';
import { CONNECTIONS, loadRound } from './load.js';
import { NextServer, pinSelf, type NextApp } from './next-server.js';
import { median, report, round, SHORT } from './report.js';
import { sideBySide, type SideBySide } from './side-by-side.js';

const { fixtureDir } = createRequire(import.meta.url)('../../../e2e/fixtures/apps.cjs') as typeof import('../../../e2e/fixtures/apps.cjs');
const DIR = fixtureDir('peers');
const APP: NextApp = { dir: DIR, readyPath: '/api/ping' };

// Sequential requests per path to each server of a pair, alternating: about 4 s and 8 s of them here.
const PATHS = [
  { path: '/api/ping', about: 'route handler', latencyRequests: SHORT ? 30 : 2_000 },
  { path: '/catalog', about: 'page', latencyRequests: SHORT ? 10 : 600 },
] as const;
/** Fresh pairs of processes per instrumentation: two processes of one build differ by a few per cent for their whole life. */
const PAIRS = SHORT ? 1 : 3;
const WARMUP_S = SHORT ? 0.5 : 4;
// Even, so each server's load starts first in as many rounds as the other's.
const ROUNDS = SHORT ? 1 : 4;
const ROUND_S = SHORT ? 0.5 : 2;
const FIRST_PORT = 4320;
const FIRST_PROMETHEUS_PORT = 4400;
const SINK_PORT = 4319;

interface Variant {
  name: string;
  /** What it records, for the table. */
  records: string;
  /** Packages whose versions the table shows. */
  packages: string[];
  /** The candidate's environment; `pair` numbers the pair in the run. */
  env: (pair: number) => Record<string, string>;
  nodeArgs?: string[];
  /** Polls the dashboard's stats every second, as an open dashboard at the 1m window does. */
  dashboard?: boolean;
  /** Throws unless the server recorded the requests it was sent. */
  check: (server: NextServer, pair: number) => Promise<void>;
}

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

function expectIn(body: string, needle: string | RegExp, what: string): void {
  if (typeof needle === 'string' ? !body.includes(needle) : !needle.test(body)) throw new Error(`${what}: ${needle} not found`);
}

const prometheusPort = (pair: number) => FIRST_PROMETHEUS_PORT + pair;
// OTLP exports the sink took, by the pair whose process sent them (each sends to its own path).
const exportsByPair = new Map<number, number>();

const VARIANTS: Variant[] = [
  {
    name: 'nothing',
    records: '–',
    packages: ['next'],
    env: () => ({}),
    check: async (server) => {
      // meterboard is installed but not started: its /metrics says so (503).
      const response = await fetch(`${server.url}/metrics`);
      if (response.status !== 503) throw new Error(`the uninstrumented server's /metrics answered ${response.status}, not 503`);
    },
  },
  {
    name: 'meterboard',
    records: 'http.server.request.duration by route template, in-flight, runtime; history for the dashboard',
    packages: ['meterboard', '@opentelemetry/sdk-metrics'],
    env: () => ({ PEER: 'meterboard' }),
    check: async (server) => expectIn(await text(`${server.url}/metrics`), 'http_route="/api/ping"', 'meterboard /metrics'),
  },
  {
    name: 'meterboard, dashboard open (1m, polled every second)',
    records: 'the same, and /meterboard/api/stats answered every second',
    packages: ['meterboard'],
    env: () => ({ PEER: 'meterboard' }),
    dashboard: true,
    check: async (server) => expectIn(await text(`${server.url}/metrics`), 'http_route="/catalog"', 'meterboard /metrics'),
  },
  {
    name: '@opentelemetry/instrumentation-http (preloaded)',
    records: 'http.server.request.duration by method and status: no route template (Next is not an instrumented framework)',
    packages: ['@opentelemetry/instrumentation-http', '@opentelemetry/sdk-metrics', '@opentelemetry/exporter-prometheus'],
    env: (pair) => ({ PEER: 'instrumentation-http', OTEL_SEMCONV_STABILITY_OPT_IN: 'http', PROMETHEUS_PORT: String(prometheusPort(pair)) }),
    nodeArgs: ['--require', join(DIR, 'otel-preload.cjs')],
    check: async (_server, pair) => expectIn(await text(`http://127.0.0.1:${prometheusPort(pair)}/metrics`), /http_server_request_duration(_seconds)?_count\{[^}]*http_response_status_code="200"/, 'instrumentation-http /metrics'),
  },
  {
    name: '@vercel/otel (Next emits its spans)',
    records: "Next's spans for every request, exported over OTLP/HTTP; no metrics",
    packages: ['@vercel/otel'],
    env: (pair) => ({ PEER: 'vercel-otel', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${SINK_PORT}/${pair}`, OTEL_BSP_SCHEDULE_DELAY: '1000' }),
    check: async (_server, pair) => {
      // Batches leave every second (OTEL_BSP_SCHEDULE_DELAY).
      for (let waited = 0; !exportsByPair.get(pair) && waited < 5_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      if (!exportsByPair.get(pair)) throw new Error(`@vercel/otel (pair ${pair}) exported no spans to the sink`);
    },
  },
  {
    name: 'prom-client (route handlers wrapped)',
    records: 'a histogram by method, route and status, for the handlers wrapped by hand; pages have no hook',
    packages: ['prom-client'],
    env: () => ({ PEER: 'prom-client' }),
    check: async (server) => expectIn(await text(`${server.url}/api/prom-metrics`), 'http_request_duration_seconds_count{method="GET",route="/api/ping",status_code="200"}', 'prom-client /api/prom-metrics'),
  },
];

function versionOf(name: string): string {
  return (JSON.parse(readFileSync(join(DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** An OTLP/HTTP endpoint that takes every export and answers 200 with an empty response. */
function startSink(): Promise<http.Server> {
  const sink = http.createServer((request, response) => {
    request.on('data', () => {});
    request.on('end', () => {
      const pair = /^\/(\d+)\/v1\/traces$/.exec(request.url ?? '')?.[1];
      if (pair !== undefined) exportsByPair.set(Number(pair), (exportsByPair.get(Number(pair)) ?? 0) + 1);
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  return new Promise((resolve) => sink.listen(SINK_PORT, '127.0.0.1', () => resolve(sink)));
}

/** Polls the stats of the 1m window every second as the dashboard does: a full answer, then only what is newer. */
function openDashboard(server: NextServer): () => void {
  let held: Stats | undefined;
  let open = true;
  const poll = async () => {
    const since = held ? sinceOf(held) : undefined;
    const response = await fetch(`${server.url}/meterboard/api/stats?window=1m${since === undefined ? '' : `&since=${since}`}`);
    if (!response.ok) throw new Error(`the dashboard's poll answered ${response.status}`);
    held = (await response.json()) as Stats;
  };
  const timer = setInterval(() => {
    if (open) poll().catch((error: Error) => console.error(error.message));
  }, 1_000);
  return () => {
    open = false;
    clearInterval(timer);
  };
}

/** Starts a fresh pair (the variant's process and an uninstrumented one), checks the variant records, measures each path, stops both. */
async function measurePair(variant: Variant, pair: number): Promise<Map<string, SideBySide>> {
  const candidate = new NextServer(FIRST_PORT + 2 * pair, variant.env(pair), 0, APP, variant.nodeArgs);
  const baseline = new NextServer(FIRST_PORT + 2 * pair + 1, {}, 0, APP);
  const results = new Map<string, SideBySide>();
  let closeDashboard = () => {};
  try {
    await Promise.all([candidate.start(), baseline.start()]);
    if (variant.dashboard) closeDashboard = openDashboard(candidate);
    for (const { path } of PATHS) await Promise.all([loadRound(candidate, path, WARMUP_S), loadRound(baseline, path, WARMUP_S)]);
    await variant.check(candidate, pair);
    for (const { path, latencyRequests } of PATHS) {
      results.set(path, await sideBySide(candidate, baseline, path, { warmupSeconds: WARMUP_S, rounds: ROUNDS, roundSeconds: ROUND_S, latencyRequests }));
    }
  } finally {
    closeDashboard();
    await Promise.all([candidate.stop(), baseline.stop()]);
  }
  return results;
}

test('peers', async () => {
  pinSelf(1);
  const sink = await startSink();
  const results = new Map(VARIANTS.map((variant) => [variant, [] as Array<Map<string, SideBySide>>]));
  try {
    // Pair after pair, the instrumentations in an order that rotates, so none always follows another.
    let pair = 0;
    for (let p = 0; p < PAIRS; p++) {
      for (let v = 0; v < VARIANTS.length; v++) {
        const variant = VARIANTS[(v + p) % VARIANTS.length];
        results.get(variant)!.push(await measurePair(variant, pair++));
      }
    }
  } finally {
    sink.close();
  }

  const of = (variant: Variant, path: string, pick: (result: SideBySide) => number) => results.get(variant)!.map((byPath) => pick(byPath.get(path)!));
  /** The median over the variant's pairs. */
  const medianOf = (variant: Variant, path: string, pick: (result: SideBySide) => number) => median(of(variant, path, pick));
  const cpuRatio = (variant: Variant, path: string) => medianOf(variant, path, (result) => result.cpuRatio);
  const p99Rise = (variant: Variant, path: string) => medianOf(variant, path, (result) => result.p99 - result.baselineP99);
  const [nothing, meterboard, dashboard] = VARIANTS;
  const rows = VARIANTS.flatMap((variant) =>
    PATHS.map(({ path, about }) => {
      const cpuRatios = of(variant, path, (result) => result.cpuRatio);
      return {
        instrumentation: variant === nothing ? 'nothing (against another uninstrumented process: the noise floor)' : variant.name,
        path: `${path} (${about})`,
        'CPU / request, × nothing': round(cpuRatio(variant, path)),
        'pairs (min–max)': `${round(Math.min(...cpuRatios))}–${round(Math.max(...cpuRatios))}`,
        'CPU / request (µs)': round(medianOf(variant, path, (result) => result.candidateCpu) * 1e6),
        'throughput, × nothing': round(medianOf(variant, path, (result) => result.throughputRatio)),
        'p50 − nothing (ms)': round(medianOf(variant, path, (result) => result.p50 - result.baselineP50)),
        'p99 (ms)': round(medianOf(variant, path, (result) => result.p99)),
        'p99 − nothing (ms)': round(p99Rise(variant, path)),
      };
    }),
  );
  report({
    scenario: 'peers',
    method: `The peers fixture (create-next-app ${versionOf('next')} template, next start). Each instrumentation in ${PAIRS} fresh pairs of processes, its own and an uninstrumented one, both on core 0, the load's clients on core 1. Per pair and path: ${WARMUP_S} s of load on both at once (unmeasured), then ${ROUNDS} rounds of ${ROUND_S} s in which one autocannon (${CONNECTIONS} connections) per server loads both at the same time, a round's ratio being the two servers' CPU per response over the same seconds and the pair's the median of its rounds; then sequential requests to the two servers in turn (${PATHS.map(({ path, latencyRequests }) => `${latencyRequests} each to ${path}`).join(', ')}) for p50 and p99. Each cell: the median over the pairs. Versions: ${VARIANTS.map((variant) => variant.packages.map((name) => `${name} ${versionOf(name)}`).join(', ')).join('; ')}. What each records: ${VARIANTS.map((variant) => `${variant.name}: ${variant.records}`).join('; ')}.`,
    rows,
    targets: [
      { metric: 'meterboard CPU per request / nothing, route handler, side by side (median of pairs)', value: cpuRatio(meterboard, '/api/ping'), unit: '×', limit: 1.02 },
      { metric: 'meterboard CPU per request / nothing, page, side by side (median of pairs)', value: cpuRatio(meterboard, '/catalog'), unit: '×', limit: 1.02 },
      { metric: 'meterboard p99 rise over nothing, route handler', value: p99Rise(meterboard, '/api/ping'), unit: 'ms', limit: 0.1 },
      { metric: "an open dashboard's p99 rise over meterboard's, page", value: p99Rise(dashboard, '/catalog') - p99Rise(meterboard, '/catalog'), unit: 'ms', limit: 1 },
    ],
  });
});
