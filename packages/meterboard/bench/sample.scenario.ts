// What an instrumented process does every second whatever its traffic: the history's sample (one
// collection of every instrument, the runtime metrics included, turned into a frame and merged into
// each window's ring). Measured in process, as telemetry.ts wires it (meterboard's reader with the
// duration histograms as its producer, the runtime metrics, the HTTP recorder), with no traffic
// and with routes that served requests in the second: CPU per sample, and the bytes it allocates,
// which the young generation has to collect (`overhead` measures the same over HTTP as CPU per second).
import { spawn } from 'node:child_process';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { METRIC_HTTP_SERVER_REQUEST_DURATION } from '@opentelemetry/semantic-conventions';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { test } from 'vitest';
import { History, HISTORY_CONSUMER, SAMPLE_INTERVAL_MS } from '../src/collect/history.js';
import { EVENT_LOOP_DELAY_RESOLUTION_MS } from '../src/record/runtime-instruments.js';
import { DurationHistograms } from '../src/record/duration-histograms.js';
import { DURATION_BUCKETS_S } from '../src/record/http-instruments.js';
import { drainSeries } from '../src/record/recorded-series.js';
import { startRuntimeMetrics } from '../src/record/runtime-metrics.js';
import { PROMETHEUS_CONSUMER } from '../src/serialize/prometheus.js';
import { METER_NAME, METER_VERSION } from '../src/scope.js';
import { median, report, round, SHORT } from './report.js';

const WARMUP_SAMPLES = SHORT ? 20 : 200;
const SAMPLES = SHORT ? 30 : 600;
// Real time between two samples, so the event loop delay monitor has samples to report; the
// history's clock advances by SAMPLE_INTERVAL_MS each time, as it would in a second.
const GAP_MS = 20;
const BUSY_ROUTES = 20;
const HEAP_SAMPLING_INTERVAL_BYTES = 512;
// How long the idle processes of idleCpuWithMonitors are measured.
const IDLE_S = SHORT ? 1 : 10;

/**
 * Main-thread CPU per second, milliseconds, of an idle Node process running `monitors` event loop
 * delay monitors: each wakes the loop every EVENT_LOOP_DELAY_RESOLUTION_MS.
 */
