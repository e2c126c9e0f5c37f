import { execFileSync } from 'node:child_process';
import type { Attributes } from '@opentelemetry/api';
import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AggregationTemporality, DataPointType, type MetricData, type ResourceMetrics, type ScopeMetrics } from '@opentelemetry/sdk-metrics';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { serializePrometheusText } from './prometheus-text.js';

const TIME: [number, number] = [1_700_000_000, 0];

// Hostile text: quotes, backslashes, newlines, control characters, unicode, long strings.
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('say "hi"', 'C:\\path\\', 'two\nlines', '\u0000\u0007\u001b[31m', '<script>alert(1)</script>', 'x'.repeat(5000), '☃ ünïcødé 𝄞'),
);
const attributeValue = fc.oneof(hostileText, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }));
// OpenTelemetry instrument names: [a-zA-Z][a-zA-Z0-9_.-]* (the API refuses others).
const instrumentName = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_.-]{0,30}$/);
// Keys that do not start with a digit: there the two serializers differ on purpose (see below).
const attributeKey = fc.stringMatching(/^[a-zA-Z_.][a-zA-Z0-9_.\- ]{0,20}$/);
const labelOf = (key: string) => key.replace(/[^a-z0-9_]/gi, '_').replace(/_{2,}/g, '_');
// Where the two serializers agree: no two keys that become one label, none that becomes a label the exposition writes itself.
const attributes = fc
  .dictionary(attributeKey, attributeValue, { maxKeys: 4 })
  .filter((set) => {
    const labels = Object.keys(set).map(labelOf);
    return new Set(labels).size === labels.length && !labels.some((label) => label === 'le' || label.startsWith('otel_scope_'));
  }) as fc.Arbitrary<Attributes>;

function sum(name: string, isMonotonic: boolean, points: Array<[Attributes, number]>): MetricData {
  return {
    descriptor: { name, description: '', unit: '', valueType: 1 },
    aggregationTemporality: AggregationTemporality.CUMULATIVE,
    dataPointType: DataPointType.SUM,
    isMonotonic,
    dataPoints: points.map(([attributes, value]) => ({ attributes, value, startTime: TIME, endTime: TIME })),
  };
}

