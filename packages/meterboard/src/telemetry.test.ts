import { metrics } from '@opentelemetry/api';
import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterAll, expect, test, vi } from 'vitest';
import { getTelemetry, sharedMetricReader, startTelemetry } from './telemetry.js';

afterAll(async () => {
  await (getTelemetry()?.meterProvider as MeterProvider | undefined)?.shutdown();
  metrics.disable();
});

test('a second start, and a second copy of the module, find the first instance', async () => {
  const first = startTelemetry();
  expect(first).toBeDefined();
  expect(startTelemetry()).toBe(first);

  // What a route bundle or a hot reload does: evaluate the module again.
  vi.resetModules();
  const again = await import('./telemetry.js');
  expect(again.startTelemetry()).toBe(first);
  expect(again.getTelemetry()).toBe(first);
});

test('the global meter provider is the one meterboard reads, registered once', async () => {
  const telemetry = startTelemetry()!;
  metrics.getMeter('telemetry-test').createCounter('test.things').add(2, { kind: 'a' });

  const { resourceMetrics } = await telemetry.reader.collect();
  const things = resourceMetrics.scopeMetrics
    .filter((scope) => scope.scope.name === 'telemetry-test')
    .flatMap((scope) => scope.metrics)
    .filter((metric) => metric.descriptor.name === 'test.things');
  expect(things).toHaveLength(1);
  expect(things[0].dataPoints.map((point) => point.value)).toEqual([2]);
});

test('a shared reader asked for after meterboard started with its own provider is refused, saying what to do', () => {
  startTelemetry();
  expect(() => sharedMetricReader()).toThrow(/call it first, while building your MeterProvider, and register\(\) after/);
});
