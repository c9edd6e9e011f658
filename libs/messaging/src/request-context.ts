import { CallerScope } from '@rasad/contracts';
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  /** The signed-in caller's districts, set by the gateway's guard; services read theirs from a header. */
  scope?: CallerScope;
}

const contexts = new AsyncLocalStorage<RequestContext>();

/** Runs `work` inside a request: events recorded in it carry the id, requests sent from it carry id and scope. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return contexts.run(context, work);
}

export function withRequestId<T>(requestId: string, work: () => T): T {
  return withRequestContext({ requestId }, work);
}

export function currentRequestId(): string | null {
  return contexts.getStore()?.requestId ?? null;
}

export function currentScope(): CallerScope | undefined {
  return contexts.getStore()?.scope;
}
