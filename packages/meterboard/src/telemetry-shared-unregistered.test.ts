import { metrics } from '@opentelemetry/api';
import { afterAll, expect, test, vi } from 'vitest';
import { sharedMetricReader, startTelemetry } from './telemetry.js';

afterAll(() => metrics.disable());

test("a shared reader whose MeterProvider was never registered: meterboard starts, and says what is missing", () => {
  sharedMetricReader();
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    expect(startTelemetry()).toBeDefined();
    expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringMatching(/no MeterProvider is registered yet/));
  } finally {
    warn.mockRestore();
  }
});
