#!/usr/bin/env node
// Sends a bounded mix of demo traffic to a running meterboard and stops by itself:
// every demo route, the slow report, the sometimes-failing shipment, bad input (400) and 404s.
//
//   npm run traffic                      # 600 requests to http://localhost:3000
//   npm run traffic -- --requests 2000 --concurrency 8 --url http://127.0.0.1:3100

import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.METERBOARD_URL ?? 'http://localhost:3000' },
    requests: { type: 'string', default: '600' },
    concurrency: { type: 'string', default: '4' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run traffic -- [--url http://localhost:3000] [--requests 600] [--concurrency 4]');
  process.exit(0);
}

const baseUrl = new URL(values.url);
const total = positiveInteger('--requests', values.requests, 100_000);
const concurrency = positiveInteger('--concurrency', values.concurrency, 64);
// Give up on a request after this long, so the run always ends.
const REQUEST_TIMEOUT_MS = 10_000;

/** The n-th request of the mix (weights: mostly reads, some writes, a few errors and 404s). */
function request(n) {
  const id = 1001 + (n % 3);
  const pick = n % 20;
  if (pick < 5) return { method: 'GET', path: '/api/orders' };
  if (pick < 9) return { method: 'GET', path: `/api/orders/${id}` };
  if (pick < 11) return { method: 'GET', path: `/orders/${id}` };
  if (pick < 12) return { method: 'GET', path: '/orders' };
  if (pick < 14) return { method: 'POST', path: `/api/orders/${id}/ship` };
  if (pick < 15) return { method: 'GET', path: `/api/orders/report?format=${n % 40 < 20 ? 'summary' : 'detailed'}` };
  if (pick < 16) return { method: 'POST', path: '/api/orders', body: { item: 'Traffic beans', quantity: 1 + (n % 5), unitPrice: 9.5 } };
  if (pick < 17) return { method: 'POST', path: '/api/orders', body: { item: '', quantity: 0 } };
  if (pick < 18) return { method: 'GET', path: `/api/orders/${90000 + n}` };
  return { method: 'GET', path: `/no-such-page/${n}` };
}

const byStatus = new Map();
let next = 0;
let done = 0;
let failed = 0;
let lastReported = 0;
const started = performance.now();

async function worker() {
  while (next < total) {
    const { method, path, body } = request(next++);
    try {
      const response = await fetch(new URL(path, baseUrl), {
        method,
        headers: body ? { 'content-type': 'application/json' } : undefined,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
    } catch (error) {
      failed++;
      if (failed === 1) console.error(`request to ${path} failed: ${error.cause?.code ?? error.message}`);
    }
    done++;
    if (done - lastReported >= Math.max(1, Math.floor(total / 10)) || done === total) {
      lastReported = done;
      console.log(`${done}/${total} requests sent`);
    }
  }
}

console.log(`Sending ${total} requests to ${baseUrl.origin} with ${concurrency} at a time…`);
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${status}: ${count}`).join(', ');
console.log(`Done in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(1)} req/s). By status: ${statuses || 'none'}${failed ? `; ${failed} failed to connect` : ''}.`);
if (failed === total) {
  console.error(`No request reached ${baseUrl.origin}: is the app running (npm run dev)?`);
  process.exit(1);
}

function positiveInteger(flag, raw, max) {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`${flag} must be a whole number from 1 to ${max}, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}
