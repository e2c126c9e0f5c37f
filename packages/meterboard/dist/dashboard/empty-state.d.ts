/** What the dashboard shows before the app has served any measured request. */
export declare function EmptyState(): import("react").JSX.Element;
