import { redactPersonalData } from '@rasad/messaging';

/**
 * The error's text with phones and CNICs blanked. The driver quotes a failing statement with its bound values (a
 * recipient's phone), and the event consumer logs a handler's error and stores it in dead letters.
 */
export function withoutPersonalData(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  const redacted = redactPersonalData(message);
  // An error that quotes nothing personal keeps its class and stack (UnknownPostError, say).
  return redacted === message && error instanceof Error ? error : new Error(redacted);
}

/** Runs a step whose SQL binds personal data, so that its failure says what went wrong without quoting them. */
export async function redactingFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw withoutPersonalData(error);
  }
}
