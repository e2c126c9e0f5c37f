/** The SDK's attribute hash (sdk-metrics utils.hashAttributes): keys sorted, then JSON; one attribute set, one key. */
export function attributesKey(attributes) {
    return JSON.stringify(Object.keys(attributes).sort().map((key) => [key, attributes[key]]));
}
