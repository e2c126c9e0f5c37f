import 'server-only';
import {
  errorRatio,
  errorsIncrease,
  rejectedIncrease,
  inFlight,
  instancesUp,
  latencyQuantile,
  outgoingIncrease,
  outgoingQuantile,
  promqlDuration,
  rateRange,
  requestRate,
  requestRateByStatusClass,
  requestsIncrease,
  requestsSinceStart,
  ROUTE_LABELS,
  serverActionIncrease,
  serverActionQuantile,
  type Selector,
} from '../promql/queries.js';
import type { InstantSample, PrometheusClient, RangeSeries } from './prometheus-client.js';
import type { StatsParams } from './stats-params.js';
import { routeKey } from './window-aggregate.js';
import { errorRate } from './frame-point.js';
import type { DurationPercentiles, InstanceStats, OutgoingHostStats, RouteStats, SeriesPoint, ServerActionStats, Stats, StatusClassRates, WindowInfo } from './stats-types.js';

/** Where the dashboard's numbers come from with METRICS_SOURCE=prometheus. */
export interface PrometheusSource {
  client: PrometheusClient;
  /** Label matchers of meterboard's series, e.g. `job="meterboard"`. */
  selector: Selector;
  /** How often Prometheus scrapes, seconds: a rate needs several scrapes in its range. */
  scrapeIntervalSeconds: number;
}

const PERCENTILES = [
  ['p50', 0.5],
  ['p90', 0.9],
  ['p95', 0.95],
  ['p99', 0.99],
] as const;

// Full answers per window, reused for one scrape interval: Prometheus has nothing newer before the
// next scrape, so every open dashboard polling every second costs one set of queries per interval.
const answers = new Map<string, { fetchedAt: number; answer: Promise<Stats> }>();

/**
 * The /api/stats body for a window, answered from Prometheus for every instance it scrapes: the
 * same shape as the local one, plus `instances` and the PromQL selector and range the charts were
 * drawn with. Window counts are Prometheus's increase() (an extrapolation, rounded); `requestsSinceStart`
 * sums the counters and is exact. With `since`, only the newer points.
 */
export async function prometheusStats(source: PrometheusSource, serviceName: string, { window, since }: StatsParams, nowMs: number): Promise<Stats> {
  const key = window.name;
  let cached = answers.get(key);
  if (!cached || nowMs - cached.fetchedAt >= source.scrapeIntervalSeconds * 1000) {
    cached = { fetchedAt: nowMs, answer: fullAnswer(source, serviceName, window, nowMs) };
    answers.set(key, cached);
    // A failed answer is not kept: the next poll asks again.
    cached.answer.catch(() => answers.delete(key));
  }
  const full = await cached.answer;
  return since === undefined ? full : { ...full, since, points: full.points.filter((point) => point.time > since) };
}

