export { GET, POST, PUT, PATCH, DELETE } from 'meterboard/api';
