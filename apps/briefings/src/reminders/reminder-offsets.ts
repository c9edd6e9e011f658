/**
 * REMINDER_OFFSETS as seconds before a session, largest first and without repeats ("86400,7200" → [86400, 7200]).
 * The env class has already checked the format; this refuses anything else all the same, naming the variable.
 */
export function parseReminderOffsets(text: string): number[] {
  const offsets = text.split(',').map((part) => Number(part.trim()));
  if (offsets.some((offset) => !Number.isSafeInteger(offset) || offset < 1)) {
    throw new Error(`REMINDER_OFFSETS must be whole seconds before a session, comma-separated; got "${text}"`);
  }
  return [...new Set(offsets)].sort((a, b) => b - a);
}
