/** Small chart arithmetic: a round top for the axis, and bar geometry for a series of counts. */

/** The smallest "nice" number (1, 2 or 5 times a power of ten) at or above the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/** Bars for `values` filling `width` × `height`, with a gap between them. */
export function bars(
  values: readonly number[],
  width: number,
  height: number,
  top = niceMax(Math.max(0, ...values)),
): Bar[] {
  if (values.length === 0) return [];
  const slot = width / values.length;
  const gap = Math.min(2, slot * 0.2);
  return values.map((value, i) => {
    const h = top > 0 ? (value / top) * height : 0;
    return { x: i * slot + gap / 2, y: height - h, width: Math.max(slot - gap, 0.5), height: h, value };
  });
}

/** An axis for counts: whole steps of 1, 2 or 5 times a power of ten, about four of them. */
export function countAxis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const step = Math.max(1, niceMax(max / 4));
  return { top: Math.ceil(max / step) * step, step };
}

/** The ticks of an axis, from 0 to its top. */
export function ticks(axis: { top: number; step: number }): number[] {
  const out: number[] = [];
  for (let v = 0; v <= axis.top; v += axis.step) out.push(v);
  return out;
}
