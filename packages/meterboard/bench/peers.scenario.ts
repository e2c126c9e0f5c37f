// Side by side with what a user would pick instead, in one host app: the peers fixture
// (create-next-app's template with meterboard installed from its tarball, a trivial route handler and
// a page that renders; e2e/fixtures/peers), one build, each server process running one
// instrumentation the way its own users set it up (see the fixture's instrumentation.ts):
// nothing; meterboard; meterboard with a dashboard open; @opentelemetry/instrumentation-http
// preloaded with the SDK and the Prometheus exporter; @vercel/otel, so that Next emits its spans
// (exported over OTLP to a sink here); prom-client with the wrapper its users write for route handlers.
// Every server on core 0, this process (the load, the sink, the dashboard's polls) on core 1. Each
// variant is several processes; rounds give every server one autocannon run per path, in an order
// that rotates, and each process's median CPU per response enters its variant's mean. Before
// measuring, each variant must show it records (its own metrics or spans), so a misconfigured tool
// cannot read as a cheap one.
import { createRequire } from 'node:module';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { sinceOf } from '../src/dashboard/merge-stats.js';
import type { Stats } from '../src/query/stats-types.js';
import { loadRound, meanOfMedians, percentile, sequentialLatencies, type Round } from './load.js';
import { NextServer, pinSelf, type NextApp } from './next-server.js';
import { median, report, round, SHORT } from './report.js';

const { fixtureDir } = createRequire(import.meta.url)('../../../e2e/fixtures/apps.cjs') as typeof import('../../../e2e/fixtures/apps.cjs');
const DIR = fixtureDir('peers');
const APP: NextApp = { dir: DIR, readyPath: '/api/ping' };

// Sequential requests per path and server in each latency round: about 4 s and 9 s of them here.
const PATHS = [
  { path: '/api/ping', about: 'route handler', latencyRequests: SHORT ? 30 : 2_000, rewarmRequests: SHORT ? 10 : 1_500 },
  { path: '/catalog', about: 'page', latencyRequests: SHORT ? 10 : 1_000, rewarmRequests: SHORT ? 5 : 500 },
] as const;
const PROCESSES = SHORT ? 1 : 2;
const WARMUP_S = SHORT ? 1 : 4;
const PAIRS_PER_BLOCK = SHORT ? 1 : 4;
const ROUND_S = SHORT ? 0.5 : 1.5;
// A Next process left idle for a minute costs 2-2.6 times as much per request for its next few
// seconds of load, recovering over about 5 s (measured here on two uninstrumented processes, one
// kept busy, the other idle; fixing the young generation's size did not change it). Every block
// therefore starts with this much unmeasured load on both of its processes.
const REWARM_S = SHORT ? 0.2 : 6;
const LATENCY_ROUNDS = 1;
const FIRST_PORT = 4320;
const SINK_PORT = 4319;

interface Variant {
  name: string;
  /** What it records, for the table. */
  records: string;
  /** Packages whose versions the table shows. */
  packages: string[];
  env: (process: number) => Record<string, string>;
  nodeArgs?: string[];
  /** Polls the dashboard's stats every second, as an open dashboard at the 1m window does. */
  dashboard?: boolean;
  /** Throws unless the server recorded the requests it was sent. */
  check: (server: NextServer, process: number) => Promise<void>;
}

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

function expectIn(body: string, needle: string | RegExp, what: string): void {
  if (typeof needle === 'string' ? !body.includes(needle) : !needle.test(body)) throw new Error(`${what}: ${needle} not found`);
}

