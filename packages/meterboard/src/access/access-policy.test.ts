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
    expect(accessRule({ authToken: undefined, publicDashboard: false, development: false, ...config }, surface)).toBe(expected);
  });
});

describe('exposureSummary', () => {
  test.each([
    [{ authToken: TOKEN, publicDashboard: false, development: false }, /require the token in METRICS_AUTH_TOKEN/],
    [{ authToken: undefined, publicDashboard: false, development: true }, /open to anyone \(next dev\)/],
    [{ authToken: undefined, publicDashboard: true, development: false }, /open to anyone \(METRICS_PUBLIC=true\)/],
    [{ authToken: undefined, publicDashboard: false, development: false }, /^\/metrics is open to anyone; the dashboard and its JSON endpoints answer 403/],
  ])('%j', (config, expected) => {
    expect(exposureSummary(config)).toMatch(expected);
    expect(exposureSummary(config)).not.toContain(TOKEN);
  });
});
