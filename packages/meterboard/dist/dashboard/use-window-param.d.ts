import type { WindowName } from '../query/stats-types.js';
/**
 * The window in the page's URL (?window=) and a setter that puts a new one there, so the view is
 * shareable. The new window shows at once; the URL follows when the router has replaced it.
 */
export declare function useWindowParam(): [WindowName, (window: WindowName) => void];
