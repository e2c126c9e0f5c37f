import type { APIRequestContext } from '@playwright/test';

/** One sample of a Prometheus text exposition. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Scrapes /metrics (of `baseURL`, else the project's) and parses every sample line. */
export async function scrape(request: APIRequestContext, baseURL = ''): Promise<PrometheusSample[]> {
  const response = await request.get(`${baseURL}/metrics`);
  if (!response.ok()) throw new Error(`/metrics answered ${response.status()}`);
  return parseExposition(await response.text());
}

/** Parses the sample lines of a Prometheus text exposition (0.0.4). */
export function parseExposition(text: string): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) throw new Error(`unparseable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = raw.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** Sum of the values of samples named `name` whose labels include every label in `where`; absent labels are given as undefined. */
export function sumOf(samples: PrometheusSample[], name: string, where: Record<string, string | undefined>): number {
  return samples
    .filter((sample) => sample.name === name && Object.entries(where).every(([key, value]) => sample.labels[key] === value))
    .reduce((total, sample) => total + sample.value, 0);
}

/** Requests counted by http_server_request_duration_seconds for a method, route (undefined: unmatched) and, if given, status. */
export function requestCount(
  samples: PrometheusSample[],
  { method, route, status }: { method: string; route: string | undefined; status?: number },
): number {
  return sumOf(samples, 'http_server_request_duration_seconds_count', {
    http_request_method: method,
    http_route: route,
    ...(status === undefined ? {} : { http_response_status_code: String(status) }),
  });
}
