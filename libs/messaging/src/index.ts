export * from './nats-options';
export * from './validation.pipe';
export * from './rpc-exception.filter';
export * from './rpc-logging.interceptor';
export * from './rasad-client';
export * from './messaging.module';
