import { metrics } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterAll, expect, test } from 'vitest';
import { getTelemetry, sharedMetricReader, startTelemetry } from './telemetry.js';

// An app with a MeterProvider of its own (what @vercel/otel's registerOTel({ metricReaders }) or the
// NodeSDK build), holding meterboard's reader, registered before meterboard starts.
const reader = sharedMetricReader();
const appProvider = new MeterProvider({
  resource: resourceFromAttributes({ 'service.name': 'the-app' }),
  readers: [reader],
  views: [{ instrumentName: 'app.renamed', name: 'app.renamed.by.view' }],
});
metrics.setGlobalMeterProvider(appProvider);

afterAll(async () => {
  await appProvider.shutdown();
  metrics.disable();
});

test('meterboard starts inside the app provider: no provider of its own, the app one stays global', () => {
  const telemetry = startTelemetry()!;
  expect(telemetry.reader).toBe(reader);
  expect(sharedMetricReader()).toBe(reader);
  expect(telemetry.meterProvider).toBe(metrics.getMeterProvider());
  expect(getTelemetry()).toBe(telemetry);
});

test("the reader sees the app's instruments through the app's views and resource, and meterboard's own", async () => {
  startTelemetry();
  metrics.getMeter('app').createCounter('app.renamed').add(3);
  const { resourceMetrics } = await reader.collect();
  expect(resourceMetrics.resource.attributes['service.name']).toBe('the-app');
  const names = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics.map((metric) => `${scope.scope.name} ${metric.descriptor.name}`));
  expect(names).toContain('app app.renamed.by.view');
  expect(names).not.toContain('app app.renamed');
  // meterboard's runtime instruments, recorded through the app's provider.
  expect(names).toContain('meterboard v8js.memory.heap.used');
});
