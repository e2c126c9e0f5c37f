import { afterEach, expect, test } from 'vitest';
import { ConfigError, parseConfig } from './config.js';
import { effectiveEnvironment, setOptions } from './options.js';

const SAVED = { ...process.env };

afterEach(() => {
  process.env = { ...SAVED };
  setOptions({});
});

test('each option is parsed as the environment variable it names', () => {
  setOptions({ dashboardPath: '/ops/board', excludePaths: ['/health', '/ops/board'], cardinalityLimit: 50, requestAttributes: true });
  const config = parseConfig(effectiveEnvironment());
  expect(config.dashboardPath).toBe('/ops/board');
  expect(config.excludedPaths).toEqual(['/health', '/ops/board']);
  expect(config.cardinalityLimit).toBe(50);
  expect(config.requestAttributes).toBe(true);
});

test('an option wins over its environment variable; the variables no option names are read as before', () => {
  process.env.METRICS_CARDINALITY_LIMIT = '10';
  process.env.OTEL_METRICS_EXPORTER = 'none';
  setOptions({ cardinalityLimit: 20 });
  const config = parseConfig(effectiveEnvironment());
  expect(config.cardinalityLimit).toBe(20);
  expect(config.exporters.prometheus).toBe(false);
});

test('a bad option is refused with the message of its variable', () => {
  setOptions({ dashboardPath: 'ops/' });
  expect(() => parseConfig(effectiveEnvironment())).toThrow(ConfigError);
  expect(() => parseConfig(effectiveEnvironment())).toThrow(/METRICS_DASHBOARD_PATH must be a path/);
});

test('without options the environment is process.env itself', () => {
  expect(effectiveEnvironment()).toEqual(process.env);
});
