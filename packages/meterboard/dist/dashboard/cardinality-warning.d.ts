import type { Stats, WindowName } from '../query/stats-types.js';
/** A visible warning for every instrument past its cardinality limit, each linked to the explorer; nothing when none is. */
export declare function CardinalityWarning({ instruments, window }: {
    instruments: Stats['overflowingInstruments'];
    window: WindowName;
}): import("react").JSX.Element | null;