function idleCpuWithMonitors(monitors: number): Promise<number> {
  const script = `
    const { monitorEventLoopDelay } = require('node:perf_hooks');
    const { readFileSync } = require('node:fs');
    for (let i = 0; i < ${monitors}; i++) monitorEventLoopDelay({ resolution: ${EVENT_LOOP_DELAY_RESOLUTION_MS} }).enable();
    const runNs = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    const keepAlive = setInterval(() => {}, 1 << 30);
    setTimeout(() => {
      const start = runNs();
      setTimeout(() => { console.log((runNs() - start) / 1e6 / ${IDLE_S}); clearInterval(keepAlive); process.exit(0); }, ${IDLE_S * 1000});
    }, 500);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(Number(output)) : reject(new Error(`the idle probe exited with ${code}`))));
  });
}

interface Measured {
  /** CPU per sample, microseconds: the median over the samples. */
  cpuMicroseconds: number;
  /** Wall time of a sample, milliseconds, median and longest: nothing else runs meanwhile, so it is how long a request arriving then would wait. */
  wallMs: { median: number; max: number };
  /** Bytes allocated per sample, collected ones included. */
  allocatedBytes: number;
}

/** Runs `sample` `count` times, GAP_MS apart: the median CPU of one, then, in a second pass, what they allocated. */
async function measure(sample: () => Promise<void>, count: number): Promise<Measured> {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    const before = process.cpuUsage();
    const start = performance.now();
    await sample();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(before);
    cpu.push(used.user + used.system);
  }
  // The gaps allocate too (timers, the profiler's own messages): the same loop without samples is subtracted.
  const allocated = await allocatedBytes(async () => {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
      await sample();
    }
  });
  const gapsAlone = await allocatedBytes(async () => {
    for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  });
  return { cpuMicroseconds: median(cpu), wallMs: { median: median(wall), max: Math.max(...wall) }, allocatedBytes: Math.max(0, allocated - gapsAlone) / count };
}

/** Bytes allocated while `run` runs, collected objects included (V8's sampling heap profiler). */
async function allocatedBytes(run: () => Promise<void>): Promise<number> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', {
    samplingInterval: HEAP_SAMPLING_INTERVAL_BYTES,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await run();
  const { profile } = (await post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
  session.disconnect();
  return totalSize(profile.head);
}

interface ProfileNode {
  selfSize: number;
  children: ProfileNode[];
}

function totalSize(node: ProfileNode): number {
  return node.children.reduce((sum, child) => sum + totalSize(child), node.selfSize);
}

test('sample', async () => {
  const durationHistograms = new DurationHistograms({ name: METER_NAME, version: METER_VERSION });
  const reader = new PrometheusExporter({ preventServerStart: true, metricProducers: [durationHistograms] });
  const meterProvider = new MeterProvider({ readers: [reader] });
  startRuntimeMetrics(meterProvider, [HISTORY_CONSUMER, PROMETHEUS_CONSUMER], { frequentConsumers: [HISTORY_CONSUMER] });
  const http = durationHistograms.histogram(METRIC_HTTP_SERVER_REQUEST_DURATION, { description: '', unit: 's', boundaries: DURATION_BUCKETS_S });
  const history = new History(reader, { http: { drain: () => ({ http: drainSeries(http.series), serverActions: [] }) } }, Date.now());
  let now = Date.now();
  const sample = () => history.sample((now += SAMPLE_INTERVAL_MS));

  await measure(sample, WARMUP_SAMPLES);
  const idle = await measure(sample, SAMPLES);

  // The same process once BUSY_ROUTES routes serve 5 requests each every second, recorded as the
  // hot path records them: each series' explicit buckets (read by the reader) and its latency sketch.
  const routes = Array.from({ length: BUSY_ROUTES }, (_, route) =>
    http.newSeries({ 'http.request.method': 'GET', 'url.scheme': 'http', 'http.route': `/api/resource-${route}/[id]`, 'http.response.status_code': 200 }),
  );
  const busySecond = async () => {
    for (const series of routes) {
      for (let request = 1; request <= 5; request++) {
        series.histogram.record(0.002 * request);
        series.latency.record(0.002 * request);
      }
    }
    await sample();
  };
  await measure(busySecond, WARMUP_SAMPLES);
  const busy = await measure(busySecond, SAMPLES);

  // What the history no longer asks Node for each second (runtime-metrics.ts, frequentConsumers).
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, SHORT ? 200 : 1_000));
  const momentCpu: number[] = [];
  for (let i = 0; i < (SHORT ? 5 : 50); i++) {
    const before = process.cpuUsage();
    void delay.mean;
    void delay.stddev;
    const used = process.cpuUsage(before);
    momentCpu.push(used.user + used.system);
  }
  delay.disable();
  await meterProvider.shutdown();
  // Side by side, so the machine's drift hits all three.
  const [noMonitor, oneMonitor, twoMonitors] = await Promise.all([idleCpuWithMonitors(0), idleCpuWithMonitors(1), idleCpuWithMonitors(2)]);

  report({
    scenario: 'sample',
    method: `History#sample in process, wired as telemetry.ts wires it (meterboard's reader with the duration histograms as producer, the runtime metrics), ${SAMPLES} samples ${GAP_MS} ms apart after ${WARMUP_SAMPLES} to warm up; CPU per sample is the median (process.cpuUsage), bytes allocated per sample are what the same loop allocated in a second pass, collected objects included (V8's sampling heap profiler, every ${HEAP_SAMPLING_INTERVAL_BYTES} bytes), less what it allocates without the samples, divided by the samples.`,
    rows: [
      { measure: 'a sample, no traffic: CPU (µs)', value: round(idle.cpuMicroseconds) },
      { measure: 'a sample, no traffic: allocated (KB)', value: round(idle.allocatedBytes / 1024) },
      { measure: 'a sample, no traffic: wall time, median and longest (ms)', value: `${round(idle.wallMs.median)} and ${round(idle.wallMs.max)}` },
      { measure: `a sample, ${BUSY_ROUTES} routes with 5 requests each in the second: CPU (µs)`, value: round(busy.cpuMicroseconds) },
      { measure: `a sample, ${BUSY_ROUTES} routes with 5 requests each in the second: allocated (KB)`, value: round(busy.allocatedBytes / 1024) },
      { measure: `a sample, ${BUSY_ROUTES} busy routes: wall time, median and longest (ms)`, value: `${round(busy.wallMs.median)} and ${round(busy.wallMs.max)}` },
      { measure: 'nodejs.eventloop.delay mean + stddev, which the sample no longer computes (µs)', value: round(median(momentCpu)) },
      { measure: `an idle Node process, main-thread CPU per second: no delay monitor (ms)`, value: round(noMonitor) },
      { measure: `the same with one delay monitor at ${EVENT_LOOP_DELAY_RESOLUTION_MS} ms (the history's), and with two (a scrape's too) (ms)`, value: `${round(oneMonitor)} and ${round(twoMonitors)}` },
    ],
    targets: [],
  });
});
