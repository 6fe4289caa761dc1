/**
 * A seeded pseudo-random generator (sfc32), so the same seed gives the same persons and queries on
 * every machine and run; Math.random() cannot be seeded.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  // The first outputs of sfc32 still echo the seed; discard them.
  for (let i = 0; i < 15; i++) {
    next();
  }
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) {
        throw new Error("pick() from an empty list");
      }
      return items[int(items.length)] as T;
    },
  };
}

/** Picks by weight in O(log n): the cumulative weights are computed once. */
export interface WeightedList<T> {
  pick(random: Random): T;
  readonly items: readonly T[];
}

export function weightedList<T>(entries: readonly (readonly [T, number])[]): WeightedList<T> {
  const items = entries.map(([item]) => item);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return {
    items,
    pick(random) {
      const target = random.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((cumulative[mid] ?? 0) > target) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      return items[low] as T;
    },
  };
}

/** Zipf-like weights by rank: frequent names are much more frequent, as in a real population. */
export const byRank = <T>(items: readonly T[], offset = 5): [T, number][] =>
  items.map((item, rank) => [item, 1 / (rank + offset)]);