const metricBody = fc.oneof(
  fc.record({
    kind: fc.constantFrom('counter', 'updown', 'gauge'),
    points: fc.array(fc.tuple(attributes, fc.double()), { maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('histogram'),
    points: fc.array(fc.tuple(attributes, fc.array(fc.nat(1000), { minLength: 4, maxLength: 4 })), { maxLength: 3 }),
  }),
);

/** What metricBody generates: a kind and its points' attributes and raw values. */
interface MetricBody {
  kind: string;
  points: Array<[Attributes, unknown]>;
}

function toMetric(name: string, description: string, unit: string, body: MetricBody): MetricData {
  const descriptor = { name, description, unit, valueType: 1 };
  const base = { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE };
  const dataPoints = (value: (raw: unknown) => unknown) => body.points.map(([attributes, raw]) => ({ attributes, value: value(raw), startTime: TIME, endTime: TIME }));
  if (body.kind === 'histogram') {
    return {
      ...base,
      dataPointType: DataPointType.HISTOGRAM,
      dataPoints: dataPoints((raw) => {
        const counts = raw as number[];
        return { buckets: { boundaries: [0.1, 1, 10], counts }, count: counts.reduce((a, b) => a + b, 0), sum: 3.5, min: 0, max: 20 };
      }),
    } as MetricData;
  }
  if (body.kind === 'gauge') return { ...base, dataPointType: DataPointType.GAUGE, dataPoints: dataPoints((raw) => raw) } as MetricData;
  return { ...base, dataPointType: DataPointType.SUM, isMonotonic: body.kind === 'counter', dataPoints: dataPoints((raw) => raw) } as MetricData;
}

/** Collections whose metric names are distinct across all scopes, after Prometheus' name rules too. */
const collection: fc.Arbitrary<ResourceMetrics> = fc
  .record({
    resource: attributes,
    scopes: fc.array(
      fc.record({
        scope: fc.record({ name: hostileText, version: fc.option(fc.string(), { nil: undefined }) }),
        metrics: fc.array(fc.record({ name: instrumentName, description: hostileText, unit: fc.constantFrom('', 's', '{request}', 'By'), body: metricBody }), { maxLength: 4 }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ resource, scopes }) => {
    const seen = new Set<string>();
    const scopeMetrics: ScopeMetrics[] = scopes.map(({ scope, metrics }) => ({
      scope,
      metrics: metrics
        .filter(({ name, unit, body }) => {
          // No two metrics may share a family or a histogram's series name, under either serializer's names.
          const names = [exporterName(name, body as MetricBody), ourName(name, unit, body as MetricBody)].map((family) => family.replace(/_total$/, ''));
          const series = names.flatMap((family) => [family, `${family}_bucket`, `${family}_sum`, `${family}_count`]);
          if (series.some((family) => seen.has(family))) return false;
          for (const family of series) seen.add(family);
          return true;
        })
        .map(({ name, description, unit, body }) => toMetric(name, description, unit, body as MetricBody)),
    }));
    return { resource: resourceFromAttributes(resource), scopeMetrics };
  });

// The exporter's family name (sanitized, `_total` after a counter) and ours (Prometheus's OTLP
// translator: tokens, the unit's word unless a token is it, `total` last; lib/promql/names.ts),
// written out here independently for the generator's units.
const UNIT_WORDS: Record<string, string> = { '': '', s: 'seconds', '{request}': '', By: 'bytes' };
function exporterName(name: string, body: MetricBody): string {
  const family = name.replace(/[^a-z0-9_]/gi, '_').replace(/_{2,}/g, '_');
  return body.kind === 'counter' && !family.endsWith('_total') ? `${family}_total` : family;
}
function ourName(name: string, unit: string, body: MetricBody): string {
  let tokens = name.split(/[^a-zA-Z0-9:]+/).filter((token) => token !== '');
  if (UNIT_WORDS[unit] !== '' && !tokens.includes(UNIT_WORDS[unit])) tokens.push(UNIT_WORDS[unit]);
  if (body.kind === 'counter') tokens = [...tokens.filter((token) => token !== 'total'), 'total'];
  const family = tokens.join('_');
  return /^[0-9]/.test(family) ? `_${family}` : family;
}

/** The exporter's text with each family renamed as the specification names it (what meterboard writes). */
function withUnitSuffixes(text: string, { scopeMetrics }: ResourceMetrics): string {
  const renamed = new Map<string, string>();
  for (const metric of scopeMetrics.flatMap((scope) => scope.metrics)) {
    const body = { kind: metric.dataPointType === DataPointType.HISTOGRAM ? 'histogram' : metric.dataPointType === DataPointType.GAUGE ? 'gauge' : (metric as { isMonotonic?: boolean }).isMonotonic ? 'counter' : 'updown' } as MetricBody;
    const [from, to] = [exporterName(metric.descriptor.name, body), ourName(metric.descriptor.name, metric.descriptor.unit, body)];
    for (const suffix of body.kind === 'histogram' ? ['', '_bucket', '_sum', '_count'] : ['']) renamed.set(from + suffix, to + suffix);
  }
  return text
    .split('\n')
    .map((line) => line.replace(/^(# (?:HELP|UNIT|TYPE) )?([a-zA-Z_:][a-zA-Z0-9_:]*)/, (_whole, comment: string | undefined, name: string) => `${comment ?? ''}${renamed.get(name) ?? name}`))
    .join('\n');
}

describe('serializePrometheusText', () => {
  test('writes exactly what the exporter writes, for any collection without shared names', () => {
    const exporter = new PrometheusSerializer();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    fc.assert(
      fc.property(collection, (resourceMetrics) => {
        expect(serializePrometheusText(resourceMetrics)).toBe(withUnitSuffixes(exporter.serialize(resourceMetrics), resourceMetrics));
      }),
      { numRuns: 300 },
    );
    quiet.mockRestore();
  });

  // 60 promtool processes: about 3 s here, twice that on a loaded CI machine, which the default 5 s
  // limit failed on (a fresh-clone run). The limit only guards against a hang.
  const PROMTOOL_RUNS_TIMEOUT_MS = 60_000;
  test('promtool parses what it writes for hostile names, label keys (leading digits too), values and help texts', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const anyKey = fc.oneof(attributeKey, fc.stringMatching(/^[0-9][a-zA-Z0-9_.-]{0,10}$/), fc.string({ minLength: 1, maxLength: 12 }));
    const hostile = fc.record({
      name: instrumentName,
      description: hostileText,
      scope: hostileText,
      points: fc.array(fc.tuple(fc.dictionary(anyKey, attributeValue, { maxKeys: 3 }), fc.double()), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(hostile, ({ name, description, scope, points }) => {
        const metric = { ...sum(name, true, points as Array<[Attributes, number]>), descriptor: { name, description, unit: '', valueType: 1 } };
        const text = serializePrometheusText({ resource: resourceFromAttributes({ 'service.name': scope }), scopeMetrics: [{ scope: { name: scope }, metrics: [metric] }] });
        // promtool exits non-zero for lint hints about a name's style too; what must never happen is a parse error.
        let output = '';
        try {
          output = execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', stdio: 'pipe' });
        } catch (error) {
          output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
        }
        expect(output, text).not.toMatch(/parsing error|error while linting/);
      }),
      { numRuns: 60 },
    );
    quiet.mockRestore();
  }, PROMTOOL_RUNS_TIMEOUT_MS);

  test('a name two meters use is one family: one HELP and TYPE, the samples of both, told apart by otel_scope_name', () => {
    const text = serializePrometheusText({
      resource: resourceFromAttributes({ 'service.name': 'shop' }),
      scopeMetrics: [
        { scope: { name: 'orders' }, metrics: [sum('jobs.done', true, [[{ queue: 'a' }, 1]])] },
        { scope: { name: 'billing' }, metrics: [sum('jobs.done', true, [[{ queue: 'b' }, 2]])] },
      ],
    });
    expect(text.match(/^# (HELP|TYPE) jobs_done_total/gm)).toEqual(['# HELP jobs_done_total', '# TYPE jobs_done_total']);
    expect(text).toContain('jobs_done_total{queue="a",otel_scope_name="orders"} 1\n');
    expect(text).toContain('jobs_done_total{queue="b",otel_scope_name="billing"} 2\n');
  });

  test('a meter whose instrument of a shared name has another type is left out, and said once', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const text = serializePrometheusText({
      resource: resourceFromAttributes({}),
      scopeMetrics: [
        { scope: { name: 'a' }, metrics: [sum('queue.depth', false, [[{}, 3]])] },
        { scope: { name: 'b' }, metrics: [toMetric('queue.depth', '', '', { kind: 'histogram', points: [[{}, [1, 0, 0, 0]]] })] },
      ],
    });
    expect(text).toContain('queue_depth{otel_scope_name="a"} 3');
    expect(text).not.toContain('otel_scope_name="b"');
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  test('attributes that become one label are one label, values joined in key order; reserved labels are not repeated', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const text = serializePrometheusText({
      resource: resourceFromAttributes({}),
      scopeMetrics: [{ scope: { name: 'a' }, metrics: [sum('hits', true, [[{ 'b.c': 'dot', b_c: 'underscore', 'otel.scope.name': 'forged', le: '1' }, 1]])] }],
    });
    expect(text).toContain(`hits_total{b_c="dot;underscore",otel_scope_name="a"} 1`);
    error.mockRestore();
  });

  test('label names that start with a digit get a leading underscore, so the exposition stays valid', () => {
    const text = serializePrometheusText({ resource: resourceFromAttributes({}), scopeMetrics: [{ scope: { name: 'a' }, metrics: [sum('hits', true, [[{ '9lives': 'cat' }, 1]])] }] });
    expect(text).toContain('hits_total{_9lives="cat",otel_scope_name="a"} 1');
  });

  test('no metrics: target_info and the same comment as the exporter', () => {
    const resourceMetrics = { resource: resourceFromAttributes({ 'service.name': 'shop' }), scopeMetrics: [] };
    expect(serializePrometheusText(resourceMetrics)).toBe(new PrometheusSerializer().serialize(resourceMetrics));
  });
});
