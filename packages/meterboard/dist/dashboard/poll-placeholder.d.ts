/** What a polling page shows before its first answer: that it is loading, or why the poll of `endpoint` failed. */
export declare function PollPlaceholder({ endpoint, error }: {
    endpoint: string;
    error: Error | undefined;
}): import("react").JSX.Element;
