import type { Attributes } from '@opentelemetry/api';
/** The SDK's attribute hash (sdk-metrics utils.hashAttributes): keys sorted, then JSON; one attribute set, one key. */
export declare function attributesKey(attributes: Attributes): string;
