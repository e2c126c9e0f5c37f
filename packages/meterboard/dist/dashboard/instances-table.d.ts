import type { InstanceStats } from '../query/stats-types.js';
/** With METRICS_SOURCE=prometheus: every instance Prometheus scrapes, and how each is doing over the window. */
export declare function InstancesTable({ instances }: {
    instances: readonly InstanceStats[];
}): import("react").JSX.Element;
