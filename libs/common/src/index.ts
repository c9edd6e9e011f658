export * from './env';
export * from './base.env';
export * from './preflight';
export * from './logging';
export * from './orm-context.interceptor';
export * from './pg-errors';
export * from './database';
export * from './migrate';
