import { DataPointType } from '@opentelemetry/sdk-metrics';
import { logOnce } from '../log-once.js';
import { prometheusLabelName, prometheusMetricName } from '../promql/names.js';
/**
 * The Prometheus text exposition (format 0.0.4) of a collection, line for line what
 * @opentelemetry/exporter-prometheus's PrometheusSerializer writes (`_total`, `otel_scope_*`
 * labels, target_info), with five differences:
 * - names carry their unit (`http_server_request_duration_seconds`), as the OpenTelemetry–Prometheus
 *   compatibility specification asks and as an OTLP push lands in Prometheus, so one metric has one
 *   name whichever path it took (the exporter adds none);
 * - a name that several meters use is one metric family, one HELP/TYPE block with every meter's
 *   samples (the exporter repeats the block, which strict scrapers reject:
 *   https://github.com/open-telemetry/opentelemetry-js/issues/3467); a meter whose instrument of that
 *   name has another type is left out, and logged once;
 * - label names that start with a digit get a leading `_`, so every label name is valid;
 * - exponential histograms, which the text format cannot carry, are left out and logged once (the
 *   exporter writes an empty "untyped" block for them);
 * - a label appears once per sample: attributes whose names become the same label are joined, and
 *   an attribute that would become `le` or an `otel_scope_*` label is left out (the exporter writes
 *   both, which makes the line invalid).
 * Labels are rendered once per attribute object (the SDK and meterboard's series keep theirs across
 * collections), which makes it several times faster than the exporter on large scrapes.
 */
export function serializePrometheusText({ resource, scopeMetrics }) {
    const families = new Map();
    for (const { scope, metrics } of scopeMetrics) {
        const scopeLabels = renderLabels(scopeAttributes(scope), NOTHING_RESERVED);
        for (const metric of metrics) {
            const name = prometheusName(metric);
            const type = prometheusType(metric);
            if (name === undefined || type === undefined)
                continue;
            const family = families.get(name);
            if (family === undefined)
                families.set(name, { metric, type, members: [{ metric, scopeLabels }] });
            else if (family.type === type)
                family.members.push({ metric, scopeLabels });
            else
                logOnce(`prometheus-type ${name}`, `"${name}" is a ${family.type} in one meter and a ${type} in meter "${scope.name}"; the ${type} is left out of /metrics`);
        }
    }
    let text = `# HELP target_info Target metadata\n# TYPE target_info gauge\ntarget_info${braced(renderLabels(resource.attributes, NOTHING_RESERVED))} 1\n`;
    if (families.size === 0)
        return `${text}${NO_REGISTERED_METRICS}`;
    for (const [name, { metric, type, members }] of families) {
        const { description, unit } = metric.descriptor;
        text += `# HELP ${name} ${escapeText(description || 'description missing')}\n`;
        if (unit)
            text += `# UNIT ${name} ${escapeText(unit)}\n`;
        text += `# TYPE ${name} ${type}\n`;
        for (const member of members)
            text += type === 'histogram' ? histogramSamples(name, member) : valueSamples(name, member);
    }
    return text;
}
const NO_REGISTERED_METRICS = '# no registered metrics';
function prometheusType(metric) {
    switch (metric.dataPointType) {
        case DataPointType.SUM:
            return metric.isMonotonic ? 'counter' : 'gauge';
        case DataPointType.GAUGE:
            return 'gauge';
        case DataPointType.HISTOGRAM:
            return 'histogram';
        default:
            // The text format has no exponential histograms; the exporter writes an empty "untyped" block.
            logOnce(`prometheus-exponential ${metric.descriptor.name}`, `"${metric.descriptor.name}" is an exponential histogram, which the Prometheus text format cannot carry; it is left out of /metrics`);
            return undefined;
    }
}
/** The specification's name rules (lib/promql/names.ts); a name with nothing valid left is logged once and left out. */
function prometheusName(metric) {
    const name = prometheusMetricName(metric.descriptor.name, {
        unit: metric.descriptor.unit,
        monotonicSum: metric.dataPointType === DataPointType.SUM && metric.isMonotonic,
        gauge: metric.dataPointType === DataPointType.GAUGE,
    });
    if (name === undefined) {
        logOnce(`prometheus-name ${metric.descriptor.name}`, `metric name "${metric.descriptor.name}" has no valid Prometheus name; it is left out of /metrics`);
    }
    return name;
}
function valueSamples(name, { metric, scopeLabels }) {
    let text = '';
    for (const point of metric.dataPoints) {
        text += `${name}${braced(join(labelsOf(point.attributes), scopeLabels))} ${valueText(point.value)}\n`;
    }
    return text;
}
function histogramSamples(name, { metric, scopeLabels }) {
    let text = '';
    for (const point of metric.dataPoints) {
        const labels = join(labelsOf(point.attributes), scopeLabels);
        const { count, sum, buckets } = point.value;
        text += `${name}_count${braced(labels)} ${valueText(count)}\n`;
        if (sum !== undefined)
            text += `${name}_sum${braced(labels)} ${valueText(sum)}\n`;
        let cumulative = 0;
        for (let i = 0; i < buckets.counts.length; i++) {
            cumulative += buckets.counts[i];
            const upper = buckets.boundaries[i];
            const le = upper === undefined || upper === Infinity ? '+Inf' : String(upper);
            text += `${name}_bucket{${join(labels, `le="${le}"`)}} ${cumulative}\n`;
            if (upper === Infinity)
                break;
        }
    }
    return text;
}
// Rendered labels by attribute object: series keep their attribute objects across collections.
const renderedLabels = new WeakMap();
function labelsOf(attributes) {
    let labels = renderedLabels.get(attributes);
    if (labels === undefined) {
        labels = renderLabels(attributes);
        renderedLabels.set(attributes, labels);
    }
    return labels;
}
// Label names the exposition itself writes: a sample's attribute that would become one is left out.
const RESERVED_LABELS = new Set(['le', 'otel_scope_name', 'otel_scope_version', 'otel_scope_schema_url']);
const NOTHING_RESERVED = new Set();
/**
 * `key="value",…` in the attributes' order, names made valid and values escaped; '' for none.
 * Attributes whose names become the same label ("a.b" and "a_b") are one label, their values
 * joined with ";" in the order of the original keys, as the OpenTelemetry spec asks
 * (https://opentelemetry.io/docs/specs/otel/compatibility/prometheus_and_openmetrics/#metric-attributes):
 * a label may appear only once.
 */
