'use client';

import Link from 'next/link.js';
import { usePathname, useRouter, useSearchParams } from 'next/navigation.js';
import { useState } from 'react';
import type { InstrumentDescriptor, InstrumentDetail, MeterIdentity, WindowName } from '../query/stats-types.js';
import { formatUptimeSeconds, unitLabel } from './format.js';
import { InstrumentCharts } from './instrument-charts.js';
import { InstrumentGroupsTable } from './instrument-groups-table.js';
import { InstrumentList } from './instrument-list.js';
import { useDashboardPaths } from './dashboard-paths.js';
import { dashboardHref } from './links.js';
import { LiveControls } from './live-controls.js';
import { meterLabel } from './meter-label.js';
import { PollPlaceholder } from './poll-placeholder.js';
import { replaceQuery } from './replace-query.js';
import { usePolledStats } from './use-stats.js';
import { useWindowParam } from './use-window-param.js';

/**
 * The metrics explorer: every instrument of every meter, and the one in the URL
 * (?meter=&name=, with ?groupBy= and ?filter=key=value) over the window, polled from
 * /api/stats/instrument and charted as fits its kind.
 */
export function ExplorerPage() {
  const { page } = useDashboardPaths();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [window, setWindow] = useWindowParam();
  const [paused, setPaused] = useState(false);
  const meter = searchParams.get('meter');
  const meterVersion = searchParams.get('meterVersion') ?? undefined;
  const meterSchemaUrl = searchParams.get('meterSchemaUrl') ?? undefined;
  const name = searchParams.get('name');
  const groupBy = searchParams.get('groupBy');
  const query: Array<[string, string]> = [['window', window]];
  if (meter !== null && name !== null) {
    query.push(['meter', meter], ['name', name]);
    if (meterVersion !== undefined) query.push(['meterVersion', meterVersion]);
    if (meterSchemaUrl !== undefined) query.push(['meterSchemaUrl', meterSchemaUrl]);
  }
  if (groupBy) query.push(['groupBy', groupBy]);
  for (const filter of searchParams.getAll('filter')) query.push(['filter', filter]);
  const { stats: detail, isCurrent, updatedAt, error } = usePolledStats<InstrumentDetail>('stats/instrument', query, paused);

  return (
    <>
      <div className="dashboard-header">
        <div>
          <Link href={dashboardHref(page, window)} prefetch={false} className="back-link">
            <span aria-hidden="true">← </span>Back to the dashboard
          </Link>
          <h1>Metrics explorer</h1>
        </div>
        <LiveControls window={window} onWindowChange={setWindow} paused={paused} onPausedChange={setPaused} updatedAt={updatedAt} error={error} />
      </div>
      {detail ? (
        <div className="explorer">
          <InstrumentList instruments={detail.instruments} selected={isCurrent ? detail.instrument : null} window={window} />
          <div className="explorer-detail">
            {isCurrent ? (
              <InstrumentView
                detail={detail}
                asked={meter !== null && name !== null ? { meter, meterVersion, meterSchemaUrl, name } : undefined}
                window={window}
                onQueryChange={(changes) => replaceQuery(router, pathname, searchParams, changes)}
              />
            ) : (
              // The list stays; what was shown for the previous address does not pass for the new one.
              <PollPlaceholder endpoint="stats/instrument" error={error} />
            )}
          </div>
        </div>
      ) : (
        <PollPlaceholder endpoint="stats/instrument" error={error} />
      )}
    </>
  );
}

interface InstrumentViewProps {
  detail: InstrumentDetail;
  /** The instrument in the URL, if any. */
  asked: (MeterIdentity & { name: string }) | undefined;
  window: WindowName;
  onQueryChange: (changes: { groupBy?: string; filter?: string }) => void;
}

