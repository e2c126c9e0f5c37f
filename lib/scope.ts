import packageJson from '../package.json';

export { METER_NAME } from './meter-name';

/** Version reported with METER_NAME: the package's. */
export const METER_VERSION = packageJson.version;
