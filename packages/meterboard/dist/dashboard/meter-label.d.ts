import type { MeterIdentity } from '../query/stats-types.js';
/** How the dashboard names a meter: its name, `@version` when it has one. */
export declare function meterLabel({ meter, meterVersion }: MeterIdentity): string;
/** One string per meter identity (name, version, schema URL), for grouping and React keys. */
export declare function meterKey({ meter, meterVersion, meterSchemaUrl }: MeterIdentity): string;
/** True when `a` and `b` are the same instrument: the same meter identity and name. */
export declare function sameInstrument(a: MeterIdentity & {
    name: string;
}, b: MeterIdentity & {
    name: string;
}): boolean;
