import { describe, expect, test } from 'vitest';
import { prometheusLabelName, prometheusMetricName } from './names.js';

describe('prometheusMetricName, as the OpenTelemetry–Prometheus compatibility specification names', () => {
  const histogram = { monotonicSum: false, gauge: false };
  const counter = { monotonicSum: true, gauge: false };
  const gauge = { monotonicSum: false, gauge: true };
  test.each<[string, string, { monotonicSum: boolean; gauge: boolean }, string | undefined]>([
    ['http.server.request.duration', 's', histogram, 'http_server_request_duration_seconds'],
    ['http.server.active_requests', '{request}', histogram, 'http_server_active_requests'],
    ['orders.created', '{order}', counter, 'orders_created_total'],
    ['process.cpu.time', 's', counter, 'process_cpu_time_seconds_total'],
    ['v8js.memory.heap.used', 'By', histogram, 'v8js_memory_heap_used_bytes'],
    ['nodejs.eventloop.utilization', '1', gauge, 'nodejs_eventloop_utilization_ratio'],
    ['jobs.done', '1', counter, 'jobs_done_total'],
    ['network.io', 'By/s', gauge, 'network_io_bytes_per_second'],
    ['orders.value', 'USD', histogram, 'orders_value_USD'],
    ['request.duration.seconds', 's', histogram, 'request_duration_seconds'],
    ['jobs_total', '', counter, 'jobs_total'],
    ['jobs_total', 's', counter, 'jobs_seconds_total'],
    // As Prometheus's OTLP translator: a token that is already the unit, or `total` anywhere.
    ['bytes.sent', 'By', counter, 'bytes_sent_total'],
    ['total.requests', '{request}', counter, 'requests_total'],
    ['usage', '1', gauge, 'usage_ratio'],
    ['ratio.used', '1', gauge, 'used_ratio'],
    ['queue:depth', '{job}', gauge, 'queue:depth'],
    ['9lives', '', histogram, '_9lives'],
    ['_a--b..c_', '', histogram, 'a_b_c'],
    ['a\nb', '', histogram, 'a_b'],
    ['...', 's', histogram, undefined],
  ])('%j in %j (%o) → %j', (name, unit, kind, expected) => {
    expect(prometheusMetricName(name, { unit, ...kind })).toBe(expected);
  });
});

describe('prometheusLabelName', () => {
  test.each([
    ['http.route', 'http_route'],
    ['1st', '_1st'],
    // Label keys are not escaped first (a regression: an escaped newline once became "_n").
    ['a\nb', 'a_b'],
  ])('%j → %j', (key, expected) => {
    expect(prometheusLabelName(key)).toBe(expected);
  });
});
