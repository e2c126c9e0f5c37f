// Scrape cost: rendering /metrics (collect + Prometheus text) with ~200 and 10,000 series, against
// prom-client's register.metrics() on the same series, each up to the UTF-8 bytes of the response. "Series" as Prometheus counts them: one per
// sample line (each histogram label set is 15 bucket lines + _sum + _count). Interleaved rounds.
import { test } from 'vitest';
import { report, round, SHORT } from './report.js';
import { interleavedScrapes, meterboardScrape, promClientScrape, seriesIn, SERIES_PER_HISTOGRAM_LABEL_SET } from './scrape-setup.js';

const ROUNDS = SHORT ? 3 : 21;
const SIZES = [
  { histogramLabelSets: 11, counterSeries: 13, limit: 2 },
  { histogramLabelSets: 560, counterSeries: 480, limit: 50 },
];

test('scrape', async () => {
  const rows = [];
  const targets = [];
  for (const { histogramLabelSets, counterSeries, limit } of SIZES) {
    const ours = meterboardScrape(histogramLabelSets, counterSeries);
    const theirs = promClientScrape(histogramLabelSets, counterSeries);
    const series = histogramLabelSets * SERIES_PER_HISTOGRAM_LABEL_SET + counterSeries;
    const [ourText, theirText] = [await ours(), await theirs()];
    if (seriesIn(ourText) !== series || seriesIn(theirText) !== series) {
      throw new Error(`expected ${series} series, meterboard rendered ${seriesIn(ourText)}, prom-client ${seriesIn(theirText)}`);
    }
    const { oursMs, theirsMs } = await interleavedScrapes(ours, theirs, ROUNDS);
    rows.push({ series, 'meterboard (ms)': round(oursMs), 'prom-client (ms)': round(theirsMs), 'ratio meterboard / prom-client': round(oursMs / theirsMs), 'meterboard bytes': ourText.length });
    targets.push({ metric: `/metrics with ${series} series, median`, value: oursMs, unit: 'ms', limit });
  }
  report({
    scenario: 'scrape',
    method: `Collect + Prometheus text of the same series (histogram label sets with the semconv buckets, plus counter series); median of ${ROUNDS} interleaved rounds after 2 warm-up rounds.`,
    rows,
    targets,
  });
});
