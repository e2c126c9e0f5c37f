// A figure noise cannot hide: the share of a `next start` server's CPU samples spent in meterboard's
// own code and in the OpenTelemetry SDK code it calls, under load on a trivial route, from Node's
// CPU profiler (--cpu-prof). Next bundles meterboard and the SDK into its server chunks, so each
// sampled function is traced back to its source file through the chunk's source map. Self time
// only: a function's callees count where they are (Next's own handler under meterboard's emit
// patch counts as Next's).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import autocannon from 'autocannon';
import { test } from 'vitest';
import { ensureProductionBuild, NextServer, pinSelf } from './next-server.js';
import { report, round, SHORT } from './report.js';

const PATH = '/api/health';
const PORT = 4301;
const WARMUP_S = SHORT ? 1 : 8;
const LOAD_S = SHORT ? 2 : 20;
const CONNECTIONS = 8;
/** Microseconds between two samples: fine enough that a per-request cost of a microsecond shows. */
const SAMPLING_INTERVAL_US = 100;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

type Owner = 'meterboard' | 'OpenTelemetry SDK' | 'OpenTelemetry API, for Next' | 'the rest' | 'idle';

/** Whose code a sampled function is: its source file, through the bundle's source map when it has one. */
function ownerOf(node: ProfileNode, maps: Map<string, TraceMap | null>): { owner: Owner; source: string } {
  const { url, lineNumber, columnNumber, functionName } = node.callFrame;
  if (functionName === '(idle)') return { owner: 'idle', source: '(idle)' };
  let source = url;
  if (url.startsWith('file://') && url.includes('/.next/')) {
    const file = fileURLToPath(url);
    if (!maps.has(file)) {
      let map: TraceMap | null = null;
      try {
        map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
      } catch {
        // A chunk without a map stays attributed to its own file.
      }
      maps.set(file, map);
    }
    const map = maps.get(file);
    if (map) source = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }).source ?? url;
  }
  if (/packages\/meterboard\/|node_modules\/meterboard\//.test(source)) return { owner: 'meterboard', source };
  if (source.includes('@opentelemetry/')) return { owner: 'OpenTelemetry SDK', source };
  return { owner: 'the rest', source };
}

