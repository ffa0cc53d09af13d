/**
 * A zone's control history as a chart: one row per holder, a bar for each stretch it held the
 * zone, on one time axis from the first entry to a little after the last change. An entry still
 * open runs to the end of the axis, marked as going on. Positions are fractions of the axis (0-1),
 * so the chart is laid out by CSS at any width; time runs left to right in both languages.
 */
const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

export interface ControlSpan {
  actors: string[];
  from: string;
  to: string | null;
}

export interface TimelineBar {
  /** The entry's place in the history. */
  entry: number;
  from: number;
  to: number | null;
  start: number;
  end: number;
}

export interface Timeline {
  start: number;
  end: number;
  rows: { actor: string; bars: TimelineBar[] }[];
  /** Where to mark the axis: the first day of a year, or of a month when the history is short. */
  ticks: { at: number; x: number; unit: 'year' | 'month' }[];
}

export function controlTimeline(control: readonly ControlSpan[]): Timeline | null {
  if (control.length === 0) return null;
  const froms = control.map((c) => Date.parse(c.from));
  const ends = control.flatMap((c, i) => [froms[i]!, ...(c.to ? [Date.parse(c.to)] : [])]);
  const start = Math.min(...froms);
  const latest = Math.max(...ends);
  const span = Math.max(latest - start, 30 * DAY);
  const end = start + span + Math.max(span * 0.06, 15 * DAY);
  const x = (t: number) => (t - start) / (end - start);

  const rows: Timeline['rows'] = [];
  control.forEach((c, entry) => {
    const from = froms[entry]!;
    const to = c.to ? Date.parse(c.to) : null;
    for (const actor of new Set(c.actors)) {
      let row = rows.find((r) => r.actor === actor);
      if (!row) rows.push((row = { actor, bars: [] }));
      row.bars.push({ entry, from, to, start: x(from), end: to === null ? 1 : x(to) });
    }
  });

  const unit = end - start > 2 * YEAR ? 'year' : 'month';
  const ticks: Timeline['ticks'] = [];
  const d = new Date(start);
  let cursor =
    unit === 'year' ? Date.UTC(d.getUTCFullYear() + 1, 0, 1) : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const all: number[] = [];
  while (cursor < end) {
    all.push(cursor);
    const c = new Date(cursor);
    cursor =
      unit === 'year' ? Date.UTC(c.getUTCFullYear() + 1, 0, 1) : Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  // At most eight marks: every second, third... year or month when there are more.
  const step = Math.ceil(all.length / 8);
  all.forEach((at, i) => i % step === 0 && ticks.push({ at, x: x(at), unit }));
  return { start, end, rows, ticks };
}
