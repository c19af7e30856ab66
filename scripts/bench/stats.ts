// Small, pure statistics for benchmark numbers.

/** Linear-interpolated percentile (p in 0..100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation. */
export function stddev(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

export interface Distribution {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  total: number;
}

export function distribution(values: readonly number[]): Distribution {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    mean: mean(values),
    total: values.reduce((a, b) => a + b, 0),
  };
}

export interface Variation {
  values: number[];
  mean: number;
  /** Standard deviation / mean. */
  coefficientOfVariation: number;
  /** (max − min) / mean: the "within 5%" figure, stricter than the CV. */
  relativeSpread: number;
}

export function variation(values: readonly number[]): Variation {
  const m = mean(values);
  return {
    values: [...values],
    mean: m,
    coefficientOfVariation: m === 0 ? 0 : stddev(values) / m,
    relativeSpread: m === 0 ? 0 : (Math.max(...values) - Math.min(...values)) / m,
  };
}

/** Rounds for display and JSON: keeps numbers readable without losing what matters. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
