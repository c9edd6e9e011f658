/** NATS headers that carry request metadata alongside every payload. */
export const Headers = {
  requestId: 'x-request-id',
} as const;
