import Link from 'next/link.js';
import type { AttributeSet, InstrumentStats, WindowName } from '../query/stats-types.js';
import { formatCount } from './format.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { explorerHref } from './links.js';
import { meterLabel } from './meter-label.js';

/** Every instrument the app created with @opentelemetry/api, with its values per attribute set; each links to the explorer. */
export function InstrumentsTable({ instruments, window }: { instruments: readonly InstrumentStats[]; window: WindowName }) {
  const { page } = useDashboardPaths();
  return (
    <section aria-labelledby="instruments-heading">
      <h2 id="instruments-heading">Custom metrics</h2>
      <p className="muted">
        Current values since start. <Link href={explorerHref(page, window)} prefetch={false}>Explore every metric</Link>, with charts and
        breakdowns by attribute.
      </p>
      {instruments.length === 0 ? (
        <p className="muted">
          No custom instruments yet. Any meter created with <code>metrics.getMeter()</code> shows up here once it records, for
          example <code>metrics.getMeter(&apos;shop&apos;).createCounter(&apos;orders.created&apos;).add(1)</code> in a server action.
        </p>
      ) : (
        <table aria-labelledby="instruments-heading">
          <thead>
            <tr>
              <th scope="col">Instrument</th>
              <th scope="col">Meter</th>
              <th scope="col">Kind</th>
              <th scope="col">Attributes</th>
              <th scope="col" className="num">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {instruments.flatMap((instrument) =>
              instrument.points.length === 0
                ? []
                : instrument.points.map((point, index) => (
                    <tr key={`${instrument.meter} ${instrument.name} ${index}`}>
                      <th scope="row" title={instrument.description}>
                        <Link href={explorerHref(page, window, instrument)} prefetch={false}>
                          {instrument.name}
                        </Link>
                        {instrument.unit && <span className="muted"> ({instrument.unit})</span>}
                      </th>
                      <td>{meterLabel(instrument)}</td>
                      <td>{instrument.kind}</td>
                      <td>{formatAttributes(point.attributes)}</td>
                      <td className="num">
                        {'value' in point
                          ? formatCount(point.value)
                          : `${formatCount(point.count)} recorded, sum ${formatCount(point.sum)}`}
                      </td>
                    </tr>
                  )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function formatAttributes(attributes: AttributeSet): string {
  const entries = Object.entries(attributes);
  return entries.length === 0 ? '—' : entries.map(([key, value]) => `${key}=${String(value)}`).join(', ');
}