async function fullAnswer(source: PrometheusSource, serviceName: string, window: WindowInfo, nowMs: number): Promise<Stats> {
  const { client, selector } = source;
  const now = Math.floor(nowMs / 1000);
  const windowRange = promqlDuration(window.seconds);
  const route = [...ROUTE_LABELS];
  const instant = (query: string) => client.instant(query, now);

  const [sinceStart, inWindow, byStatus, errors, rejected, totalPercentiles, routePercentiles, active, actions, actionPercentiles, calls, callPercentiles, instances, points] = await Promise.all([
    instant(requestsSinceStart(selector, route)),
    instant(requestsIncrease(selector, windowRange, route)),
    instant(requestsIncrease(selector, windowRange, [...route, 'http_response_status_code'])),
    instant(errorsIncrease(selector, windowRange, route)),
    instant(rejectedIncrease(selector, windowRange, route)),
    Promise.all(PERCENTILES.map(([, q]) => instant(latencyQuantile(q, selector, windowRange)))),
    Promise.all(PERCENTILES.map(([, q]) => instant(latencyQuantile(q, selector, windowRange, route)))),
    instant(inFlight(selector)),
    Promise.all([instant(serverActionIncrease(selector, windowRange)), instant(serverActionIncrease(selector, windowRange, true))]),
    Promise.all(PERCENTILES.map(([, q]) => instant(serverActionQuantile(q, selector, windowRange)))),
    Promise.all([instant(outgoingIncrease(selector, windowRange)), instant(outgoingIncrease(selector, windowRange, true))]),
    Promise.all(PERCENTILES.map(([, q]) => instant(outgoingQuantile(q, selector, windowRange)))),
    instanceStats(source, windowRange, now),
    seriesPoints(source, window.stepSeconds, window.seconds, now),
  ]);

  const rows = new Map<string, RouteStats>();
  const rowOf = (labels: Record<string, string>) => {
    const key = routeKeyOf(labels);
    let row = rows.get(key);
    if (!row) {
      row = {
        method: labels.http_request_method ?? '_OTHER',
        route: labels.http_route || null,
        requests: 0,
        requestsSinceStart: 0,
        requestsPerSecond: 0,
        errorRate: null,
        statusCodes: {},
        durationSeconds: { p50: null, p90: null, p95: null, p99: null },
      };
      rows.set(key, row);
    }
    return row;
  };
  // increase() extrapolates to fractions of a request; the tables count whole ones.
  for (const { labels, value } of sinceStart) rowOf(labels).requestsSinceStart += value;
  for (const { labels, value } of inWindow) rowOf(labels).requests += Math.round(value);
  for (const { labels, value } of byStatus) {
    const statusCodes = rowOf(labels).statusCodes;
    const status = labels.http_response_status_code || 'none';
    statusCodes[status] = (statusCodes[status] ?? 0) + Math.round(value);
  }
  const errorsByRoute = new Map(errors.map(({ labels, value }) => [routeKeyOf(labels), Math.round(value)]));
  const rejectedByRoute = new Map(rejected.map(({ labels, value }) => [routeKeyOf(labels), Math.round(value)]));
  PERCENTILES.forEach(([name], i) => {
    for (const { labels, value } of routePercentiles[i]) rowOf(labels).durationSeconds[name] = finiteOrNull(value);
  });
  for (const [key, row] of rows) {
    row.requestsPerSecond = row.requests / window.seconds;
    row.errorRate = errorRate(errorsByRoute.get(key) ?? 0, row.requests - (rejectedByRoute.get(key) ?? 0));
  }

  const requests = Math.round(sum(inWindow));
  return {
    service: { name: serviceName, instanceId: 'prometheus' },
    startTime: new Date((now - window.seconds) * 1000).toISOString(),
    uptimeSeconds: window.seconds,
    window,
    coveredSeconds: window.seconds,
    totals: {
      requests,
      requestsSinceStart: sum(sinceStart),
      requestsPerSecond: requests / window.seconds,
      errorRate: errorRate(Math.round(sum(errors)), requests - Math.round(sum(rejected))),
      inFlight: sum(active),
      durationSeconds: percentilesOf(totalPercentiles.map((vector) => vector[0]?.value)),
    },
    routes: [...rows.values()].sort((a, b) => b.requests - a.requests || b.requestsSinceStart - a.requestsSinceStart),
    serverActions: serverActionRows(actions[0], actions[1], actionPercentiles, window.seconds),
    errors: null,
    outgoing: outgoingRows(calls[0], calls[1], callPercentiles, window.seconds),
    points,
    since: null,
    windowStart: points[0]?.time ?? (now - window.seconds) * 1000,
    runtime: null,
    instruments: [],
    overflowingInstruments: [],
    instances,
    promql: { selector, range: rateRange(window.stepSeconds, source.scrapeIntervalSeconds) },
  };
}

async function instanceStats({ client, selector }: PrometheusSource, windowRange: string, now: number): Promise<InstanceStats[]> {
  const byInstance = ['instance'];
  const [up, rates, errors, p99, active] = await Promise.all([
    client.instant(instancesUp(selector), now),
    client.instant(requestRate(selector, windowRange, byInstance), now),
    client.instant(errorRatio(selector, windowRange, byInstance), now),
    client.instant(latencyQuantile(0.99, selector, windowRange, byInstance), now),
    client.instant(inFlight(selector, byInstance), now),
  ]);
  const valueOf = (vector: InstantSample[], instance: string) => vector.find((sample) => sample.labels.instance === instance)?.value;
  return up
    .map(({ labels, value }) => ({
      instance: labels.instance,
      up: value === 1,
      requestsPerSecond: valueOf(rates, labels.instance) ?? 0,
      errorRate: finiteOrNull(valueOf(errors, labels.instance)),
      p99Seconds: finiteOrNull(valueOf(p99, labels.instance)),
      inFlight: valueOf(active, labels.instance) ?? 0,
    }))
    .sort((a, b) => a.instance.localeCompare(b.instance));
}

