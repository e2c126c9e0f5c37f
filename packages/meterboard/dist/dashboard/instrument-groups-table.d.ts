import type { InstrumentDetail } from '../query/stats-types.js';
import type { InstrumentKind } from '../collect/frame.js';
/** The instrument's groups over the window, with the numbers that fit its kind. */
export declare function InstrumentGroupsTable({ detail, kind, unit }: {
    detail: InstrumentDetail;
    kind: InstrumentKind;
    unit: string;
}): import("react").JSX.Element;
