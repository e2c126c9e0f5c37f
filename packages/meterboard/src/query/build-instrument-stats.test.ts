import { describe, expect, test } from 'vitest';
import { instrumentKey, type Frame, type InstrumentFrame } from '../collect/frame.js';
import { FrameRing } from '../collect/frame-ring.js';
import { METER_NAME } from '../scope.js';
import { histogramValue, instrumentFrame, tick } from '../testing/http-series-fixtures.js';
import { ONE_MINUTE, START } from '../testing/stats-context.js';
import { ALL_GROUP, buildInstrumentStats, MAX_ATTRIBUTE_VALUES, NOT_SET_GROUP, type InstrumentStatsContext } from './build-instrument-stats.js';
import { histogramQuantile } from './histogram-quantile.js';
import type { InstrumentDescriptor, MeterIdentity } from './stats-types.js';

const BOUNDARIES = [10, 50, 100, 500];

const DESCRIPTORS: InstrumentDescriptor[] = [
  { meter: METER_NAME, name: 'nodejs.eventloop.utilization', description: '', unit: '1', kind: 'gauge' },
  { meter: METER_NAME, name: 'http.server.active_requests', description: '', unit: '{request}', kind: 'up-down-counter' },
  { meter: 'shop', name: 'orders.value', description: 'Order totals.', unit: 'USD', kind: 'histogram' },
  { meter: 'shop', name: 'orders.created', description: 'Orders created.', unit: '{order}', kind: 'counter' },
  { meter: 'shop', name: 'queue.depth', description: '', unit: '{job}', kind: 'up-down-counter' },
  { meter: 'billing', name: 'invoices.sent', description: '', unit: '{invoice}', kind: 'counter' },
];

function context(instrument: string | undefined, extra: Partial<InstrumentStatsContext> = {}): InstrumentStatsContext {
  return {
    serviceName: 'meterboard-test',
    instanceId: 'instance-1',
    window: ONE_MINUTE,
    since: undefined,
    descriptors: new Map(DESCRIPTORS.map((descriptor) => [instrumentKey(descriptor, descriptor.name), descriptor])),
    instrument: instrument === undefined ? undefined : { meter: 'shop', name: instrument },
    groupBy: undefined,
    filters: [],
    ...extra,
  };
}

/** A one-second tick ending at second `second` that holds the given instruments of the meter "shop". */
function instrumentTick(second: number, instruments: Record<string, InstrumentFrame>): Frame {
  const frame = tick(START + second * 1000, []);
  for (const [name, instrument] of Object.entries(instruments)) frame.instruments.set(instrumentKey({ meter: 'shop' }, name), instrument);
  return frame;
}

// Three seconds of a shop: orders by channel (one without a channel), a queue whose depth moves,
// and order values.
const ring = new FrameRing(1_000);
ring.add(
  instrumentTick(1, {
    'orders.created': instrumentFrame('counter', [
      { attributes: { channel: 'web', region: 'eu' }, value: 4 },
      { attributes: { channel: 'api', region: 'eu' }, value: 1 },
    ]),
    'queue.depth': instrumentFrame('up-down-counter', [
      { attributes: { queue: 'mail' }, value: 7 },
      { attributes: { queue: 'sms' }, value: 2 },
    ]),
    'orders.value': instrumentFrame('histogram', [histogramValue({ channel: 'web' }, BOUNDARIES, [5, 20, 30, 70])]),
  }),
);
ring.add(
  instrumentTick(2, {
    'orders.created': instrumentFrame('counter', [
      { attributes: { channel: 'web', region: 'us' }, value: 6 },
      { attributes: { region: 'us' }, value: 2 },
    ]),
    'queue.depth': instrumentFrame('up-down-counter', [
      { attributes: { queue: 'mail' }, value: 3 },
      { attributes: { queue: 'sms' }, value: 2 },
    ]),
    'orders.value': instrumentFrame('histogram', [
      histogramValue({ channel: 'web' }, BOUNDARIES, [40, 45]),
      histogramValue({ channel: 'api' }, BOUNDARIES, [300, 800]),
    ]),
  }),
);
ring.add(instrumentTick(3, { 'queue.depth': instrumentFrame('up-down-counter', [{ attributes: { queue: 'mail' }, value: 1 }]) }));

