// Stats cost: answering /api/stats over the longest window (1 h, every ring full) for an app with 50
// routes busy every second, as the dashboard polls it: the first full answer, the next full ones,
// and the incremental polls it makes every second; with the longest the event loop was held by each
// (the app's own requests wait that long), the size of each answer, raw and gzipped, and what a
// dashboard left open costs a core.
import { gzipSync } from 'node:zlib';
import { test } from 'vitest';
import { buildStats } from '../src/query/build-stats.js';
import { SLICE_MS } from '../src/query/prepare-window.js';
import { sinceOf } from '../src/dashboard/merge-stats.js';
import { WINDOW_POINTS, WINDOWS, windowNamed } from '../src/query/windows.js';
import { median, report, round, SHORT } from './report.js';
import { answer, BusyHistory, type Answered } from './stats-setup.js';

const ROUTES = 50;
const HOUR = windowNamed('1h')!;
const SECONDS = SHORT ? 180 : (WINDOW_POINTS + 1) * HOUR.stepSeconds;
const ROUNDS = SHORT ? 3 : 31;

test('stats', async () => {
  const busy = new BusyHistory(ROUTES);
  await busy.advance(SECONDS);
  const { history } = busy;
  const context = (since: number | undefined) => busy.context(HOUR, since);
  const ring = history.ring(HOUR.name);

  const first = await answer(ring, undefined, () => buildStats(ring, context(undefined)));
  const full: Answered<unknown>[] = [];
  const polls = new Map(WINDOWS.map((window) => [window.name, [] as Answered<unknown>[]]));
  const held = new Map(WINDOWS.map((window) => [window.name, buildStats(history.ring(window.name), { ...context(undefined), window })]));
  for (let r = 0; r < ROUNDS; r++) {
    full.push(await answer(ring, undefined, () => buildStats(ring, context(undefined))));
    // One more second of traffic, then each window's poll: only what is newer than what it holds.
    await busy.advance(1);
    for (const window of WINDOWS) {
      const frames = history.ring(window.name);
      const since = sinceOf(held.get(window.name));
      const poll = await answer(frames, since, () => buildStats(frames, { ...context(since), window }));
      polls.get(window.name)!.push(poll);
      held.set(window.name, poll.value as ReturnType<typeof buildStats>);
    }
  }
  const ms = (answers: Answered<unknown>[]) => answers.map((answered) => answered.ms);
  const blocked = (answers: Answered<unknown>[]) => Math.max(...answers.map((answered) => answered.blockedMs));
  const everyAnswer = [first, ...full, ...[...polls.values()].flat()];
  // The dashboard polls every second: at the 1m window, each poll's milliseconds are its thousandths of a core.
  const openDashboardShare = median(ms(polls.get('1m')!)) / 1000;
  const fullBody = JSON.stringify(first.value);
  const pollBody = JSON.stringify(held.get(HOUR.name));
  const routes = first.value.routes.length;
  const sizes = (body: string) => ({ 'JSON (KB)': round(body.length / 1024), 'gzip (KB)': round(gzipSync(body).length / 1024) });
  report({
    scenario: 'stats',
    method: `${routes} routes (2 status codes each, busy every second), ${SECONDS} s sampled so every ring is full; medians (and the slowest) over ${ROUNDS} rounds, each after one more second of traffic; each answer as queryStats gives it (prepareWindow in slices of at most ${SLICE_MS} ms, then buildStats), beside a probe that measures the longest the event loop was held. A window adds the frames that completed and subtracts those that left, and computes each complete frame's chart point once.`,
    rows: [
      { answer: '1h, full, first (every chart point computed)', 'median (ms)': round(first.ms), 'slowest (ms)': round(first.ms), 'loop held (ms)': round(first.blockedMs), ...sizes(fullBody) },
      { answer: '1h, full, later (complete points cached)', 'median (ms)': round(median(ms(full))), 'slowest (ms)': round(Math.max(...ms(full))), 'loop held (ms)': round(blocked(full)), ...sizes(fullBody) },
      ...WINDOWS.map((window) => ({
        answer: `${window.name}, incremental poll (?since=)`,
        'median (ms)': round(median(ms(polls.get(window.name)!))),
        'slowest (ms)': round(Math.max(...ms(polls.get(window.name)!))),
        'loop held (ms)': round(blocked(polls.get(window.name)!)),
        ...sizes(JSON.stringify(held.get(window.name))),
      })),
    ],
    targets: [
      { metric: `/api/stats, ${routes} routes, 1 h window, median of full answers`, value: median(ms(full)), unit: 'ms', limit: 2 },
      { metric: `incremental poll, ${routes} routes, 1 h window, gzipped as next start sends it`, value: gzipSync(pollBody).length / 1024, unit: 'KB', limit: 5 },
      { metric: `the longest any answer held the event loop (the first full one included), ${routes} routes`, value: blocked(everyAnswer), unit: 'ms', limit: 20 },
      { metric: `a dashboard open at the 1m window, polling every second, ${routes} routes: share of a core`, value: openDashboardShare * 100, unit: '%', limit: 1 },
    ],
  });
});
