import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { RequestState } from './http-server-metrics.js';
import { setRequestAttributes, withRouteMetrics } from './with-route-metrics.js';

const TELEMETRY_KEY = Symbol.for('meterboard.telemetry');
const LOGGED_KEY = Symbol.for('meterboard.loggedOnce');
type Globals = typeof globalThis & { [TELEMETRY_KEY]?: unknown; [LOGGED_KEY]?: Set<string> };

function installTelemetry(requestContext: AsyncLocalStorage<RequestState> | undefined): void {
  (globalThis as Globals)[TELEMETRY_KEY] = { requestContext };
}

function stateOf(): RequestState {
  return { extraAttributes: undefined } as RequestState;
}

afterEach(() => {
  delete (globalThis as Globals)[TELEMETRY_KEY];
  (globalThis as Globals)[LOGGED_KEY]?.delete('request-attributes-off');
  vi.restoreAllMocks();
});

describe('setRequestAttributes', () => {
  test('adds valid attributes to the request being served, later calls win, invalid values are dropped', () => {
    const context = new AsyncLocalStorage<RequestState>();
    installTelemetry(context);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const state = stateOf();
    context.run(state, () => {
      setRequestAttributes({ tier: 'free', region: 'eu' });
      setRequestAttributes({ tier: 'paid', bad: { nested: true } as never });
    });
    expect(state.extraAttributes).toEqual({ tier: 'paid', region: 'eu' });
  });

  test('with METRICS_REQUEST_ATTRIBUTES off it records nothing and says once how to turn it on', () => {
    installTelemetry(undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    setRequestAttributes({ tier: 'free' });
    setRequestAttributes({ tier: 'paid' });
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toContain('METRICS_REQUEST_ATTRIBUTES=true');
  });

  test('outside a measured request, or without telemetry, it does nothing', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => setRequestAttributes({ tier: 'free' })).not.toThrow();
    installTelemetry(new AsyncLocalStorage<RequestState>());
    expect(() => setRequestAttributes({ tier: 'free' })).not.toThrow();
    expect(error).not.toHaveBeenCalled();
  });
});

describe('withRouteMetrics', () => {
  test("passes the handler's result through and adds its attributes; a throwing attributes() is logged, not thrown", async () => {
    const context = new AsyncLocalStorage<RequestState>();
    installTelemetry(context);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = new Response('ok');
    const state = stateOf();
    const handler = withRouteMetrics(async () => response, { attributes: () => ({ format: 'csv' }) });
    expect(await context.run(state, () => handler(new Request('http://x/'), {}))).toBe(response);
    expect(state.extraAttributes).toEqual({ format: 'csv' });
    const broken = withRouteMetrics(async () => response, {
      attributes: () => {
        throw new Error('bad');
      },
    });
    expect(await context.run(stateOf(), () => broken(new Request('http://x/'), {}))).toBe(response);
    expect(error).toHaveBeenCalled();
  });
});
