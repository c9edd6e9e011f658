export * from './services';
export * from './eventually';
export * from './http-client';
export * from './factories';
export * from './nats-server';
export * from './processes';
export * from './webhook-receiver';
export * from './pdf-text';
