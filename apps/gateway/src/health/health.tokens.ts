export const GATEWAY_PG_POOL = Symbol('GATEWAY_PG_POOL');
