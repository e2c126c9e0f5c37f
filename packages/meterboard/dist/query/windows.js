/**
 * The windows the dashboard offers, each drawn with WINDOW_POINTS points: the history keeps one
 * ring of frames per window, at that window's step (lib/collect/history.ts).
 */
export const WINDOWS = [
    { name: '1m', seconds: 60, stepSeconds: 1 },
    { name: '5m', seconds: 5 * 60, stepSeconds: 5 },
    { name: '15m', seconds: 15 * 60, stepSeconds: 15 },
    { name: '1h', seconds: 60 * 60, stepSeconds: 60 },
];
/** Points per window, not counting the step in progress. */
export const WINDOW_POINTS = 60;
/** The window shown when none is asked for. */
export const DEFAULT_WINDOW = '5m';
/** The window called `name`, or undefined for any other string. */
export function windowNamed(name) {
    return WINDOWS.find((window) => window.name === name);
}
