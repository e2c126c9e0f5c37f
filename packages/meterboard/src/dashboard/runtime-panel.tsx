import type { RuntimeStats } from '../collect/runtime-reading.js';
import { EVENT_LOOP_DELAY_RESOLUTION_MS } from '../record/runtime-instruments.js';
import { formatBytes, formatRatioAsPercent, formatSeconds } from './format.js';

/** Node.js runtime health of the server process over the last sampling interval. */
export function RuntimePanel({ runtime }: { runtime: RuntimeStats | null }) {
  const tiles = runtime
    ? [
        {
          label: 'Event loop delay',
          value: formatSeconds(beyondTimer(runtime.eventLoopDelayP99Seconds)),
          detail: `p99 · p50 ${formatSeconds(beyondTimer(runtime.eventLoopDelayP50Seconds))}, beyond the ${EVENT_LOOP_DELAY_RESOLUTION_MS} ms sampling timer`,
        },
        { label: 'Event loop utilization', value: formatRatioAsPercent(runtime.eventLoopUtilization), detail: 'time the loop was busy' },
        { label: 'CPU', value: formatRatioAsPercent(runtime.cpuUtilization), detail: 'of one core, user + system' },
        { label: 'Heap used', value: formatBytes(runtime.heapUsedBytes), detail: `of ${formatBytes(runtime.heapTotalBytes)} allocated` },
        { label: 'RSS', value: formatBytes(runtime.rssBytes), detail: 'resident memory' },
        {
          label: 'GC pauses',
          value: runtime.gcPausesPerSecond === null ? '–' : `${runtime.gcPausesPerSecond.toFixed(1)}/s`,
          detail: `${formatRatioAsPercent(runtime.gcPauseSecondsPerSecond)} of the time`,
        },
      ]
    : [];
  return (
    <section aria-labelledby="runtime-heading">
      <h2 id="runtime-heading">Runtime</h2>
      {runtime === null ? (
        <p className="muted">Runtime metrics appear after the second sample (about two seconds after start).</p>
      ) : (
        <div className="kpis runtime">
          {tiles.map((tile) => (
            <div key={tile.label} className="kpi" role="group" aria-label={tile.label}>
              <div className="kpi-label">{tile.label}</div>
              <div className="kpi-value">{tile.value}</div>
              <div className="kpi-detail">{tile.detail}</div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

// nodejs.eventloop.delay.* include the sampling timer's own interval (runtime-instruments.ts): an
// idle loop reads 10 ms. The panel shows only what exceeds it, the delay a request would feel.
function beyondTimer(seconds: number | null): number | null {
  return seconds === null ? null : Math.max(0, seconds - EVENT_LOOP_DELAY_RESOLUTION_MS / 1000);
}
