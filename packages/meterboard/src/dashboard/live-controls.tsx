'use client';

import type { WindowName } from '../query/stats-types.js';
import { WINDOWS } from '../query/windows.js';
import { formatClock } from './format.js';

interface LiveControlsProps {
  window: WindowName;
  onWindowChange: (window: WindowName) => void;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  /** Epoch milliseconds of the last successful poll. */
  updatedAt: number | undefined;
  /** The last poll's error, if it failed. */
  error: Error | undefined;
}

/** Window picker, pause/resume and the freshness of what is shown. */
export function LiveControls({ window, onWindowChange, paused, onPausedChange, updatedAt, error }: LiveControlsProps) {
  return (
    <div className="live-controls">
      <fieldset className="segmented">
        <legend className="visually-hidden">Window</legend>
        {WINDOWS.map(({ name }) => (
          <label key={name}>
            <input type="radio" name="window" value={name} checked={window === name} onChange={() => onWindowChange(name)} />
            <span>{name}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" aria-pressed={paused} onClick={() => onPausedChange(!paused)}>
        {paused ? 'Resume' : 'Pause'}
      </button>
      <p role="status" className={error && !paused ? 'live-status error' : 'live-status muted'}>
        <span className={`live-dot ${paused ? 'paused' : error ? 'down' : 'live'}`} aria-hidden="true" />
        {statusText(paused, updatedAt, error)}
      </p>
    </div>
  );
}

function statusText(paused: boolean, updatedAt: number | undefined, error: Error | undefined): string {
  const last = updatedAt === undefined ? 'nothing received yet' : `last update ${formatClock(updatedAt)}`;
  if (paused) return `Paused · ${last}`;
  if (error) return `Server unreachable (${error.message}) · ${last}`;
  return `Live · ${last}`;
}
