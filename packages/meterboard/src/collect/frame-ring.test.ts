import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { WINDOW_POINTS } from '../query/windows.js';
import { series, tick } from '../testing/http-series-fixtures.js';
import { FrameRing } from './frame-ring.js';

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
    ring.add(tick(16_000, []));
    expect(ring.completeFrames().map((frame) => frame.start)).toEqual([10_000]);
    expect(ring.currentFrame()!.start).toBe(15_000);
    expect(ring.version).toBe(1);
  });

  test('a tick belongs to the step it started in, even when it ends in the next one', () => {
    const ring = new FrameRing(5_000);
    ring.add(tick(14_500, [], 1));
    ring.add(tick(15_400, [], 0.9));
    expect(ring.completeFrames()).toEqual([]);
    expect([ring.currentFrame()!.start, ring.currentFrame()!.seconds]).toEqual([10_000, 1.9]);
  });

  test(`keeps the complete frames of the ${WINDOW_POINTS} steps before the latest tick's, dropping older ones`, () => {
    const ring = new FrameRing(1_000);
    for (let second = 1; second <= WINDOW_POINTS + 10; second++) ring.add(tick(second * 1000, []));
    // The latest tick ran from 69 s to 70 s: the steps from 10 s on are the window.
    expect(ring.completeFrames().length).toBe(WINDOW_POINTS - 1);
    expect(ring.completeFrames()[0].start).toBe(10_000);
    expect(ring.currentFrame()!.start).toBe(69_000);
  });

  test('late ticks that skip steps do not stretch the window: it drops frames by time, not by count', () => {
    const ring = new FrameRing(1_000);
    for (let end = 1_500; end <= 200_000; end += 1_500) ring.add(tick(end, [], 1.5));
    const frames = [...ring.completeFrames(), ring.currentFrame()!];
    expect(frames.length).toBe(WINDOW_POINTS / 1.5);
    expect(frames.reduce((sum, frame) => sum + frame.seconds, 0)).toBeLessThan(WINDOW_POINTS + 1);
  });

  test('a wall clock that steps back an hour drops the frames from the "future" at once, and the ring stays bounded', () => {
    const ring = new FrameRing(1_000);
    let end = 10_000_000;
    for (let second = 0; second < 30; second++) ring.add(tick((end += 1_000), [], 1));
    end -= 3_600_000;
    for (let second = 0; second < 600; second++) {
      ring.add(tick((end += 1_000), [], 1));
      expect(ring.completeFrames().length).toBeLessThanOrEqual(WINDOW_POINTS);
      for (const frame of ring.completeFrames()) expect(frame.start).toBeLessThan(end);
    }
  });

  test(`whatever the ticks' timing, the frames hold less than ${WINDOW_POINTS + 1} steps of time and none from before their step`, () => {
    fc.assert(
      fc.property(fc.constantFrom(1_000, 5_000, 60_000), fc.array(fc.integer({ min: 1, max: 3_000 }), { minLength: 1, maxLength: 400 }), (stepMs, intervals) => {
        const ring = new FrameRing(stepMs);
        let end = 1_000_000;
        for (const interval of intervals) {
          end += interval;
          ring.add(tick(end, [], interval / 1000));
          const frames = [...ring.completeFrames(), ring.currentFrame()!];
          const coveredMs = frames.reduce((sum, frame) => sum + frame.seconds * 1000, 0);
          expect(coveredMs).toBeLessThanOrEqual(end - frames[0].start + 1e-6);
          expect(coveredMs).toBeLessThan((WINDOW_POINTS + 1) * stepMs);
        }
      }),
    );
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
