import type { WindowName } from '../query/stats-types.js';
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
export declare function LiveControls({ window, onWindowChange, paused, onPausedChange, updatedAt, error }: LiveControlsProps): import("react").JSX.Element;
export {};
