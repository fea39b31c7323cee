export * from './outbox';
export * from './compose';
export { smtpTransport } from './transport';
