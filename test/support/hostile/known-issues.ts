import { HostileRequest } from './hostile-requests';

/**
 * 5xx answers the suite knows of and tolerates until their owners fix them, each named: route, the request that causes
 * it and why it is left. The suite prints every case it tolerated; an answer that matches no entry fails it.
 */
export interface KnownIssue {
  method: string;
  /** As the OpenAPI document writes it. */
  path: string;
  issue: string;
  matches(request: HostileRequest, answer: { status: number; body: any }): boolean;
}

export const KNOWN_ISSUES: KnownIssue[] = [];