function renderLabels(attributes, reserved = RESERVED_LABELS) {
    const byLabel = new Map();
    for (const key in attributes) {
        const label = prometheusLabelName(key);
        if (reserved.has(label)) {
            logOnce(`prometheus-reserved-label ${label}`, `attribute "${key}" would be the label "${label}", which /metrics writes itself; it is left out`);
            continue;
        }
        const keys = byLabel.get(label);
        if (keys === undefined)
            byLabel.set(label, [key]);
        else
            keys.push(key);
    }
    let labels = '';
    for (const [label, keys] of byLabel) {
        const value = keys.length === 1 ? escapeLabelValue(attributes[keys[0]]) : keys.sort().map((key) => escapeLabelValue(attributes[key])).join(';');
        labels += `${labels === '' ? '' : ','}${label}="${value}"`;
    }
    return labels;
}
function scopeAttributes(scope) {
    const attributes = { 'otel.scope.name': scope.name };
    if (scope.schemaUrl)
        attributes['otel.scope.schema_url'] = scope.schemaUrl;
    if (scope.version)
        attributes['otel.scope.version'] = scope.version;
    return attributes;
}
function join(left, right) {
    return left === '' ? right : right === '' ? left : `${left},${right}`;
}
function braced(labels) {
    return labels === '' ? '' : `{${labels}}`;
}
/** HELP text and names: backslash and newline escaped (https://prometheus.io/docs/instrumenting/exposition_formats/#comments-help-text-and-type-information). */
function escapeText(text) {
    return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
/** Label values: strings as they are, anything else as JSON; backslash, newline and double quote escaped. */
function escapeLabelValue(value) {
    const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
    return escapeText(text).replace(/"/g, '\\"');
}
function valueText(value) {
    return value === Infinity ? '+Inf' : value === -Infinity ? '-Inf' : `${value}`;
}