/** The instrument asked for: what it is, the breakdown and filter pickers, its charts and groups; or why there is nothing to show. */
function InstrumentView({ detail, asked, window, onQueryChange }: InstrumentViewProps) {
  const { instrument } = detail;
  if (asked === undefined) {
    return (
      <section className="empty" aria-labelledby="explorer-pick-heading">
        <h2 id="explorer-pick-heading">Pick an instrument</h2>
        <p>
          Every instrument of every meter in this process is listed: the app&apos;s own meters (anything created with{' '}
          <code>metrics.getMeter()</code>) first, then meterboard&apos;s HTTP and runtime metrics.
        </p>
      </section>
    );
  }
  if (instrument === null) {
    return (
      <section className="empty" aria-labelledby="explorer-unknown-heading">
        <h2 id="explorer-unknown-heading">
          No instrument <code>{asked.name}</code> in meter <code>{meterLabel(asked)}</code>
        </h2>
        <p>
          An instrument appears here after its first recording in this process. Check the name, or run the code
          that records it.
        </p>
      </section>
    );
  }
  return (
    <>
      <InstrumentHeader instrument={instrument} />
      <Pickers detail={detail} onQueryChange={onQueryChange} />
      {detail.groups.length === 0 ? (
        <section className="empty" aria-labelledby="explorer-empty-heading">
          <h2 id="explorer-empty-heading">Nothing recorded in the last {window}</h2>
          <p>
            {detail.filters.length > 0
              ? 'No series passes the filter in this window: clear the filter or pick a longer window.'
              : `The window covers ${formatUptimeSeconds(detail.coveredSeconds)} of history: pick a longer one, or make the instrument record.`}
          </p>
        </section>
      ) : (
        <>
          <InstrumentCharts detail={{ ...detail, instrument }} />
          <InstrumentGroupsTable detail={detail} kind={instrument.kind} unit={instrument.unit} />
        </>
      )}
    </>
  );
}

function InstrumentHeader({ instrument }: { instrument: InstrumentDescriptor }) {
  const unit = unitLabel(instrument.unit);
  return (
    <header className="instrument-header">
      <h2>
        <code>{instrument.name}</code>
      </h2>
      <dl className="details">
        <dt>Kind</dt>
        <dd>{instrument.kind}</dd>
        <dt>Meter</dt>
        <dd>
          <code>{meterLabel(instrument)}</code>
        </dd>
        <dt>Unit</dt>
        <dd>{unit === '' ? 'none' : <code>{instrument.unit}</code>}</dd>
        {instrument.description && (
          <>
            <dt>Description</dt>
            <dd>{instrument.description}</dd>
          </>
        )}
      </dl>
    </header>
  );
}

/** "Break down by" an attribute key and "Filter" on one attribute value, both kept in the URL. */
function Pickers({ detail, onQueryChange }: { detail: InstrumentDetail; onQueryChange: InstrumentViewProps['onQueryChange'] }) {
  const filter = detail.filters[0];
  const filterValue = filter ? `${filter.key}=${filter.value}` : '';
  return (
    <div className="pickers">
      <label>
        Break down by{' '}
        <select value={detail.groupBy ?? ''} onChange={(event) => onQueryChange({ groupBy: event.target.value || undefined })}>
          <option value="">nothing (all series)</option>
          {detail.groupBy !== null && !detail.attributes.some(({ key }) => key === detail.groupBy) && (
            <option value={detail.groupBy}>{detail.groupBy}</option>
          )}
          {detail.attributes.map(({ key }) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
        </select>
      </label>
      <label>
        Filter{' '}
        <select value={filterValue} onChange={(event) => onQueryChange({ filter: event.target.value || undefined })}>
          <option value="">all series</option>
          {filter && !detail.attributes.some(({ key, values }) => key === filter.key && values.includes(filter.value)) && (
            <option value={filterValue}>
              {filter.key} = {filter.value}
            </option>
          )}
          {detail.attributes.flatMap(({ key, values }) =>
            values.map((value) => (
              <option key={JSON.stringify([key, value])} value={`${key}=${value}`}>
                {key} = {value}
              </option>
            )),
          )}
        </select>
      </label>
      {detail.filters.length > 1 && (
        <p className="muted">
          The address holds {detail.filters.length} filters, all applied:{' '}
          {detail.filters.map(({ key, value }) => `${key} = ${value}`).join(', ')}. Picking one here replaces them.
        </p>
      )}
    </div>
  );
}
