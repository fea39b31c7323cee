export * from './outbox';
export * from './compose';
export * from './limits';
export { smtpTransport, nodemailerTransport } from './transport';
