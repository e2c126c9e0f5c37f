import { describe, expect, test } from 'vitest';
import { FrameRing } from '../collect/frame-ring.js';
import { series, tick } from '../testing/http-series-fixtures.js';
import { ONE_MINUTE, START, statsContext } from '../testing/stats-context.js';
import { buildStats } from './build-stats.js';
import { prepareWindow } from './prepare-window.js';

const context = statsContext({ now: START, window: ONE_MINUTE });

/** Second `second`'s tick: a few routes, durations that move with the second. */
function tickAt(second: number) {
  return tick(START + second * 1000, [
    series('GET', '/a', 200, [0.001 * (1 + (second % 40)), 0.02]),
    series('GET', `/b${second % 3}`, second % 5 === 0 ? 500 : 200, [0.1 + second / 1e3], second % 5 === 0 ? '500' : undefined),
  ]);
}

describe('prepareWindow', () => {
  test('gives the event loop back between slices, and the answer after it is the answer without it, while ticks arrive', async () => {
    const prepared = new FrameRing(1_000);
    const unprepared = new FrameRing(1_000);
    let second = 0;
    for (; second < 150; second++) for (const ring of [prepared, unprepared]) ring.add(tickAt(second));

    // A tick arrives at every tenth turn of the loop the preparation gives back.
    let turns = 0;
    let done = false;
    const onTurn = () => {
      if (++turns % 10 === 0) {
        second++;
        for (const ring of [prepared, unprepared]) ring.add(tickAt(second));
      }
      if (!done) setImmediate(onTurn);
    };
    setImmediate(onTurn);
    await prepareWindow(prepared, { points: true, since: undefined }, 0);
    done = true;

    // A slice of 0 ms gives the loop back after every frame: at least one turn per complete frame.
    expect(turns).toBeGreaterThanOrEqual(60);
    expect(buildStats(prepared, context)).toEqual(buildStats(unprepared, context));
  });
});
