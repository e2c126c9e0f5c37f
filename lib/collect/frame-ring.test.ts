import { describe, expect, test } from 'vitest';
import { WINDOW_POINTS } from '../query/windows';
import { series, tick } from '../testing/http-series-fixtures';
import { FrameRing } from './frame-ring';

describe('FrameRing', () => {
  test('ticks of one step merge into one frame; durations and counts add up', () => {
    const ring = new FrameRing(5_000);
    ring.add(tick(11_000, [series('GET', '/a', 200, [0.01, 0.02])]));
    ring.add(tick(12_000, [series('GET', '/a', 200, [0.03])], 1, 4));
    expect(ring.completeFrames()).toEqual([]);
    const frame = ring.currentFrame()!;
    expect([frame.start, frame.end, frame.seconds, frame.activeRequests]).toEqual([10_000, 12_000, 2, 4]);
    const [only] = frame.http.values();
    expect([only.latency.count, only.latency.sum]).toEqual([3, 0.06]);
  });

  test('a tick of the next step completes the frame and bumps the version', () => {
    const ring = new FrameRing(5_000);
    ring.add(tick(11_000, []));
    ring.add(tick(15_000, []));
    expect(ring.completeFrames().map((frame) => frame.start)).toEqual([10_000]);
    expect(ring.currentFrame()!.start).toBe(15_000);
    expect(ring.version).toBe(1);
  });

  test(`keeps at most ${WINDOW_POINTS} complete frames, dropping the oldest`, () => {
    const ring = new FrameRing(1_000);
    for (let second = 1; second <= WINDOW_POINTS + 10; second++) ring.add(tick(second * 1000, []));
    expect(ring.completeFrames().length).toBe(WINDOW_POINTS);
    expect(ring.completeFrames()[0].start).toBe(10_000);
  });

  test('a frame does not share histograms with the ticks merged into it', () => {
    const ring = new FrameRing(5_000);
    const first = tick(11_000, [series('GET', '/a', 200, [0.01])]);
    ring.add(first);
    ring.add(tick(12_000, [series('GET', '/a', 200, [0.02])]));
    expect([...first.http.values()][0].latency.count).toBe(1);
  });

  test('adopting, a tick that starts a frame becomes it; later ticks of the step still merge in', () => {
    const ring = new FrameRing(5_000);
    const first = tick(11_000, [series('GET', '/a', 200, [0.01])]);
    ring.add(first, { adopt: true });
    ring.add(tick(12_000, [series('GET', '/a', 200, [0.02])]), { adopt: true });
    const frame = ring.currentFrame()!;
    expect(frame.start).toBe(10_000);
    expect(frame.http).toBe(first.http);
    expect([...frame.http.values()][0].latency.count).toBe(2);
  });
});
