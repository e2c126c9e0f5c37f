import Link from 'next/link.js';
import type { InstrumentDescriptor, WindowName } from '../query/stats-types.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { explorerHref } from './links.js';
import { meterKey, meterLabel, sameInstrument } from './meter-label.js';

/** Every instrument of every meter, by meter (the API's order: the app's meters first), each a link that opens it. */
export function InstrumentList({
  instruments,
  selected,
  window,
}: {
  instruments: readonly InstrumentDescriptor[];
  selected: InstrumentDescriptor | null;
  window: WindowName;
}) {
  const { page } = useDashboardPaths();
  const meters = new Map<string, InstrumentDescriptor[]>();
  for (const instrument of instruments) {
    const key = meterKey(instrument);
    const list = meters.get(key) ?? [];
    list.push(instrument);
    meters.set(key, list);
  }
  return (
    <nav aria-label="Instruments" className="instrument-list">
      {instruments.length === 0 && <p className="muted">No meter has an instrument yet.</p>}
      {[...meters].map(([key, list]) => (
        <section key={key} aria-label={`Meter ${meterLabel(list[0])}`}>
          <h2 className="meter-name" title={list[0].meterSchemaUrl}>
            <code>{meterLabel(list[0])}</code>
          </h2>
          <ul>
            {list.map((instrument) => {
              const current = selected !== null && sameInstrument(selected, instrument);
              return (
                <li key={instrument.name}>
                  <Link href={explorerHref(page, window, instrument)} prefetch={false} aria-current={current ? 'page' : undefined} title={instrument.description}>
                    {instrument.name}
                  </Link>{' '}
                  <span className="muted">{instrument.kind}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
