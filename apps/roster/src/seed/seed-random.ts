/** mulberry32: tiny, fast and good enough for demo data; the same seed always gives the same sequence. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) {
        return value;
      }
    }
    return entries[entries.length - 1][0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** Draws until `draw` gives a value not yet in `taken`, then records it. */
  unique(taken: Set<string>, draw: () => string): string {
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const value = draw();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
    throw new Error('SeededRandom.unique: value space exhausted');
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i += 1) {
      out += String(this.int(0, 9));
    }
    return out;
  }
}

// Shared with other services' demo data, which names the roster's demo records by the same keys.
export { demoUuid } from '@rasad/common';
