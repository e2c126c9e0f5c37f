import { describe, expect, test } from 'vitest';
import { accessRule, exposureSummary, type AccessRule, type Surface } from './access-policy.js';

const TOKEN = '0123456789abcdef';

describe('accessRule', () => {
  test.each<[string, { authToken?: string; publicDashboard?: boolean; development?: boolean }, Surface, AccessRule]>([
    ['next start, nothing set: /metrics', {}, 'metrics', 'open'],
    ['next start, nothing set: dashboard', {}, 'dashboard', 'unconfigured'],
    ['next start, METRICS_PUBLIC: dashboard', { publicDashboard: true }, 'dashboard', 'open'],
    ['next dev, nothing set: dashboard', { development: true }, 'dashboard', 'open'],
    ['token: /metrics', { authToken: TOKEN }, 'metrics', 'token'],
    ['token: dashboard', { authToken: TOKEN }, 'dashboard', 'token'],
    ['token under next dev: dashboard', { authToken: TOKEN, development: true }, 'dashboard', 'token'],
    ['token and METRICS_PUBLIC: the token wins', { authToken: TOKEN, publicDashboard: true }, 'dashboard', 'token'],
  ])('%s → %s', (_name, config, surface, expected) => {
    expect(accessRule({ authToken: undefined, publicDashboard: false, development: false, nodeEnv: undefined, ...config }, surface)).toBe(expected);
  });
});

describe('exposureSummary', () => {
  const nodeEnv = undefined;
  test.each([
    [{ authToken: TOKEN, publicDashboard: false, development: false, nodeEnv }, /require the token in METRICS_AUTH_TOKEN/],
    [{ authToken: undefined, publicDashboard: false, development: true, nodeEnv: 'development' }, /open to anyone \(this server is next dev\)/],
    [{ authToken: undefined, publicDashboard: true, development: false, nodeEnv }, /open to anyone \(METRICS_PUBLIC=true\)/],
    [{ authToken: undefined, publicDashboard: false, development: false, nodeEnv }, /^\/metrics is open to anyone; the dashboard and its JSON endpoints answer 403 until/],
    // NODE_ENV=development next start: private, and the line says why NODE_ENV did not open it.
    [
      { authToken: undefined, publicDashboard: false, development: false, nodeEnv: 'development' },
      /answer 403 \(NODE_ENV=development, but this server runs a production build, not next dev\) until/,
    ],
  ])('%j', (config, expected) => {
    expect(exposureSummary(config)).toMatch(expected);
    expect(exposureSummary(config)).not.toContain(TOKEN);
  });
});
