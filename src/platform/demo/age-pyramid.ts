// 人口ピラミッド (age pyramid) of a small, ageing Japanese coastal town, from which the synthetic
// residents' ages are drawn. The shape follows the published age structure of towns such as
// 葉山町・大磯町・二宮町 (総務省「住民基本台帳に基づく人口、人口動態及び世帯数」, 国勢調査 2020):
// few births, a dip in the twenties (young adults leave for the cities), the 団塊ジュニア bulge
// around 50, the 団塊の世代 bulge in the mid-seventies, and about a third of residents aged 65 or
// over (高齢化率). The numbers are relative weights per single year of age, not real counts.
import type { SeededRandom } from "./seeded-random.ts";

export const MAX_AGE = 105;

/** [first age of the five-year band, relative number of persons per single year of age]. */
const BANDS: readonly (readonly [number, number])[] = [
  [0, 0.55], [5, 0.65], [10, 0.75], [15, 0.8], [20, 0.72], [25, 0.66], [30, 0.7], [35, 0.8],
  [40, 0.92], [45, 1.15], [50, 1.2], [55, 1.05], [60, 1.0], [65, 1.05], [70, 1.3], [75, 1.15],
  [80, 0.9], [85, 0.6], [90, 0.3], [95, 0.08], [100, 0.012],
];

/**
 * Share of the persons of an age who head a household (世帯主率): few in their early twenties
 * (most still live with their parents), most adults later, fewer again among the very old, many
 * of whom live with a child or in a care facility. Shaped after 国勢調査 2020 世帯主率.
 */
const HEADSHIP: readonly (readonly [number, number])[] = [
  [18, 0.06], [22, 0.18], [25, 0.26], [30, 0.36], [40, 0.48], [65, 0.58], [75, 0.64], [85, 0.62], [95, 0.5], [100, 0.4],
];

/** Linear interpolation between band midpoints, flat before the first and after the last. */
function perYear(points: readonly (readonly [number, number])[], age: number, midpointOffset: number): number {
  const first = points[0] as readonly [number, number];
  const last = points[points.length - 1] as readonly [number, number];
  if (age <= first[0] + midpointOffset) return first[1];
  if (age >= last[0] + midpointOffset) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i] as readonly [number, number];
    const [x0, y0] = points[i - 1] as readonly [number, number];
    const m0 = x0 + midpointOffset;
    const m1 = x1 + midpointOffset;
    if (age <= m1) return y0 + ((y1 - y0) * (age - m0)) / (m1 - m0);
  }
  return last[1];
}

/** Relative number of residents of each single year of age 0…105. */
export function pyramidWeight(age: number): number {
  if (age < 0 || age > MAX_AGE) return 0;
  if (age === MAX_AGE) return 0.002;
  return perYear(BANDS, age, 2);
}

function headshipRate(age: number): number {
  return age < 18 ? 0 : perYear(HEADSHIP, age, 0);
}

/** Draws ages in a range with probabilities proportional to a per-age weight. */
export class AgeDistribution {
  private readonly cumulative = new Float64Array(MAX_AGE + 2);

  constructor(weight: (age: number) => number) {
    for (let age = 0; age <= MAX_AGE; age++) {
      this.cumulative[age + 1] = (this.cumulative[age] as number) + weight(age);
    }
  }

  /** An age in [lo, hi] (clamped to 0…105), or null when that range has no weight. */
  draw(random: SeededRandom, lo: number, hi: number): number | null {
    const from = Math.max(0, Math.ceil(lo));
    const to = Math.min(MAX_AGE, Math.floor(hi));
    if (to < from) return null;
    const base = this.cumulative[from] as number;
    const span = (this.cumulative[to + 1] as number) - base;
    if (span <= 0) return null;
    const target = base + random.next() * span;
    let a = from;
    let b = to;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((this.cumulative[mid + 1] as number) > target) b = mid;
      else a = mid + 1;
    }
    return a;
  }
}

/** Ages of residents of the town. */
export const residentAges = new AgeDistribution(pyramidWeight);

/** Ages of heads of household (世帯主): the pyramid weighted by the headship rate. */
export const headOfHouseholdAges = new AgeDistribution((age) => pyramidWeight(age) * headshipRate(age));
