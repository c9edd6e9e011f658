/** Applies only the fields present in a partial update: an absent field keeps its value, null clears it. */
export function assignDefined<T extends object>(target: T, changes: Partial<T>): T {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) {
      (target as Record<string, unknown>)[key] = value;
    }
  }
  return target;
}
