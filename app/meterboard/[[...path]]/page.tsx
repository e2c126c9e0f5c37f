export { default, generateMetadata } from 'meterboard/dashboard';
