import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { afterEach, expect, test, vi } from 'vitest';
import type { Telemetry } from '../telemetry.js';
import { renderPrometheusText } from './prometheus.js';

const LOGGED_KEY = Symbol.for('meterboard.loggedOnce');

afterEach(() => {
  (globalThis as { [LOGGED_KEY]?: Set<string> })[LOGGED_KEY]?.delete('scrape');
  vi.restoreAllMocks();
});

test("a user's observable callback that throws is logged once, and /metrics still serves every other metric", async () => {
  const reader = new PrometheusExporter({ preventServerStart: true });
  const provider = new MeterProvider({ readers: [reader] });
  const meter = provider.getMeter('shop');
  meter.createCounter('orders.created').add(3);
  meter.createObservableGauge('queue.depth').addCallback(() => {
    throw new Error('queue is unreachable');
  });
  meter.createObservableGauge('cache.size').addCallback((result) => result.observe(42));
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});

  const telemetry = { reader } as unknown as Telemetry;
  const first = await renderPrometheusText(telemetry);
  const second = await renderPrometheusText(telemetry);

  for (const text of [first, second]) {
    expect(text).toContain('orders_created_total{otel_scope_name="shop"} 3');
    expect(text).toContain('cache_size{otel_scope_name="shop"} 42');
  }
  expect(error).toHaveBeenCalledTimes(1);
  expect(String(error.mock.calls[0][0])).toContain('failed to collect');
  await provider.shutdown();
});
