/**
 * A small seeded PRNG. Faker is too slow to call per field for 200,000 rows, so faker only
 * fills word pools once and this generator picks from them.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** A HighLevel-looking id: 20 alphanumeric characters. */
  id(): string
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const ID_CODES: number[] = new Array<number>(20).fill(0)

/** mulberry32: tiny, fast and good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    id() {
      // One string per id instead of twenty intermediate ones: ids are most of generation's garbage.
      for (let i = 0; i < 20; i++) ID_CODES[i] = ID_ALPHABET.charCodeAt(Math.floor(next() * ID_ALPHABET.length))
      return String.fromCharCode(...ID_CODES)
    },
  }
}

/** Derives an independent seed from a base seed and a label (FNV-1a), e.g. per conversation. */
export function deriveSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/** Picks a key of a weight table, in proportion to its weight. */
export function weightedPicker<K extends string>(weights: Readonly<Record<K, number>>): (random: Random) => K {
  const keys = Object.keys(weights) as K[]
  const cumulative: number[] = []
  let sum = 0
  for (const key of keys) {
    sum += weights[key]
    cumulative.push(sum)
  }
  return (random) => {
    const target = random.next() * sum
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if ((cumulative[mid] ?? 0) > target) high = mid
      else low = mid + 1
    }
    return keys[low] as K
  }
}
