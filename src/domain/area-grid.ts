/**
 * Which of a list of areas (the governorates, the districts) holds a point, answered from a grid.
 * A cell that no edge of any area enters holds the same answer at every point of it (the answer
 * changes only across an edge): it is worked out when the grid is built, at the cell's centre,
 * row by row (each row's line crosses each ring's edges at a few places, and between two of them
 * a cell is inside or not as the even-odd test at its centre says). A cell an edge enters is asked
 * of each area whose box holds the point, in the list's order, as a scan of the whole list would.
 * The answers are the scan's: the first area in the list holding the point, or none. Over Syria's
 * governorates and districts a scan cost 2-3 µs a point and the grid 0.6-0.8 µs (built in some
 * 20 ms), most points falling in a cell no edge enters; an export asks twice for each of a
 * million places.
 */
import { type Area, areaContains, type BBox, polygonsOf } from './geo.ts';

export interface GriddedArea {
  area: Area;
  bbox: BBox;
}

/** The cell's answer is not known yet (while the grid is built). */
const UNKNOWN = -2;
/** An edge enters the cell: ask each area. */
const MIXED = -3;
/** No area holds the point. */
const NONE = -1;

export class AreaGrid<A extends GriddedArea> {
  readonly #areas: readonly A[];
  readonly #x0: number;
  readonly #y0: number;
  readonly #cell: number;
  readonly #columns: number;
  readonly #rows: number;
  /** Per cell: an area's index, NONE, UNKNOWN or MIXED. */
  readonly #cells: Int32Array;

  /** `cellDeg`: the side of a cell in degrees (0.02°: some 2 km, 84,000 cells over Syria). */
  constructor(areas: readonly A[], cellDeg = 0.02) {
    this.#areas = areas;
    this.#cell = cellDeg;
    const [x0, y0, x1, y1] = areas.reduce<BBox>(
      (b, a) => [
        Math.min(b[0], a.bbox[0]),
        Math.min(b[1], a.bbox[1]),
        Math.max(b[2], a.bbox[2]),
        Math.max(b[3], a.bbox[3]),
      ],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
    this.#x0 = areas.length ? x0 : 0;
    this.#y0 = areas.length ? y0 : 0;
    this.#columns = areas.length ? Math.floor((x1 - x0) / cellDeg) + 1 : 0;
    this.#rows = areas.length ? Math.floor((y1 - y0) / cellDeg) + 1 : 0;
    this.#cells = new Int32Array(this.#columns * this.#rows).fill(UNKNOWN);
    for (const a of areas)
      for (const rings of polygonsOf(a.area))
        for (const ring of rings)
          for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) this.#markEdge(ring[j]!, ring[i]!);
    for (let row = 0; row < this.#rows; row++) this.#fillRow(row);
  }

  /** The first area holding the point, or null. */
  areaOf(lon: number, lat: number): A | null {
    const column = Math.floor((lon - this.#x0) / this.#cell);
    const row = Math.floor((lat - this.#y0) / this.#cell);
    if (!(column >= 0 && column < this.#columns && row >= 0 && row < this.#rows)) return this.#scan(lon, lat);
    const known = this.#cells[row * this.#columns + column]!;
    if (known === MIXED) return this.#scan(lon, lat);
    return known === NONE ? null : this.#areas[known]!;
  }

  /**
   * The answers of a row's cells that no edge enters, at their centres: for each area in the
   * list's order, each of its polygons is crossed by the row's centre line at sorted places, and a
   * centre with an odd number of them to its right is inside (the even-odd test of `areaContains`,
   * with the same arithmetic). A cell takes the first area found holding its centre, else none.
   */
  #fillRow(row: number): void {
    const y = this.#y0 + (row + 0.5) * this.#cell;
    const first = row * this.#columns;
    this.#areas.forEach((a, k) => {
      if (y < a.bbox[1] || y > a.bbox[3]) return;
      const c0 = Math.max(0, Math.floor((a.bbox[0] - this.#x0) / this.#cell));
      const c1 = Math.min(this.#columns - 1, Math.floor((a.bbox[2] - this.#x0) / this.#cell));
      for (const rings of polygonsOf(a.area)) {
        const crossings: number[] = [];
        for (const ring of rings)
          for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            const [xi, yi] = ring[i]!;
            const [xj, yj] = ring[j]!;
            if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
          }
        if (crossings.length === 0) continue;
        crossings.sort((p, q) => p - q);
        // How many crossings lie at or left of the centre: those right of it are the rest.
        let left = 0;
        for (let c = c0; c <= c1; c++) {
          const x = this.#x0 + (c + 0.5) * this.#cell;
          while (left < crossings.length && !(x < crossings[left]!)) left++;
          if ((crossings.length - left) % 2 === 1 && this.#cells[first + c] === UNKNOWN) this.#cells[first + c] = k;
        }
      }
    });
    for (let c = 0; c < this.#columns; c++) if (this.#cells[first + c] === UNKNOWN) this.#cells[first + c] = NONE;
  }

  #scan(lon: number, lat: number): A | null {
    for (const a of this.#areas) {
      const [x1, y1, x2, y2] = a.bbox;
      if (lon >= x1 && lon <= x2 && lat >= y1 && lat <= y2 && areaContains(a.area, lon, lat)) return a;
    }
    return null;
  }

  /** Every cell the edge's box enters is MIXED (more than the edge enters, never fewer). */
  #markEdge([ax, ay]: [number, number], [bx, by]: [number, number]): void {
    const c0 = Math.max(0, Math.floor((Math.min(ax, bx) - this.#x0) / this.#cell));
    const c1 = Math.min(this.#columns - 1, Math.floor((Math.max(ax, bx) - this.#x0) / this.#cell));
    const r0 = Math.max(0, Math.floor((Math.min(ay, by) - this.#y0) / this.#cell));
    const r1 = Math.min(this.#rows - 1, Math.floor((Math.max(ay, by) - this.#y0) / this.#cell));
    for (let r = r0; r <= r1; r++) this.#cells.fill(MIXED, r * this.#columns + c0, r * this.#columns + c1 + 1);
  }
}
