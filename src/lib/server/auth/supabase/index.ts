export * from './verify';
export * from './sign-in';
