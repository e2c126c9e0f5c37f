import { afterEach, describe, expect, test, vi } from 'vitest';
import { DEMO_REQUEST_COUNT, demoRequest, sendDemoTraffic } from './demo-traffic.js';

type Kind = 'list orders' | 'get order' | 'ship order' | 'order page' | 'orders page' | 'report' | 'not found';

/** What kind of demo request a method and path are, or undefined for anything unexpected. */
function kindOf({ method, path }: { method: string; path: string }): Kind | undefined {
  const kinds: [string, RegExp, Kind][] = [
    ['GET', /^\/api\/orders$/, 'list orders'],
    ['GET', /^\/api\/orders\/report$/, 'report'],
    ['GET', /^\/api\/orders\/\d+$/, 'get order'],
    ['POST', /^\/api\/orders\/\d+\/ship$/, 'ship order'],
    ['GET', /^\/orders\/\d+$/, 'order page'],
    ['GET', /^\/orders$/, 'orders page'],
    ['GET', /^\/no-such-page-\d+$/, 'not found'],
  ];
  return kinds.find(([m, pattern]) => m === method && pattern.test(path))?.[2];
}

const ALL_REQUESTS = Array.from({ length: DEMO_REQUEST_COUNT }, (_, n) => demoRequest(n));

describe('demoRequest', () => {
  test('the button sends 60 requests', () => {
    expect(DEMO_REQUEST_COUNT).toBe(60);
  });

  test.each(ALL_REQUESTS.map((request, n) => [n, request.method, request.path] as const))(
    'request %i (%s %s) is one of the demo kinds',
    (_n, method, path) => {
      expect(kindOf({ method, path })).toBeDefined();
    },
  );

  test.each<Kind>(['list orders', 'get order', 'ship order', 'order page', 'orders page', 'report', 'not found'])(
    'the mix includes %s',
    (kind) => {
      expect(ALL_REQUESTS.filter((request) => kindOf(request) === kind).length).toBeGreaterThan(0);
    },
  );

  test('order ids are seeded orders (1001–1003)', () => {
    const ids = ALL_REQUESTS.flatMap(({ path }) => [...path.matchAll(/\/orders\/(\d+)/g)].map((m) => Number(m[1])));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect([1001, 1002, 1003]).toContain(id);
  });

  test('unknown paths differ, so each 404 is a distinct URL', () => {
    const notFound = ALL_REQUESTS.filter((request) => kindOf(request) === 'not found').map(({ path }) => path);
    expect(new Set(notFound).size).toBe(notFound.length);
  });

  test('is deterministic', () => {
    expect(Array.from({ length: DEMO_REQUEST_COUNT }, (_, n) => demoRequest(n))).toEqual(ALL_REQUESTS);
  });
});

describe('sendDemoTraffic', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** A fetch that answers each request on a later turn of the event loop, tracking concurrency. */
  function stubFetch(fail: (n: number) => boolean = () => false) {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch = vi.fn((url: string, init?: RequestInit) => {
      const n = calls.length;
      calls.push({ url, init });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<Response>((resolve, reject) => {
        setImmediate(() => {
          inFlight -= 1;
          if (fail(n)) reject(new TypeError('network error'));
          else resolve(new Response(null, { status: 200 }));
        });
      });
    });
    vi.stubGlobal('fetch', fetch);
    return {
      calls,
      get inFlight() {
        return inFlight;
      },
      get maxInFlight() {
        return maxInFlight;
      },
    };
  }

  test('sends every demo request once, at most 4 at a time, and reports progress up to the count', async () => {
    const stub = stubFetch();
    const progress: number[] = [];
    await sendDemoTraffic((done) => progress.push(done));

    expect(stub.calls).toHaveLength(DEMO_REQUEST_COUNT);
    expect(stub.calls.map(({ url, init }) => ({ method: init?.method, path: url }))).toEqual(ALL_REQUESTS);
    for (const { init } of stub.calls) expect(init?.cache).toBe('no-store');
    expect(stub.maxInFlight).toBeLessThanOrEqual(4);
    // And it does use its parallelism.
    expect(stub.maxInFlight).toBe(4);
    expect(stub.inFlight).toBe(0);
    expect(progress).toEqual(Array.from({ length: DEMO_REQUEST_COUNT }, (_, i) => i + 1));
  });

  test('failed requests still count as done, and the rest are still sent', async () => {
    const stub = stubFetch((n) => n % 5 === 0);
    const progress: number[] = [];
    await expect(sendDemoTraffic((done) => progress.push(done))).resolves.toBeUndefined();

    expect(stub.calls).toHaveLength(DEMO_REQUEST_COUNT);
    expect(stub.maxInFlight).toBeLessThanOrEqual(4);
    expect(progress.at(-1)).toBe(DEMO_REQUEST_COUNT);
    expect(progress).toHaveLength(DEMO_REQUEST_COUNT);
  });

  test('restores the real fetch afterwards', () => {
    // Runs after the stubbing tests: afterEach must have put the original back.
    expect(vi.isMockFunction(globalThis.fetch)).toBe(false);
  });
});
