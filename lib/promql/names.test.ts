import { describe, expect, test } from 'vitest';
import { prometheusLabelName, prometheusMetricName } from './names';

describe('prometheusMetricName', () => {
  test.each<[string, boolean, string | undefined]>([
    ['http.server.request.duration', false, 'http_server_request_duration'],
    ['orders.created', true, 'orders_created_total'],
    ['jobs_total', true, 'jobs_total'],
    ['9lives', false, '_9lives'],
    ['a--b..c', false, 'a_b_c'],
    // As the exporter: backslashes and newlines are escaped before the name is sanitized.
    ['a\nb', false, 'a_nb'],
    ['...', false, undefined],
  ])('%j (counter: %s) → %j', (name, counter, expected) => {
    expect(prometheusMetricName(name, counter)).toBe(expected);
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