test('profile', async () => {
  ensureProductionBuild();
  pinSelf(1);
  const profileDir = mkdtempSync(join(tmpdir(), 'meterboard-cpu-prof-'));
  const server = new NextServer(PORT, {}, 0, undefined, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-interval=${SAMPLING_INTERVAL_US}`]);
  const spawnedAt = performance.now();
  await server.start();
  let window: { fromUs: number; toUs: number };
  let responses = 0;
  let cpuSeconds = 0;
  try {
    await autocannon({ url: `${server.url}${PATH}`, connections: CONNECTIONS, duration: WARMUP_S });
    const cpuBefore = server.cpuSeconds();
    const fromUs = (performance.now() - spawnedAt) * 1000;
    const result = await autocannon({ url: `${server.url}${PATH}`, connections: CONNECTIONS, duration: LOAD_S });
    window = { fromUs, toUs: (performance.now() - spawnedAt) * 1000 };
    responses = result.requests.total;
    cpuSeconds = server.cpuSeconds() - cpuBefore;
  } finally {
    // The profile is written when the process exits on its own: SIGTERM, which Next handles.
    await server.stopGracefully();
  }

  // The server's profile is the one with the most samples (next start may start helper processes).
  const profiles = readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile'));
  if (profiles.length === 0) throw new Error(`next start wrote no CPU profile into ${profileDir}`);
  const [largest] = profiles.sort((a, b) => statSync(join(profileDir, b)).size - statSync(join(profileDir, a)).size);
  const profile = JSON.parse(readFileSync(join(profileDir, largest), 'utf8')) as CpuProfile;
  rmSync(profileDir, { recursive: true, force: true });

  // Only the samples of the measured load: their times run from the profile's start, which is the
  // process's start give or take the milliseconds before the profiler ran.
  const maps = new Map<string, TraceMap | null>();
  const owners = new Map<number, { owner: Owner; source: string }>(profile.nodes.map((node) => [node.id, ownerOf(node, maps)]));
  // The OpenTelemetry API counts as meterboard's cost only when meterboard called it: Next's tracer
  // calls it on every request (context.active()), whether meterboard is there or not.
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const calledByMeterboard = (id: number): boolean => {
    for (let at = parents.get(id); at !== undefined; at = parents.get(at)) if (owners.get(at)!.owner === 'meterboard') return true;
    return false;
  };
  // The SDK itself (sdk-metrics, the exporter) runs for meterboard's provider, mostly in async
  // continuations of the history's collection, which have no meterboard frame above them.
  for (const [id, entry] of owners) {
    if (entry.owner === 'OpenTelemetry SDK' && entry.source.includes('@opentelemetry/api/') && !calledByMeterboard(id)) owners.set(id, { ...entry, owner: 'OpenTelemetry API, for Next' });
  }
  const samples: Record<Owner, number> = { meterboard: 0, 'OpenTelemetry SDK': 0, 'OpenTelemetry API, for Next': 0, 'the rest': 0, idle: 0 };
  const bySource = new Map<string, number>();
  let atUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    atUs += profile.timeDeltas[i];
    if (atUs < window!.fromUs || atUs > window!.toUs) continue;
    const { owner, source } = owners.get(profile.samples[i])!;
    samples[owner]++;
    if (owner !== 'the rest' && owner !== 'idle') bySource.set(source, (bySource.get(source) ?? 0) + 1);
  }
  const busy = samples.meterboard + samples['OpenTelemetry SDK'] + samples['OpenTelemetry API, for Next'] + samples['the rest'];
  if (busy === 0) throw new Error('no busy samples in the load window: the profile and the load do not line up');
  // Without a source map nothing would be meterboard's, and the share would read 0 for the wrong reason.
  if (![...owners.values()].some(({ owner }) => owner === 'meterboard')) throw new Error("no sampled function maps to meterboard's sources: are the server chunks' source maps there?");

  const cpuPerRequestUs = (cpuSeconds / responses) * 1e6;
  const share = (owner: Owner) => samples[owner] / busy;
  const ours = share('meterboard') + share('OpenTelemetry SDK');
  const top = [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 10);
  report({
    scenario: 'profile',
    method: `GET ${PATH} under next start (the demo's build) with --cpu-prof at ${SAMPLING_INTERVAL_US} µs, server on core 0, autocannon (${CONNECTIONS} connections) on core 1: ${WARMUP_S} s warm-up, then ${LOAD_S} s measured; the busy samples of that window by the source file of the sampled function (self time), through the server chunks' source maps.`,
    rows: [
      { part: 'meterboard', samples: samples.meterboard, 'share of busy samples (%)': round(share('meterboard') * 100), 'µs per request': round(share('meterboard') * cpuPerRequestUs) },
      { part: 'OpenTelemetry SDK, and the API as meterboard calls it', samples: samples['OpenTelemetry SDK'], 'share of busy samples (%)': round(share('OpenTelemetry SDK') * 100), 'µs per request': round(share('OpenTelemetry SDK') * cpuPerRequestUs) },
      { part: 'OpenTelemetry API called by Next itself (its tracer)', samples: samples['OpenTelemetry API, for Next'], 'share of busy samples (%)': round(share('OpenTelemetry API, for Next') * 100), 'µs per request': round(share('OpenTelemetry API, for Next') * cpuPerRequestUs) },
      { part: 'everything else (Next, React, Node, GC)', samples: samples['the rest'], 'share of busy samples (%)': round(share('the rest') * 100), 'µs per request': round(share('the rest') * cpuPerRequestUs) },
      { part: `the whole request (${responses} responses)`, samples: busy, 'share of busy samples (%)': 100, 'µs per request': round(cpuPerRequestUs) },
      ...top.map(([source, count]) => ({ part: `  of which ${source.replace(/^.*?(packages\/meterboard\/|@opentelemetry\/)/, '$1')}`, samples: count, 'share of busy samples (%)': round((count / busy) * 100), 'µs per request': null })),
    ],
    targets: [{ metric: "meterboard's and the SDK's share of a trivial route's CPU", value: ours * 100, unit: '%', limit: 1 }],
  });
});
