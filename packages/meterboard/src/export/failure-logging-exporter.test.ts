import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { AggregationTemporality, AggregationType, InstrumentType, type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { describe, expect, test } from 'vitest';
import { EXPORT_FAILURE_LOG_INTERVAL_MS, FailureLoggingExporter } from './failure-logging-exporter.js';

const METRICS = { resource: {}, scopeMetrics: [] } as unknown as ResourceMetrics;
const REFUSED: ExportResult = { code: ExportResultCode.FAILED, error: Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }) };
const OK: ExportResult = { code: ExportResultCode.SUCCESS };

// Runs one export per entry of `results` at the given times (ms) and returns what was logged.
function run(steps: Array<[number, ExportResult]>) {
  let now = 0;
  let next: ExportResult = OK;
  const inner: PushMetricExporter = {
    export: (_metrics, callback) => callback(next),
    forceFlush: async () => {},
    shutdown: async () => {},
    selectAggregationTemporality: () => AggregationTemporality.DELTA,
  };
  const lines: string[] = [];
  const log = { error: (line: string) => lines.push(`error ${line}`), info: (line: string) => lines.push(`info ${line}`) };
  const exporter = new FailureLoggingExporter(inner, 'OTLP export to http://collector:4318/v1/metrics', () => now, log);
  const results: ExportResult[] = [];
  for (const [time, result] of steps) {
    now = time;
    next = result;
    exporter.export(METRICS, (passed) => results.push(passed));
  }
  return { lines, results, exporter };
}

describe('FailureLoggingExporter', () => {
  test('hands every result to the reader unchanged', () => {
    const { results } = run([[0, REFUSED], [1000, OK]]);
    expect(results).toEqual([REFUSED, OK]);
  });

  test('logs the first failure with its cause, then stays quiet for the interval however many follow', () => {
    const steps: Array<[number, ExportResult]> = Array.from({ length: 600 }, (_, i) => [i * 100, REFUSED]);
    const { lines } = run(steps);
    expect(lines).toEqual([expect.stringMatching(/^error \[meterboard\] OTLP export to http:\/\/collector:4318\/v1\/metrics: an export failed \(fetch failed: ECONNREFUSED\); the app is unaffected/)]);
  });

  test('after the interval, one line counts the failures since the last one', () => {
    const { lines } = run([
      [0, REFUSED],
      [1000, REFUSED],
      [2000, REFUSED],
      [EXPORT_FAILURE_LOG_INTERVAL_MS, REFUSED],
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/: 3 exports failed \(/);
  });

  test('says once when exports work again, and nothing while they keep working', () => {
    const { lines } = run([
      [0, REFUSED],
      [1000, REFUSED],
      [2000, OK],
      [3000, OK],
    ]);
    expect(lines).toEqual([expect.stringMatching(/^error /), 'info [meterboard] OTLP export to http://collector:4318/v1/metrics works again after 2 failed exports.']);
  });

  test("passes on the inner exporter's temporality, and the SDK's default aggregation when it has no preference", () => {
    const { exporter } = run([]);
    expect(exporter.selectAggregationTemporality(InstrumentType.COUNTER)).toBe(AggregationTemporality.DELTA);
    expect(exporter.selectAggregation(InstrumentType.HISTOGRAM)).toEqual({ type: AggregationType.DEFAULT });
  });
});
