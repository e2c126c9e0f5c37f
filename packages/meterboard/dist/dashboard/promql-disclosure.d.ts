/** The PromQL that charts the same numbers in Prometheus or Grafana, folded away, with a copy button. */
export declare function PromqlDisclosure({ queries }: {
    queries: readonly string[];
}): import("react").JSX.Element;
