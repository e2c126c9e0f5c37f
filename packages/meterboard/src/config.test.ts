import { describe, expect, test } from 'vitest';
import { ConfigError, parseAccessConfig, parseConfig } from './config.js';
import { DEFAULT_DASHBOARD_PATH } from './paths.js';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, got ${String(error)}`);
  }
  throw new Error('expected a throw');
}

describe('parseConfig', () => {
  test('defaults: enabled, excluding the dashboard and /metrics, never the host app\'s own pages', () => {
    const config = parseConfig({});
    expect(config.disabled).toBe(false);
    expect(config.dashboardPath).toBe(DEFAULT_DASHBOARD_PATH);
    expect(config.excludedPaths).toEqual(['/meterboard', '/metrics']);
  });

  test('the default exclusions follow METRICS_DASHBOARD_PATH', () => {
    const config = parseConfig({ METRICS_DASHBOARD_PATH: '/ops/board' });
    expect(config.dashboardPath).toBe('/ops/board');
    expect(config.excludedPaths).toEqual(['/ops/board', '/metrics']);
  });

  test.each(['ops', '/ops/', '/ops?x=1', '/a b'])('METRICS_DASHBOARD_PATH=%j throws a ConfigError naming the variable', (value) => {
    const error = errorOf(() => parseConfig({ METRICS_DASHBOARD_PATH: value }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('METRICS_DASHBOARD_PATH');
  });

  test.each([
    [undefined, false],
    ['true', true],
    ['TRUE', true],
    ['false', false],
  ])('METRICS_REQUEST_ATTRIBUTES=%s: per-request attributes %s', (value, expected) => {
    expect(parseConfig({ METRICS_REQUEST_ATTRIBUTES: value }).requestAttributes).toBe(expected);
  });

  test('METRICS_REQUEST_ATTRIBUTES=1 is read as false with a warning naming the variable', () => {
    const config = parseConfig({ METRICS_REQUEST_ATTRIBUTES: '1' });
    expect(config.requestAttributes).toBe(false);
    expect(config.warnings).toEqual([expect.stringContaining('METRICS_REQUEST_ATTRIBUTES')]);
  });

  test.each([
    [undefined, undefined],
    ['', undefined],
    ['4', 4],
    [' 10000 ', 10000],
  ])('METRICS_CARDINALITY_LIMIT=%j: %s series per instrument', (value, expected) => {
    expect(parseConfig({ METRICS_CARDINALITY_LIMIT: value }).cardinalityLimit).toBe(expected);
  });

  test.each(['1', '0', '-5', '2.5', 'lots', '99999999'])('METRICS_CARDINALITY_LIMIT=%j throws a ConfigError naming the variable', (value) => {
    expect(() => parseConfig({ METRICS_CARDINALITY_LIMIT: value })).toThrow(ConfigError);
    expect(() => parseConfig({ METRICS_CARDINALITY_LIMIT: value })).toThrow(/METRICS_CARDINALITY_LIMIT must be a whole number/);
  });

  describe('OTEL_SDK_DISABLED', () => {
    test.each([
      ['true', true],
      ['TRUE', true],
      ['True', true],
      [' true ', true],
      ['false', false],
      ['FALSE', false],
      ['', false],
      ['  ', false],
      [undefined, false],
    ])('%j gives disabled=%s', (value, disabled) => {
      expect(parseConfig({ OTEL_SDK_DISABLED: value }).disabled).toBe(disabled);
    });

    // https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/#boolean-value
    test.each(['yes', '1', 'no', 'on', 'truee'])('%j is read as false with a warning naming the variable', (value) => {
      const config = parseConfig({ OTEL_SDK_DISABLED: value });
      expect(config.disabled).toBe(false);
      expect(config.warnings).toHaveLength(1);
      expect(config.warnings[0]).toContain('OTEL_SDK_DISABLED');
      expect(config.warnings[0]).toContain(JSON.stringify(value));
    });

    test.each(['true', 'false', '', undefined])('%j gives no warning', (value) => {
      expect(parseConfig({ OTEL_SDK_DISABLED: value }).warnings).toEqual([]);
    });
  });

  describe('METRICS_EXCLUDE_PATHS', () => {
    test.each([
      ['/a, /b', ['/a', '/b']],
      ['/a,/b', ['/a', '/b']],
      ['/only', ['/only']],
      [' /a ,, /b/c ,', ['/a', '/b/c']],
      ['', []],
      [' , ', []],
      ['/api/, /', ['/api', '/']],
    ])('%j excludes %j', (value, paths) => {
      expect([...parseConfig({ METRICS_EXCLUDE_PATHS: value }).excludedPaths]).toEqual(paths);
    });

    test('replaces the defaults rather than adding to them', () => {
      const { excludedPaths } = parseConfig({ METRICS_EXCLUDE_PATHS: '/a' });
      expect(excludedPaths).toEqual(['/a']);
    });

    test.each(['nope', '/a, nope', '/a?x=1', 'http://x/a'])('%j throws a ConfigError naming the variable', (value) => {
      const error = errorOf(() => parseConfig({ METRICS_EXCLUDE_PATHS: value }));
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('METRICS_EXCLUDE_PATHS');
    });

    test('the message names the bad path', () => {
      const error = errorOf(() => parseConfig({ METRICS_EXCLUDE_PATHS: '/ok, /a?x=1' }));
      expect((error as Error).message).toContain('"/a?x=1"');
    });
  });
  describe('METRICS_AUTH_TOKEN and METRICS_PUBLIC', () => {
    test('unset: no token, not public, sessions of 8 hours', () => {
      expect(parseAccessConfig({}, [], false)).toEqual({ authToken: undefined, publicDashboard: false, development: false, nodeEnv: undefined, sessionMaxAgeS: 28_800, warnings: [] });
    });

    test('a token of 16 visible characters or more is kept as given', () => {
      expect(parseAccessConfig({ METRICS_AUTH_TOKEN: 'a'.repeat(16) }).authToken).toBe('a'.repeat(16));
    });

    test.each(['short', 'fifteen-chars!!', 'with a space in it', 'tab\tseparated-token', 'ünïcode-token-value'])(
      'METRICS_AUTH_TOKEN=%j throws a ConfigError naming the variable, never the value',
      (value) => {
        expect(() => parseAccessConfig({ METRICS_AUTH_TOKEN: value })).toThrow(ConfigError);
        expect(() => parseAccessConfig({ METRICS_AUTH_TOKEN: value })).toThrow(/^METRICS_AUTH_TOKEN must be/);
        expect(errorOf(() => parseAccessConfig({ METRICS_AUTH_TOKEN: value }))).not.toHaveProperty('message', expect.stringContaining(value));
      },
    );

    test('a bad METRICS_AUTH_TOKEN closes the dashboard but leaves recording on', () => {
      expect(() => parseConfig({ METRICS_AUTH_TOKEN: 'short' })).not.toThrow();
      expect(parseConfig({ METRICS_AUTH_TOKEN: 'short' }).disabled).toBe(false);
    });

    test.each([
      ['3600', 3600],
      [' 60 ', 60],
      ['2592000', 2_592_000],
    ])('METRICS_SESSION_MAX_AGE=%j is %d seconds', (value, expected) => {
      expect(parseAccessConfig({ METRICS_SESSION_MAX_AGE: value }).sessionMaxAgeS).toBe(expected);
    });

    test.each(['59', '2592001', '1h', '-5', '3.5'])('METRICS_SESSION_MAX_AGE=%j is the default, with a warning naming the range', (value) => {
      const warnings: string[] = [];
      expect(parseAccessConfig({ METRICS_SESSION_MAX_AGE: value }, warnings, false).sessionMaxAgeS).toBe(28_800);
      expect(warnings).toEqual([expect.stringMatching(/^METRICS_SESSION_MAX_AGE must be a whole number of seconds from 60 to 2592000/)]);
    });

    test('METRICS_PUBLIC=true makes the dashboard public', () => {
      expect(parseAccessConfig({ METRICS_PUBLIC: 'true' }).publicDashboard).toBe(true);
    });

    test('METRICS_PUBLIC next to a token warns that it has no effect', () => {
      const warnings: string[] = [];
      parseAccessConfig({ METRICS_PUBLIC: 'true', METRICS_AUTH_TOKEN: 'a'.repeat(20) }, warnings);
      expect(warnings).toEqual([expect.stringMatching(/METRICS_PUBLIC=true has no effect while METRICS_AUTH_TOKEN is set/)]);
    });

    test('parseAccessConfig reads the access variables alone: another bad variable does not change who may read', () => {
      expect(parseAccessConfig({ METRICS_PUBLIC: 'true', METRICS_EXCLUDE_PATHS: 'metrics' }, [], false)).toMatchObject({ authToken: undefined, publicDashboard: true });
      expect(() => parseConfig({ METRICS_PUBLIC: 'true', METRICS_EXCLUDE_PATHS: 'metrics' })).toThrow(ConfigError);
    });

    test('NODE_ENV alone is not next dev: a production build with NODE_ENV=development stays private', () => {
      // What the server is comes from next-dev.ts (its own tests), never from the NODE_ENV parsed here.
      expect(parseAccessConfig({ NODE_ENV: 'development' }, [], false)).toMatchObject({ development: false, nodeEnv: 'development' });
      expect(parseAccessConfig({ NODE_ENV: 'production' }, [], true)).toMatchObject({ development: true });
    });
  });
  describe('OTEL_METRICS_EXPORTER and the push variables', () => {
    test('default: /metrics only, no push', () => {
      expect(parseConfig({}).exporters).toEqual({ prometheus: true, otlp: undefined, console: false, exportIntervalMs: 60_000, exportTimeoutMs: 30_000 });
    });

    test.each([
      ['prometheus', { prometheus: true, otlp: false, console: false }],
      ['otlp', { prometheus: false, otlp: true, console: false }],
      [' Prometheus , OTLP ', { prometheus: true, otlp: true, console: false }],
      ['console', { prometheus: false, otlp: false, console: true }],
      ['none', { prometheus: false, otlp: false, console: false }],
      ['none,otlp,prometheus', { prometheus: false, otlp: false, console: false }],
    ])('OTEL_METRICS_EXPORTER=%j', (value, expected) => {
      const { exporters } = parseConfig({ OTEL_METRICS_EXPORTER: value });
      expect({ prometheus: exporters.prometheus, otlp: exporters.otlp !== undefined, console: exporters.console }).toEqual(expected);
    });

    test('an unknown exporter is ignored with a warning naming it', () => {
      const config = parseConfig({ OTEL_METRICS_EXPORTER: 'prometheus,zipkin' });
      expect(config.exporters.prometheus).toBe(true);
      expect(config.warnings).toEqual([expect.stringMatching(/OTEL_METRICS_EXPORTER names "zipkin"/)]);
    });

    test('OTLP defaults: http/protobuf to localhost:4318, its request timeout 10 s', () => {
      expect(parseConfig({ OTEL_METRICS_EXPORTER: 'otlp' }).exporters.otlp).toEqual({
        protocol: 'http/protobuf',
        endpointForLog: 'http://localhost:4318/v1/metrics',
        requestTimeoutMs: 10_000,
      });
    });

    test.each([
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'http://collector:4318/v1/metrics'],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, 'http://collector:4318/v1/metrics'],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'https://x.example/ingest' }, 'https://x.example/ingest'],
      // Credentials and query strings stay out of the log.
      [{ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'https://user:secret@x.example/ingest?api-key=secret' }, 'https://x.example/ingest'],
    ])('endpoint %j is logged as %s', (env, expected) => {
      expect(parseConfig({ OTEL_METRICS_EXPORTER: 'otlp', ...env }).exporters.otlp?.endpointForLog).toBe(expected);
    });

    test('an endpoint that is not an http(s) URL turns OTLP off with a warning that does not repeat it', () => {
      const config = parseConfig({ OTEL_METRICS_EXPORTER: 'otlp,prometheus', OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'collector:4318 secret' });
      expect(config.exporters).toMatchObject({ prometheus: true, otlp: undefined });
      expect(config.warnings).toEqual(['OTLP export is off: OTEL_EXPORTER_OTLP_METRICS_ENDPOINT is not an http:// or https:// URL.']);
    });

    test("the signal's protocol wins over the shared one; http/json is supported", () => {
      const env = { OTEL_METRICS_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json' };
      expect(parseConfig(env).exporters.otlp?.protocol).toBe('http/json');
    });

    test('grpc turns OTLP off with a warning naming the variable, and leaves /metrics on', () => {
      const config = parseConfig({ OTEL_METRICS_EXPORTER: 'otlp,prometheus', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' });
      expect(config.exporters).toMatchObject({ prometheus: true, otlp: undefined });
      expect(config.warnings).toEqual([expect.stringMatching(/^OTLP export is off: OTEL_EXPORTER_OTLP_PROTOCOL="grpc" is not supported/)]);
    });

    test('a short interval clamps the timeouts to it: the export timeout and the request timeout', () => {
      const { exporters, warnings } = parseConfig({ OTEL_METRICS_EXPORTER: 'otlp', OTEL_METRIC_EXPORT_INTERVAL: '2000' });
      expect(exporters).toMatchObject({ exportIntervalMs: 2000, exportTimeoutMs: 2000, otlp: { requestTimeoutMs: 2000 } });
      expect(warnings).toEqual([]);
    });

    test('the interval applies to the console exporter too', () => {
      expect(parseConfig({ OTEL_METRICS_EXPORTER: 'console', OTEL_METRIC_EXPORT_INTERVAL: '5000' }).exporters.exportIntervalMs).toBe(5000);
    });

    test.each([
      [{ OTEL_METRIC_EXPORT_INTERVAL: 'soon' }, { exportIntervalMs: 60_000 }, /OTEL_METRIC_EXPORT_INTERVAL="soon" is not a whole number of milliseconds/],
      [{ OTEL_METRIC_EXPORT_INTERVAL: '0' }, { exportIntervalMs: 60_000 }, /OTEL_METRIC_EXPORT_INTERVAL="0"/],
      [{ OTEL_METRIC_EXPORT_INTERVAL: '1000', OTEL_METRIC_EXPORT_TIMEOUT: '2000' }, { exportIntervalMs: 1000, exportTimeoutMs: 1000 }, /OTEL_METRIC_EXPORT_TIMEOUT \(2000 ms\) exceeds OTEL_METRIC_EXPORT_INTERVAL \(1000 ms\)/],
      [{ OTEL_EXPORTER_OTLP_TIMEOUT: '-1' }, { otlp: { requestTimeoutMs: 10_000 } }, /OTEL_EXPORTER_OTLP_TIMEOUT="-1"/],
    ])('%j: the default or the clamp, with a warning naming the variable; metrics stay on', (env, expected, warning) => {
      const config = parseConfig({ OTEL_METRICS_EXPORTER: 'otlp', ...env });
      expect(config.exporters).toMatchObject(expected);
      expect(config.warnings).toEqual([expect.stringMatching(warning)]);
    });

  });
  describe('METRICS_SOURCE and the Prometheus variables', () => {
    test('default: the process itself', () => {
      expect(parseConfig({}).source).toEqual({ kind: 'process' });
    });

    test('prometheus with its URL; the selector and scrape interval default to deploy/prometheus.yml', () => {
      expect(parseConfig({ METRICS_SOURCE: 'prometheus', PROMETHEUS_URL: 'http://prometheus:9090' }).source).toEqual({
        kind: 'prometheus',
        url: 'http://prometheus:9090',
        selector: 'job="meterboard"',
        scrapeIntervalSeconds: 15,
      });
    });

    test.each([
      [{ METRICS_SOURCE: 'grafana' }, /METRICS_SOURCE must be "process" or "prometheus"/],
      [{ METRICS_SOURCE: 'prometheus' }, /METRICS_SOURCE=prometheus needs PROMETHEUS_URL/],
      [{ METRICS_SOURCE: 'prometheus', PROMETHEUS_URL: 'prometheus:9090' }, /needs PROMETHEUS_URL, the http\(s\) base URL/],
      [{ METRICS_SOURCE: 'prometheus', PROMETHEUS_URL: 'http://admin:secret@p:9090' }, /PROMETHEUS_URL must not hold credentials/],
      [{ METRICS_SOURCE: 'prometheus', PROMETHEUS_URL: 'http://p:9090', PROMETHEUS_SELECTOR: 'job="m"} or vector(1) or {a="b"' }, /PROMETHEUS_SELECTOR must be label matchers/],
      [{ METRICS_SOURCE: 'prometheus', PROMETHEUS_URL: 'http://p:9090', PROMETHEUS_SCRAPE_INTERVAL: '15s' }, /PROMETHEUS_SCRAPE_INTERVAL must be a whole number of seconds/],
    ])('%j: /api/stats unusable, with a warning naming the variable; metrics stay on', (env, message) => {
      const config = parseConfig(env);
      expect(config.source).toEqual({ kind: 'unusable', reason: expect.stringMatching(message) });
      expect(config.warnings).toEqual([expect.stringMatching(message)]);
      expect(JSON.stringify(config)).not.toContain('secret');
    });

    test('a selector of several matchers is kept', () => {
      const env = { METRICS_SOURCE: 'prometheus', PROMETHEUS_URL: 'http://p:9090', PROMETHEUS_SELECTOR: 'job="web", env!~"dev|test"' };
      expect(parseConfig(env).source).toMatchObject({ selector: 'job="web", env!~"dev|test"' });
    });
  });
});