const prometheusPort = (process: number) => 4340 + process;
// OTLP exports the sink took, by the process that sent them (each sends to its own path).
const exportsByProcess = new Map<number, number>();

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
    env: (process) => ({ PEER: 'instrumentation-http', OTEL_SEMCONV_STABILITY_OPT_IN: 'http', PROMETHEUS_PORT: String(prometheusPort(process)) }),
    nodeArgs: ['--require', join(DIR, 'otel-preload.cjs')],
    check: async (_server, process) => expectIn(await text(`http://127.0.0.1:${prometheusPort(process)}/metrics`), /http_server_request_duration(_seconds)?_count\{[^}]*http_response_status_code="200"/, 'instrumentation-http /metrics'),
  },
  {
    name: '@vercel/otel (Next emits its spans)',
    records: "Next's spans for every request, exported over OTLP/HTTP; no metrics",
    packages: ['@vercel/otel'],
    env: (process) => ({ PEER: 'vercel-otel', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${SINK_PORT}/${process}`, OTEL_BSP_SCHEDULE_DELAY: '1000' }),
    check: async (_server, process) => {
      // Batches leave every second (OTEL_BSP_SCHEDULE_DELAY).
      for (let waited = 0; !exportsByProcess.get(process) && waited < 5_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      if (!exportsByProcess.get(process)) throw new Error(`@vercel/otel (process ${process}) exported no spans to the sink`);
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
      const process = /^\/(\d+)\/v1\/traces$/.exec(request.url ?? '')?.[1];
      if (process !== undefined) exportsByProcess.set(Number(process), (exportsByProcess.get(Number(process)) ?? 0) + 1);
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

test('peers', async () => {
  pinSelf(1);
  const sink = await startSink();
  const servers = VARIANTS.flatMap((variant, v) =>
    Array.from({ length: PROCESSES }, (_, p) => ({ variant, process: p, server: new NextServer(FIRST_PORT + v * PROCESSES + p, variant.env(p), 0, APP, variant.nodeArgs) })),
  );
  const closeDashboards: Array<() => void> = [];
  try {
    await Promise.all(servers.map(({ server }) => server.start()));
    for (const { variant, server } of servers) if (variant.dashboard) closeDashboards.push(openDashboard(server));
    for (const { server } of servers) for (const { path } of PATHS) await loadRound(server, path, WARMUP_S);
    for (const { variant, server, process } of servers) await variant.check(server, process);

    // The machine drifts by more than the effects over minutes, so each server is measured in a
    // block beside an uninstrumented one: both warmed, then pairs of runs back to back (alternating
    // which goes first), each pair's ratio a sample. The uninstrumented processes are measured
    // against each other too: the noise floor.
    const nothingServers = servers.filter((entry) => entry.variant === VARIANTS[0]).map((entry) => entry.server);
    const rounds = new Map(servers.map(({ server }) => [server, new Map(PATHS.map(({ path }) => [path, [] as Round[]]))]));
    const ratios = new Map(servers.map(({ server }) => [server, new Map(PATHS.map(({ path }) => [path, { cpu: [] as number[], throughput: [] as number[] }]))]));
    const latencies = new Map(servers.map(({ server }) => [server, new Map(PATHS.map(({ path }) => [path, { p50: [] as number[], p99: [] as number[] }]))]));
    let pairs = 0;
    for (const { path } of PATHS) {
      for (const [i, { server }] of servers.entries()) {
        const candidates = nothingServers.filter((other) => other !== server);
        if (candidates.length === 0) continue;
        const baseline = candidates[i % candidates.length];
        for (const warming of [server, baseline]) await loadRound(warming, path, REWARM_S);
        for (let r = 0; r < PAIRS_PER_BLOCK; r++) {
          const measured = new Map<NextServer, Round>();
          for (const next of r % 2 === 0 ? [baseline, server] : [server, baseline]) measured.set(next, await loadRound(next, path, ROUND_S));
          const [ours, theirs] = [measured.get(server)!, measured.get(baseline)!];
          rounds.get(server)!.get(path)!.push(ours);
          ratios.get(server)!.get(path)!.cpu.push(ours.cpuSecondsPerResponse / theirs.cpuSecondsPerResponse);
          ratios.get(server)!.get(path)!.throughput.push(ours.perSecond / theirs.perSecond);
          pairs++;
        }
      }
    }
    for (let r = 0; r < LATENCY_ROUNDS; r++) {
      const order = r % 2 === 0 ? servers : [...servers].reverse();
      for (const { path, latencyRequests, rewarmRequests } of PATHS) {
        for (const { server } of order) {
          await sequentialLatencies(server, path, rewarmRequests);
          const sample = await sequentialLatencies(server, path, latencyRequests);
          latencies.get(server)!.get(path)!.p50.push(percentile(sample, 0.5));
          latencies.get(server)!.get(path)!.p99.push(percentile(sample, 0.99));
        }
      }
    }

    const processesOf = (variant: Variant) => servers.filter((entry) => entry.variant === variant).map((entry) => entry.server);
    const cpu = (variant: Variant, path: string) => meanOfMedians(processesOf(variant).map((server) => rounds.get(server)!.get(path)!.map((result) => result.cpuSecondsPerResponse)));
    // The median of every paired ratio of the variant's processes.
    const pairedRatio = (variant: Variant, path: string, key: 'cpu' | 'throughput') => median(processesOf(variant).flatMap((server) => ratios.get(server)!.get(path)![key]));
    const latency = (variant: Variant, path: string, key: 'p50' | 'p99') => meanOfMedians(processesOf(variant).map((server) => latencies.get(server)!.get(path)![key]));
    const [nothing] = VARIANTS;
    const rows = VARIANTS.flatMap((variant) =>
      PATHS.map(({ path, about }) => {
        const measured = variant === nothing;
        return {
          instrumentation: measured ? 'nothing (paired with the other uninstrumented process: the noise floor)' : variant.name,
          path: `${path} (${about})`,
          'CPU / request, × nothing': round(pairedRatio(variant, path, 'cpu')),
          'CPU / request (µs)': round(cpu(variant, path) * 1e6),
          'throughput, × nothing': round(pairedRatio(variant, path, 'throughput')),
          'p50 (ms)': round(latency(variant, path, 'p50')),
          'p50 − nothing (ms)': measured ? null : round(latency(variant, path, 'p50') - latency(nothing, path, 'p50')),
          'p99 (ms)': round(latency(variant, path, 'p99')),
          'p99 − nothing (ms)': measured ? null : round(latency(variant, path, 'p99') - latency(nothing, path, 'p99')),
        };
      }),
    );
    const spread = (path: string) => {
      const medians = processesOf(nothing).map((server) => median(rounds.get(server)!.get(path)!.map((result) => result.cpuSecondsPerResponse)));
      return Math.max(...medians) / Math.min(...medians);
    };
    const meterboard = VARIANTS[1];
    const dashboard = VARIANTS[2];
    report({
      scenario: 'peers',
      method: `The peers fixture (create-next-app ${versionOf('next')} template, next start), ${PROCESSES} processes per instrumentation on core 0, load on core 1; ${WARMUP_S} s warm-up per path, then per path a block for every server beside an uninstrumented one: ${REWARM_S} s of unmeasured load on each, then ${PAIRS_PER_BLOCK} pairs of ${ROUND_S} s autocannon runs back to back (${pairs} pairs in all; a ratio is the median of its pairs' ratios), then ${LATENCY_ROUNDS} rounds of sequential requests (${PATHS.map(({ path, latencyRequests, rewarmRequests }) => `${latencyRequests} to ${path} after ${rewarmRequests} unmeasured`).join(', ')}) per server. Absolute values: mean over an instrumentation's processes of each process's median. Versions: ${VARIANTS.map((variant) => variant.packages.map((name) => `${name} ${versionOf(name)}`).join(', ')).join('; ')}. What each records: ${VARIANTS.map((variant) => `${variant.name}: ${variant.records}`).join('; ')}. Spread between the uninstrumented processes (max / min CPU per request): ${PATHS.map(({ path }) => `${path} ${round(spread(path))}`).join(', ')}.`,
      rows,
      targets: [
        { metric: 'meterboard CPU per request / nothing, route handler, median of paired ratios', value: pairedRatio(meterboard, '/api/ping', 'cpu'), unit: '×', limit: 1.02 },
        { metric: 'meterboard CPU per request / nothing, page, median of paired ratios', value: pairedRatio(meterboard, '/catalog', 'cpu'), unit: '×', limit: 1.02 },
        { metric: "an open dashboard's p99 rise over meterboard's, page", value: latency(dashboard, '/catalog', 'p99') - latency(meterboard, '/catalog', 'p99'), unit: 'ms', limit: 1 },
      ],
    });
  } finally {
    for (const close of closeDashboards) close();
    await Promise.all(servers.map(({ server }) => server.stop()));
    sink.close();
  }
});
