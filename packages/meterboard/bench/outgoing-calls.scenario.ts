// What recording one outgoing HTTP call costs: the diagnostics channel messages undici publishes
// for a fetch (create, headers, trailers) go through meterboard's subscribers, side by side with the
// same three publishes to channels whose subscribers do nothing (the dispatch undici pays once anyone
// subscribes), and with a real fetch to a local server for scale. Interleaved rounds, median per call.
import diagnosticsChannel from 'node:diagnostics_channel';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { test } from 'vitest';
import { DurationHistograms } from '../src/record/duration-histograms.js';
import { instrumentOutgoingCalls } from '../src/record/outgoing-calls.js';
import { median, report, round, SHORT } from './report.js';

const ROUNDS = SHORT ? 3 : 21;
const CALLS_PER_ROUND = SHORT ? 5_000 : 200_000;
const FETCHES_PER_ROUND = SHORT ? 20 : 300;
const WARMUP_ROUNDS = SHORT ? 1 : 5;

test('outgoing-calls', async () => {
  const durationHistograms = new DurationHistograms({ name: 'meterboard' });
  const routes = ['/orders/[id]', '/checkout', '/api/quote', undefined];
  let call = 0;
  const recorder = instrumentOutgoingCalls({ durationHistograms, routeOf: () => routes[call & 3] });

  const undici = ['undici:request:create', 'undici:request:headers', 'undici:request:trailers'].map((name) => diagnosticsChannel.channel(name));
  const noop = ['bench:create', 'bench:headers', 'bench:trailers'].map((name) => {
    const channel = diagnosticsChannel.channel(name);
    channel.subscribe(() => {});
    return channel;
  });
  // Two hosts, as undici's request objects carry them; a fresh request object per call, as undici makes one.
  const origins = ['https://api.stripe.com', 'http://10.0.0.7:8080'];
  const response = { statusCode: 200 };
  const nanosecondsPerCall = ([create, headers, trailers]: diagnosticsChannel.Channel[]) => {
    const start = performance.now();
    for (let i = 0; i < CALLS_PER_ROUND; i++) {
      call = i;
      const request = { origin: origins[i & 1], method: i & 2 ? 'POST' : 'GET' };
      create.publish({ request });
      headers.publish({ request, response });
      trailers.publish({ request, trailers: [] });
    }
    return ((performance.now() - start) * 1e6) / CALLS_PER_ROUND;
  };

  // node:http: the request's start, its response's headers, then the response's 'close' (a fresh
  // request and response object per call, in both variants).
  const nodeHttp = ['http.client.request.start', 'http.client.response.finish'].map((name) => diagnosticsChannel.channel(name));
  const nodeNoop = ['bench:start', 'bench:finish'].map((name) => {
    const channel = diagnosticsChannel.channel(name);
    channel.subscribe(() => {});
    return channel;
  });
  const hostHeaders = ['api.stripe.com', '10.0.0.7:8080'];
  const nanosecondsPerHttpCall = ([started, finished]: diagnosticsChannel.Channel[]) => {
    const start = performance.now();
    for (let i = 0; i < CALLS_PER_ROUND; i++) {
      call = i;
      const hostHeader = hostHeaders[i & 1];
      const request = { host: i & 1 ? '10.0.0.7' : 'api.stripe.com', protocol: i & 1 ? 'http:' : 'https:', method: 'GET', getHeader: () => hostHeader };
      const response = Object.assign(new EventEmitter(), { statusCode: 200, complete: true });
      started.publish({ request });
      finished.publish({ request, response });
      response.emit('close');
    }
    return ((performance.now() - start) * 1e6) / CALLS_PER_ROUND;
  };

  const server = http.createServer((_request, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const microsecondsPerFetch = async () => {
    const start = performance.now();
    for (let i = 0; i < FETCHES_PER_ROUND; i++) await (await fetch(url)).text();
    return ((performance.now() - start) * 1e3) / FETCHES_PER_ROUND;
  };

  const ours: number[] = [];
  const dispatch: number[] = [];
  const oursHttp: number[] = [];
  const dispatchHttp: number[] = [];
  const fetches: number[] = [];
  for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
    const [first, second] = r % 2 === 0 ? [undici, noop] : [noop, undici];
    const a = nanosecondsPerCall(first);
    const b = nanosecondsPerCall(second);
    const [firstHttp, secondHttp] = r % 2 === 0 ? [nodeHttp, nodeNoop] : [nodeNoop, nodeHttp];
    const c = nanosecondsPerHttpCall(firstHttp);
    const d = nanosecondsPerHttpCall(secondHttp);
    const fetched = await microsecondsPerFetch();
    // As the history does once a second.
    recorder.drain();
    if (r < WARMUP_ROUNDS) continue;
    ours.push(first === undici ? a : b);
    dispatch.push(first === undici ? b : a);
    oursHttp.push(firstHttp === nodeHttp ? c : d);
    dispatchHttp.push(firstHttp === nodeHttp ? d : c);
    fetches.push(fetched);
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));

  const own = median(ours.map((value, i) => value - dispatch[i]));
  const total = median(ours);
  const ownHttp = median(oursHttp.map((value, i) => value - dispatchHttp[i]));
  report({
    scenario: 'outgoing-calls',
    method: `${ROUNDS} interleaved rounds after ${WARMUP_ROUNDS} warm-up rounds: ${CALLS_PER_ROUND} calls' three undici messages (create, headers, trailers; 2 hosts, 2 methods, 4 routes) through meterboard's subscribers, and the same publishes to no-op subscribers; the same for node:http's two messages and its response's close; ${FETCHES_PER_ROUND} real fetches to a local server per round for scale.`,
    rows: [
      { variant: "meterboard's subscribers (3 messages)", 'ns per call': round(total) },
      { variant: 'the same publishes, no-op subscribers', 'ns per call': round(median(dispatch)) },
      { variant: "meterboard's own work (difference)", 'ns per call': round(own) },
      { variant: 'node:http: the same publishes and close, no-op subscribers', 'ns per call': round(median(dispatchHttp)) },
      { variant: "node:http: meterboard's own work (difference)", 'ns per call': round(ownHttp) },
      { variant: 'a fetch to a local server (for scale)', 'ns per call': round(median(fetches) * 1000) },
    ],
    targets: [
      { metric: 'recording per fetch call (dispatch included)', value: total / 1000, unit: 'µs', limit: 1 },
      { metric: 'recording per node:http call (our work)', value: ownHttp / 1000, unit: 'µs', limit: 1 },
    ],
  });
});