// One point per step, evaluated at the end of each step (Prometheus aligns the evaluation times to
// the step); the step still in progress is the last, partial one.
async function seriesPoints({ client, selector, scrapeIntervalSeconds }: PrometheusSource, stepSeconds: number, windowSeconds: number, now: number): Promise<SeriesPoint[]> {
  const range = rateRange(stepSeconds, scrapeIntervalSeconds);
  const end = Math.ceil(now / stepSeconds) * stepSeconds;
  // One step before the window, so that it holds as many complete points as the local history (61 with the partial one).
  const start = end - windowSeconds - stepSeconds;
  const query = (promql: string) => client.range(promql, start, end, stepSeconds);
  const [byClass, errors, p50, p90, p99, active] = await Promise.all([
    query(requestRateByStatusClass(selector, range)),
    query(errorRatio(selector, range)),
    query(latencyQuantile(0.5, selector, range)),
    query(latencyQuantile(0.9, selector, range)),
    query(latencyQuantile(0.99, selector, range)),
    query(inFlight(selector)),
  ]);
  const at = (series: RangeSeries | undefined, time: number) => finiteOrNull(series?.values.find(([t]) => t === time)?.[1]);
  const points: SeriesPoint[] = [];
  for (let time = start + stepSeconds; time <= end; time += stepSeconds) {
    const pointTime = (time - stepSeconds) * 1000;
    const rates: StatusClassRates = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    for (const series of byClass) {
      const statusClass = series.labels.status_class as keyof StatusClassRates;
      if (statusClass in rates) rates[statusClass] = at(series, time) ?? 0;
    }
    points.push({
      time: pointTime,
      seconds: stepSeconds,
      partial: time === end,
      requestsPerSecond: rates,
      errorRate: at(errors[0], time),
      durationSeconds: { p50: at(p50[0], time), p90: at(p90[0], time), p99: at(p99[0], time) },
      activeRequests: at(active[0], time) ?? 0,
    });
  }
  return points;
}

function serverActionRows(calls: InstantSample[], errors: InstantSample[], percentiles: InstantSample[][], windowSeconds: number): ServerActionStats[] {
  const key = (labels: Record<string, string>) => `${labels.code_function_name} ${labels.code_file_path ?? ''}`;
  return calls
    .filter(({ value }) => value > 0)
    .map(({ labels, value }) => {
      const errorCount = errors.find((sample) => key(sample.labels) === key(labels))?.value ?? 0;
      const durations = percentilesOf(percentiles.map((vector) => vector.find((sample) => key(sample.labels) === key(labels))?.value));
      return {
        name: labels.code_function_name ?? '_OTHER',
        file: labels.code_file_path || null,
        requests: value,
        requestsPerSecond: value / windowSeconds,
        errorRate: errorCount / value,
        durationSeconds: durations,
      };
    })
    .sort((a, b) => b.requests - a.requests);
}

function outgoingRows(calls: InstantSample[], errors: InstantSample[], percentiles: InstantSample[][], windowSeconds: number): OutgoingHostStats[] {
  const key = (labels: Record<string, string>) => `${labels.server_address}:${labels.server_port ?? ''}`;
  return calls
    .map(({ labels, value }) => ({ labels, calls: Math.round(value) }))
    .filter(({ calls }) => calls > 0)
    .map(({ labels, calls }) => ({
      host: labels.server_address ?? '',
      port: labels.server_port ? Number(labels.server_port) : null,
      calls,
      callsPerSecond: calls / windowSeconds,
      errorRate: errorRate(Math.round(errors.find((sample) => key(sample.labels) === key(labels))?.value ?? 0), calls),
      durationSeconds: percentilesOf(percentiles.map((vector) => vector.find((sample) => key(sample.labels) === key(labels))?.value)),
    }))
    .sort((a, b) => b.calls - a.calls);
}

// The local history's key of a method and route (a series without http_route matched none).
function routeKeyOf(labels: Record<string, string>): string {
  return routeKey(labels.http_request_method ?? '_OTHER', labels.http_route || undefined);
}

function percentilesOf(values: ReadonlyArray<number | undefined>): DurationPercentiles {
  const [p50, p90, p95, p99] = values.map(finiteOrNull);
  return { p50, p90, p95, p99 };
}

// histogram_quantile answers NaN for a range without requests: no value, as the local stats say it.
function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

function sum(vector: InstantSample[]): number {
  return vector.reduce((total, { value }) => total + (Number.isFinite(value) ? value : 0), 0);
}
