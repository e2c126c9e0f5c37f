/** How the dashboard names a meter: its name, `@version` when it has one. */
export function meterLabel({ meter, meterVersion }) {
    return meterVersion === undefined ? meter : `${meter}@${meterVersion}`;
}
/** One string per meter identity (name, version, schema URL), for grouping and React keys. */
export function meterKey({ meter, meterVersion, meterSchemaUrl }) {
    return `${meter}\n${meterVersion ?? ''}\n${meterSchemaUrl ?? ''}`;
}
/** True when `a` and `b` are the same instrument: the same meter identity and name. */
export function sameInstrument(a, b) {
    return meterKey(a) === meterKey(b) && a.name === b.name;
}
