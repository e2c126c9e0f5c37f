import type { WindowInfo, WindowName } from './stats-types.js';
/**
 * The windows the dashboard offers, each drawn with WINDOW_POINTS points: the history keeps one
 * ring of frames per window, at that window's step (lib/collect/history.ts).
 */
export declare const WINDOWS: readonly WindowInfo[];
/** Points per window, not counting the step in progress. */
export declare const WINDOW_POINTS = 60;
/** The window shown when none is asked for. */
export declare const DEFAULT_WINDOW: WindowName;
/** The window called `name`, or undefined for any other string. */
export declare function windowNamed(name: string): WindowInfo | undefined;
