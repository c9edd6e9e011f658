export * from './services';
export * from './eventually';
export * from './http-client';
export * from './factories';
export * from './nats-server';
export * from './nats-cluster';
export * from './processes';
export * from './webhook-receiver';
