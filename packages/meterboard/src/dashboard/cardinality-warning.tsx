import Link from 'next/link.js';
import type { Stats, WindowName } from '../query/stats-types.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { explorerHref } from './links.js';
import { meterKey, meterLabel } from './meter-label.js';

/** A visible warning for every instrument past its cardinality limit, each linked to the explorer; nothing when none is. */
export function CardinalityWarning({ instruments, window }: { instruments: Stats['overflowingInstruments']; window: WindowName }) {
  const { page } = useDashboardPaths();
  if (instruments.length === 0) return null;
  return (
    <section role="alert" aria-labelledby="cardinality-heading" className="warning">
      <h2 id="cardinality-heading">Cardinality limit reached</h2>
      <p>
        New attribute sets of these instruments add up in one <code>otel.metric.overflow=true</code> series, so their breakdown is no
        longer complete. Look for an attribute whose values are unbounded (ids, paths, user input), or raise{' '}
        <code>METRICS_CARDINALITY_LIMIT</code>.
      </p>
      <ul>
        {instruments.map((instrument) => (
          <li key={`${meterKey(instrument)}\n${instrument.name}`}>
            <Link href={explorerHref(page, window, instrument)} prefetch={false}>
              <code>{instrument.name}</code>
            </Link>{' '}
            <span className="muted">(meter {meterLabel(instrument)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
