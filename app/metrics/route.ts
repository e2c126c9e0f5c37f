export { GET, OPTIONS, POST, PUT, PATCH, DELETE } from 'meterboard/metrics';
