// A benchmark's curves as a standalone SVG line chart, for the README: drawn by Observable Plot into
// linkedom's document (a DOM without a browser, as Observable Framework renders Plot on the server).
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** One line: its name in the legend and its points. */
export interface Curve {
  name: string;
  points: ReadonlyArray<{ x: number; y: number }>;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  curves: readonly Curve[];
  /** Logarithmic axes (for sizes over decades). */
  logX?: boolean;
  logY?: boolean;
}

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea'];
const HEADER = 48;

/** The chart as an SVG document. */
export function lineChartSvg({ title, xLabel, yLabel, curves, logX = false, logY = false }: ChartSpec): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const data = curves.flatMap((curve) => curve.points.map((point) => ({ ...point, curve: curve.name })));
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 720,
    height: 340,
    marginLeft: 60,
    marginBottom: 40,
    style: { background: '#fff', fontSize: '12px' },
    x: { type: logX ? 'log' : 'linear', label: xLabel, labelAnchor: 'center', labelArrow: 'none', grid: true, ticks: [...new Set(data.map((point) => point.x))], tickFormat: (x: number) => x.toLocaleString('en-US') },
    y: { type: logY ? 'log' : 'linear', label: yLabel, labelArrow: 'none', grid: true, zero: !logY, tickFormat: (y: number) => y.toLocaleString('en-US', { maximumSignificantDigits: 3 }) },
    color: { domain: curves.map((curve) => curve.name), range: COLORS },
    marks: [Plot.line(data, { x: 'x', y: 'y', stroke: 'curve', strokeWidth: 2 }), Plot.dot(data, { x: 'x', y: 'y', fill: 'curve', r: 3 })],
  });
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height')) + HEADER;
  // The title and the legend, as SVG (Plot draws its legend in HTML, which an SVG file cannot hold).
  let x = 60;
  const legend = curves.map((curve, i) => {
    const item = `<g transform="translate(${x},36)"><rect width="12" height="12" y="-10" fill="${COLORS[i % COLORS.length]}"/><text x="18">${escape(curve.name)}</text></g>`;
    x += 34 + curve.name.length * 6.6;
    return item;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="15" font-weight="600">${escape(title)}</text>`,
    ...legend,
    `<g transform="translate(0,${HEADER})">${svg.outerHTML}</g>`,
    '</svg>\n',
  ].join('');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
