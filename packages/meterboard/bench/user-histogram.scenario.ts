// What one record() of the app's own histogram costs through the global MeterProvider meterboard
// registers (the lifetime cardinality limit, and the sketch that gives the dashboard percentiles
// within 2%), side by side with the SDK's own record and with the limit alone. Interleaved rounds,
// median per record; the difference to the SDK's record is meterboard's cost.
import { performance } from 'node:perf_hooks';
import type { Histogram } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { test } from 'vitest';
import { boundedMeterProvider } from '../src/record/bounded-meter-provider.js';
import { attributesKey } from '../src/record/attributes-key.js';
import { HistogramSketches } from '../src/record/histogram-sketches.js';
import { median, report, round, SHORT } from './report.js';
import { TestReader } from '../src/testing/test-reader.js';

const ROUNDS = SHORT ? 3 : 21;
const RECORDS_PER_ROUND = SHORT ? 5_000 : 200_000;
const WARMUP_ROUNDS = SHORT ? 1 : 5;

test('user-histogram', async () => {
  const sdk = new MeterProvider({ readers: [new TestReader()] });
  const limitOnlyProvider = new MeterProvider({ readers: [new TestReader()] });
  const sketchedProvider = new MeterProvider({ readers: [new TestReader()] });
  const sketches = new HistogramSketches();
  const variants: Record<string, Histogram> = {
    'SDK record': sdk.getMeter('shop').createHistogram('checkout.latency', { unit: 'ms' }),
    'meterboard, limit only': boundedMeterProvider(limitOnlyProvider, 2000).getMeter('shop').createHistogram('checkout.latency', { unit: 'ms' }),
    'meterboard (limit + sketch)': boundedMeterProvider(sketchedProvider, 2000, sketches).getMeter('shop').createHistogram('checkout.latency', { unit: 'ms' }),
  };
  // Four routes and two methods, attribute objects built once, as an app's handler has them.
  const attributeSets = Array.from({ length: 8 }, (_, i) => ({ 'http.route': `/route/${i % 4}`, 'http.request.method': i < 4 ? 'GET' : 'POST' }));
  const values = Array.from({ length: 1024 }, (_, i) => 1 + ((i * 7919) % 500));

  const nanosecondsPerRecord = (histogram: Histogram) => {
    const start = performance.now();
    for (let i = 0; i < RECORDS_PER_ROUND; i++) histogram.record(values[i & 1023], attributeSets[i & 7]);
    return ((performance.now() - start) * 1e6) / RECORDS_PER_ROUND;
  };
  // The sketch's own work, apart from the rest: its series lookup and its record, against the same
  // loop doing what the limit does anyway (the attribute set's key, looked up in its set of
  // admitted keys, which leaves the key's hash computed for the sketch's lookup).
  const isolated = new HistogramSketches().of('shop\n\n\ncheckout.latency');
  const admitted = new Set(attributeSets.map((attributes) => attributesKey(attributes)));
  let sink = 0;
  const hashOnly: Histogram = { record: (_value, attributes) => void (sink += admitted.has(attributesKey(attributes!)) ? 1 : 0) };
  const hashAndSketch: Histogram = {
    record: (value, attributes) => {
      const key = attributesKey(attributes!);
      sink += admitted.has(key) ? 1 : 0;
      isolated.sketchOf(key)!.record(value);
    },
  };
  Object.assign(variants, { 'hash only (baseline)': hashOnly, 'hash + sketch': hashAndSketch });
  const names = Object.keys(variants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const nanoseconds = nanosecondsPerRecord(variants[name]);
      if (r >= WARMUP_ROUNDS) samples[name].push(nanoseconds);
    }
    // As the history does once a second: the sketches start afresh.
    sketches.drain();
  }
  const sdkNs = samples['SDK record'];
  const over = (name: string) => median(samples[name].map((value, i) => value - sdkNs[i]));
  const sketchCost = median(samples['hash + sketch'].map((value, i) => value - samples['hash only (baseline)'][i]));
  if (sink <= 0) throw new Error('the baseline did nothing');
  report({
    scenario: 'user-histogram',
    method: `${ROUNDS} interleaved rounds of ${RECORDS_PER_ROUND} record() calls (8 attribute sets) per variant after ${WARMUP_ROUNDS} warm-up rounds; cost over the SDK's record = median of the per-round differences.`,
    rows: [
      ...['SDK record', 'meterboard, limit only', 'meterboard (limit + sketch)'].map((name) => ({ variant: name, 'ns per record': round(median(samples[name])), 'over the SDK (ns)': name === 'SDK record' ? 0 : round(over(name)) })),
      { variant: "the sketch's own work (key + sketch − key only)", 'ns per record': round(sketchCost), 'over the SDK (ns)': null },
    ],
    // The limit's cost (one attribute hash) predates the sketch; the target is the sketch's own.
    targets: [{ metric: "the sketch's own work per record", value: sketchCost, unit: 'ns', limit: 300 }],
  });
  await Promise.all([sdk.shutdown(), limitOnlyProvider.shutdown(), sketchedProvider.shutdown()]);
});