describe('buildInstrumentStats', () => {
  test("lists every instrument of every meter, the app's first, each meter's by name", () => {
    const detail = buildInstrumentStats(ring, context(undefined));
    expect(detail.instruments.map(({ meter, name }) => `${meter} ${name}`)).toEqual([
      'billing invoices.sent',
      'shop orders.created',
      'shop orders.value',
      'shop queue.depth',
      `${METER_NAME} http.server.active_requests`,
      `${METER_NAME} nodejs.eventloop.utilization`,
    ]);
    expect(detail.instrument).toBeNull();
    expect(detail.groups).toEqual([]);
  });

  test.each<[string, MeterIdentity, string | null]>([
    ['the exact identity', { meter: 'lib', meterVersion: '2.0.0' }, '2.0.0'],
    ['no version, when one version of the meter has the instrument', { meter: 'solo' }, '1.0.0'],
    ['no version, when two do: none rather than a guess', { meter: 'lib' }, null],
    ['a version no meter has', { meter: 'lib', meterVersion: '3.0.0' }, null],
  ])('an instrument asked for by %s', (_case, meter, version) => {
    const descriptors = [
      { meter: 'lib', meterVersion: '1.0.0', name: 'jobs', description: '', unit: '', kind: 'counter' },
      { meter: 'lib', meterVersion: '2.0.0', name: 'jobs', description: '', unit: '', kind: 'counter' },
      { meter: 'solo', meterVersion: '1.0.0', name: 'jobs', description: '', unit: '', kind: 'counter' },
    ] satisfies InstrumentDescriptor[];
    const detail = buildInstrumentStats(new FrameRing(1_000), {
      ...context(undefined),
      descriptors: new Map(descriptors.map((descriptor) => [instrumentKey(descriptor, descriptor.name), descriptor])),
      instrument: { ...meter, name: 'jobs' },
    });
    expect(detail.instrument?.meterVersion ?? null).toBe(version);
  });

  test('an instrument no meter has is not an error: no instrument, no groups', () => {
    const detail = buildInstrumentStats(ring, context('orders.cancelled'));
    expect(detail.instrument).toBeNull();
    expect(detail.groups).toEqual([]);
    expect(detail.points.every((point) => Object.keys(point.values).length === 0)).toBe(true);
  });

  test('a counter: its increase over the window in one group, and per second at each step', () => {
    const detail = buildInstrumentStats(ring, context('orders.created'));
    expect(detail.instrument).toEqual(DESCRIPTORS[3]);
    expect(detail.coveredSeconds).toBe(3);
    expect(detail.groups).toEqual([{ label: ALL_GROUP, series: 4, value: 13, perSecond: 13 / 3, sum: null, percentiles: null }]);
    expect(detail.points.map((point) => point.values)).toEqual([{ all: 5 }, { all: 8 }, {}]);
    expect(detail.points.map((point) => point.partial)).toEqual([false, false, true]);
  });

  test('broken down by an attribute, most first; series without it in one "(not set)" group', () => {
    const detail = buildInstrumentStats(ring, context('orders.created', { groupBy: 'channel' }));
    expect(detail.groupBy).toBe('channel');
    expect(detail.groups.map(({ label, series, value }) => [label, series, value])).toEqual([
      ['web', 2, 10],
      [NOT_SET_GROUP, 1, 2],
      ['api', 1, 1],
    ]);
    expect(detail.points[0].values).toEqual({ web: 4, api: 1 });
    expect(detail.points[1].values).toEqual({ web: 6, [NOT_SET_GROUP]: 2 });
  });

  test('a filter keeps only the series with that value; the attribute list still shows every value', () => {
    const detail = buildInstrumentStats(ring, context('orders.created', { groupBy: 'channel', filters: [{ key: 'region', value: 'us' }] }));
    expect(detail.filters).toEqual([{ key: 'region', value: 'us' }]);
    expect(detail.groups.map(({ label, value }) => [label, value])).toEqual([
      ['web', 6],
      [NOT_SET_GROUP, 2],
    ]);
    expect(detail.attributes).toEqual([
      { key: 'channel', values: ['api', 'web'], truncated: false },
      { key: 'region', values: ['eu', 'us'], truncated: false },
    ]);
  });

  test('an up-down counter: the latest value of each group, not a sum over time', () => {
    const detail = buildInstrumentStats(ring, context('queue.depth', { groupBy: 'queue' }));
    expect(detail.groups.map(({ label, value, perSecond }) => [label, value, perSecond])).toEqual([
      ['mail', 1, null],
      ['sms', 2, null],
    ]);
    const all = buildInstrumentStats(ring, context('queue.depth'));
    // At the latest step only the mail queue reported.
    expect(all.groups[0].value).toBe(1);
    expect(all.points.map((point) => point.values)).toEqual([{ all: 9 }, { all: 5 }, { all: 1 }]);
  });

  test('a histogram: recordings, sum, bucket-interpolated percentiles and the distribution over the window', () => {
    const detail = buildInstrumentStats(ring, context('orders.value', { groupBy: 'channel' }));
    const web = detail.groups.find((group) => group.label === 'web')!;
    expect([web.value, web.sum, web.perSecond]).toEqual([6, 210, 2]);
    // web: 5 | 20 30 40 45 | 70 in the buckets (0,10] (10,50] (50,100].
    expect(web.percentiles).toEqual({
      p50: histogramQuantile(0.5, BOUNDARIES, [1, 4, 1]),
      p90: histogramQuantile(0.9, BOUNDARIES, [1, 4, 1]),
      p99: histogramQuantile(0.99, BOUNDARIES, [1, 4, 1]),
    });
    expect(detail.distribution).toEqual([
      { lower: 0, upper: 10, count: 1 },
      { lower: 10, upper: 50, count: 4 },
      { lower: 50, upper: 100, count: 1 },
      { lower: 100, upper: 500, count: 1 },
      { lower: 500, upper: null, count: 1 },
    ]);
    expect(detail.points[1].values).toEqual({ web: 2, api: 2 });
    expect(detail.points[1].percentiles!.p50).toBe(histogramQuantile(0.5, BOUNDARIES, [0, 2, 0, 1, 1]));
    expect(detail.points[2].percentiles).toEqual({ p50: null, p90: null, p99: null });
  });

  test('the distribution leaves out the empty buckets before the first and after the last recording', () => {
    const only = new FrameRing(1_000);
    only.add(instrumentTick(1, { 'orders.value': instrumentFrame('histogram', [histogramValue({}, BOUNDARIES, [60, 400])]) }));
    expect(buildInstrumentStats(only, context('orders.value')).distribution).toEqual([
      { lower: 50, upper: 100, count: 1 },
      { lower: 100, upper: 500, count: 1 },
    ]);
  });

  test(`lists at most ${MAX_ATTRIBUTE_VALUES} values of an attribute, and says when there were more`, () => {
    const many = new FrameRing(1_000);
    const values = Array.from({ length: MAX_ATTRIBUTE_VALUES + 5 }, (_, i) => ({ attributes: { user: `u${String(i).padStart(3, '0')}` }, value: 1 }));
    many.add(instrumentTick(1, { 'orders.created': instrumentFrame('counter', values) }));
    const [user] = buildInstrumentStats(many, context('orders.created')).attributes;
    expect(user.values.length).toBe(MAX_ATTRIBUTE_VALUES);
    expect(user.truncated).toBe(true);
  });

  test('with since, only the newer points', () => {
    const full = buildInstrumentStats(ring, context('orders.created'));
    const since = full.points[0].time;
    expect(buildInstrumentStats(ring, context('orders.created', { since })).points).toEqual(full.points.slice(1));
  });
});
