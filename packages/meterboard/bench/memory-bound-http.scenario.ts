// Memory bound over HTTP, at a steady, modest rate, so that new attribute sets arrive a few per
// collection (the SDK's own cardinality limit only counts one collection's): `next start` of the
// host fixture with cacheComponents, sent unknown paths (a bot scanning), pages with an id in the
// path, and POST /api/tasks/<id> whose route counts tasks.completed and records tasks.size by
// task.id, 10,000 values of it. Two servers side by side, metrics on and OTEL_SDK_DISABLED=true,
// get the same requests: what Next itself keeps (its caches, compiled code) grows both heaps alike.
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import { test } from 'vitest';
import { DEFAULT_CARDINALITY_LIMIT } from '../src/record/duration-histograms.js';
import { ensureProductionBuild, NextServer, pinSelf, type NextApp } from './next-server.js';
import { report, round, SHORT } from './report.js';
import { readMemory, steadyMinutes, type MemoryReading } from './server-heap.js';

// The fixture as scripts/prepare-fixtures.mjs builds it: meterboard installed from its tarball.
const { fixtureDir } = createRequire(import.meta.url)('../../../e2e/fixtures/apps.cjs') as typeof import('../../../e2e/fixtures/apps.cjs');
const FIXTURE: NextApp = { dir: fixtureDir('cache-components'), readyPath: '/' };
const REQUESTS = SHORT ? 900 : 150_000;
const REQUESTS_PER_SECOND = 300;
const WARM_UP_REQUESTS = SHORT ? 300 : 15_000;
const USER_VALUES = SHORT ? 200 : 10_000;
const READ_EVERY_S = SHORT ? 1 : 5;
const MB = 2 ** 20;

/** Request `i` of the trickle: a third each unknown paths, item pages and tasks (`task` ids, or always one while warming up). */
function requestOf(i: number, warmUp = false): { method: 'GET' | 'POST'; path: string } {
  if (i % 3 === 0) return { method: 'GET', path: `/wp-content/probe-${i}.php` };
  if (i % 3 === 1) return { method: 'GET', path: `/items/${i}` };
  return { method: 'POST', path: warmUp ? '/api/tasks/warm-up' : `/api/tasks/t${i % USER_VALUES}` };
}

/** Sends `amount` requests of the mix at the steady rate. */
function trickle(server: NextServer, amount: number, warmUp: boolean) {
  let next = 0;
  return autocannon({
    url: server.url,
    connections: 4,
    overallRate: REQUESTS_PER_SECOND,
    amount,
    requests: [{ setupRequest: (request) => ({ ...request, ...requestOf(warmUp ? next++ : WARM_UP_REQUESTS + next++, warmUp) }) }],
  });
}

async function seriesCounts(server: NextServer): Promise<Record<string, number>> {
  const lines = (await (await fetch(`${server.url}/metrics`)).text()).split('\n');
  const count = (name: string) => lines.filter((line) => line.startsWith(`${name}{`)).length;
  return { http: count('http_server_request_duration_seconds_count'), tasks: count('tasks_completed_total'), sizes: count('tasks_size_bytes_count') };
}

test('memory-bound-http', async () => {
  ensureProductionBuild(FIXTURE.dir);
  pinSelf(1);
  const on = new NextServer(4405, { OTEL_SERVICE_NAME: 'bench-memory-bound-http' }, 0, FIXTURE);
  // With OTEL_SDK_DISABLED there are no runtime metrics to read a heap from: the two compare by RSS.
  const off = new NextServer(4406, { OTEL_SERVICE_NAME: 'bench-memory-bound-http-off', OTEL_SDK_DISABLED: 'true' }, 0, FIXTURE);
  await Promise.all([on.start(), off.start()]);
  try {
    await Promise.all([trickle(on, WARM_UP_REQUESTS, true), trickle(off, WARM_UP_REQUESTS, true)]);
    let sent = false;
    const sending = Promise.all([trickle(on, REQUESTS, false), trickle(off, REQUESTS, false)]).finally(() => (sent = true));
    // The metrics-on server's memory until the trickle is done, however long the machine takes for it.
    const onReadings: MemoryReading[] = [];
    while (!sent) onReadings.push(...(await readMemory([on], READ_EVERY_S, READ_EVERY_S))[0].map((reading) => ({ ...reading, second: onReadings.length * READ_EVERY_S })));
    const offRss = off.rssBytes();
    const [result] = await sending;
    const { heap, rss } = steadyMinutes(onReadings, 0, READ_EVERY_S);
    const series = await seriesCounts(on);
    const rawPaths = new Set(Array.from({ length: REQUESTS }, (_, i) => requestOf(WARM_UP_REQUESTS + i).path)).size;
    const growth = [heap[1] - heap[0], rss[1] - rss[0]].map((bytes) => bytes / MB);
    report({
      scenario: 'memory-bound-http',
      method: `${WARM_UP_REQUESTS.toLocaleString('en-US')} warm-up requests, then ${REQUESTS.toLocaleString('en-US')} at ${REQUESTS_PER_SECOND}/s (${Math.round(REQUESTS / REQUESTS_PER_SECOND)} s planned, ${onReadings.length * READ_EVERY_S} s taken) to ${FIXTURE.dir}: ${rawPaths.toLocaleString('en-US')} distinct raw paths, ${USER_VALUES.toLocaleString('en-US')} task.id values; the same to a server with OTEL_SDK_DISABLED=true beside it. Heap from the server's runtime metrics every ${READ_EVERY_S} s, RSS from /proc; growth is the lowest reading of the last minute of the trickle less that of its first minute.`,
      rows: [
        { measure: 'responses (metrics on)', value: `${result['2xx'] + result.non2xx} (${result.errors} errors)` },
        { measure: 'http.server.request.duration series', value: series.http },
        { measure: 'tasks.completed / tasks.size series', value: `${series.tasks} / ${series.sizes}` },
        { measure: 'heap, first / last minute, metrics on (MB)', value: `${round(heap[0] / MB)} / ${round(heap[1] / MB)}` },
        { measure: 'RSS, first / last minute, metrics on (MB)', value: `${round(rss[0] / MB)} / ${round(rss[1] / MB)}` },
        { measure: 'RSS at the end, metrics off (MB)', value: round(offRss / MB) },
      ],
      targets: [
        { metric: `tasks.completed series after ${USER_VALUES.toLocaleString('en-US')} task ids`, value: series.tasks, unit: 'series', limit: Math.min(DEFAULT_CARDINALITY_LIMIT, USER_VALUES + 1) },
        { metric: 'heap growth over the trickle, metrics on', value: growth[0], unit: 'MB', limit: 50 },
      ],
    });
  } finally {
    await Promise.all([on.stop(), off.stop()]);
  }
});
