/**
 * HXL-tagged CSV of incidents (hxlstandard.org): the hashtags Truce's own HXL export writes
 * (docs/exports.md), read back. The hashtag row is found among the first rows (the export puts a
 * row of headings above it); a tag's attributes may come in any order (`#affected+max+killed` is
 * `#affected+killed+max`). An incident keeps the id in `#event+id`, so that an export imported
 * again adds nothing, and one imported elsewhere keeps its id. Columns HXL does not tag are read
 * as nothing; the status, findings and classification an export carries are not taken: the new
 * incident is judged again here, classified as the importer chose.
 */
import { ACTS, type Act, CIVILIAN_TARGETS, type CivilianTarget, type Target } from '../../domain/model.ts';
import type { StatementCode, Term } from '../../domain/statements.ts';
import { isCalendarDate, parseInstant } from '../../domain/time.ts';
import type { LocalDays } from '../local-day.ts';
import type { ActorNames } from './actor-names.ts';
import { type FieldProblem, fileProblem, problemOf, valueTerms } from '../row-problems.ts';
import { csvTable } from './csv-table.ts';
import {
  IMPORT_ID,
  type ImportedChunk,
  type ImportedIncident,
  ImportFileError,
  type ImportedRow,
  numberOf,
} from './imported-rows.ts';

export const HXL_SOURCE = 'hxl';

/** `#Affected +Killed+max` as `#affected+killed+max`: lower case, attributes sorted. */
export function normalTag(tag: string): string {
  const [hashtag = '', ...attributes] = tag.toLowerCase().replace(/\s+/g, '').split('+');
  return [hashtag, ...attributes.filter((a) => a !== '').sort()].join('+');
}

const TAGS = {
  id: '#event+id',
  type: '#event+type',
  date: '#date+occurred',
  utc: '#date+occurred+utc',
  end: '#date+end+occurred',
  reported: '#loc+name+reported',
  lat: '#geo+lat',
  lon: '#geo+lon',
  perpetratorCode: '#group+code+perpetrator',
  perpetratorName: '#group+name+perpetrator',
  targetName: '#group+name+target',
  targetType: '#description+target+type',
  killed: '#affected+killed',
  killedMin: '#affected+killed+min',
  killedMax: '#affected+killed+max',
  selfDefense: '#indicator+bool+self_defense',
  headline: '#description',
  source: '#meta+source',
  sourceRef: '#meta+ref+source',
} as const;

const isTagRow = (fields: string[]) => {
  const filled = fields.filter((f) => f.trim() !== '');
  return filled.length > 0 && filled.filter((f) => f.trim().startsWith('#')).length * 2 >= filled.length;
};

export interface HxlReadContext {
  days: LocalDays;
  actors: ActorNames;
}

export async function* hxlRows(
  input: AsyncIterable<Buffer | string>,
  context: HxlReadContext,
): AsyncGenerator<ImportedChunk> {
  // The tags are the header; a column is named, in problems, by its tag as the file writes it.
  const chunks = csvTable(input, 'HXL', [], isTagRow);
  let names: Map<string, string> | null = null;
  for await (const chunk of chunks) {
    if (names === null && chunk.header.length > 0) {
      names = new Map(chunk.header.map((t) => [normalTag(t), t]));
      const has = (t: string) => names!.has(t);
      const missing: string[] = [TAGS.id, TAGS.type, TAGS.lat, TAGS.lon].filter((t) => !has(t));
      if (!has(TAGS.utc) && !has(TAGS.date)) missing.push(TAGS.utc);
      if (missing.length > 0)
        throw new ImportFileError(
          chunk.rows[0]?.line ?? 2,
          fileProblem('problem.import_hashtags_lack', 'HXL', missing),
        );
    }
    yield {
      bytesRead: chunk.bytesRead,
      rows: chunk.rows.map((r) => hxlRow(r.line, r.values, r.fieldCount, names!, context)),
    };
  }
}

function hxlRow(
  line: number,
  raw: Record<string, string>,
  fieldCount: FieldProblem | null,
  names: Map<string, string>,
  context: HxlReadContext,
): ImportedRow {
  const problems: FieldProblem[] = [];
  const name = (tag: string) => names.get(tag) ?? tag;
  const bad = (tag: string, code: StatementCode, value?: string, terms: Record<string, Term> = {}) =>
    problems.push(problemOf(name(tag), code, { ...valueTerms(value), ...terms }));
  const get = (tag: string): string => {
    const column = names.get(tag);
    return column === undefined ? '' : (raw[column] ?? '').trim();
  };
  if (fieldCount) problems.push(fieldCount);

  const id = get(TAGS.id);
  if (!IMPORT_ID.test(id)) bad(TAGS.id, 'problem.import_id', id);
  const type = get(TAGS.type);
  if (!(ACTS as readonly string[]).includes(type))
    bad(TAGS.type, 'problem.import_choice', type, { values: { text: ACTS.join(', ') } });
  const instant = (tag: string): number | null | undefined => {
    const s = get(tag);
    if (s === '') return undefined;
    const t = isCalendarDate(s) ? context.days.start(s) : parseInstant(s);
    if (t === null || Number.isNaN(t)) {
      bad(tag, 'problem.import_instant', s);
      return null;
    }
    return t;
  };
  let occurredAt = instant(TAGS.utc);
  let until = instant(TAGS.end);
  if (occurredAt === undefined) {
    const day = get(TAGS.date);
    if (isCalendarDate(day)) {
      occurredAt = context.days.start(day);
      until ??= context.days.end(day);
    } else bad(TAGS.date, 'problem.import_day', day);
  }
  if (typeof occurredAt === 'number' && typeof until === 'number' && until < occurredAt)
    bad(TAGS.end, 'problem.import_before_occurred');
  const coordinate = (tag: string, limit: number): number => {
    const n = numberOf(get(tag));
    if (n === undefined || !(n >= -limit && n <= limit))
      bad(tag, 'problem.import_between', get(tag), { min: { number: -limit }, max: { number: limit } });
    return n ?? 0;
  };
  const lat = coordinate(TAGS.lat, 90);
  const lon = coordinate(TAGS.lon, 180);
  const count = (tag: string): number | undefined => {
    const n = numberOf(get(tag));
    if (n === undefined) return undefined;
    if (Number.isInteger(n) && n >= 0 && n <= 1_000_000) return n;
    bad(tag, 'problem.import_whole_min', get(tag), { min: { number: 0 } });
    return undefined;
  };
  const [best, low, high] = [count(TAGS.killed), count(TAGS.killedMin), count(TAGS.killedMax)];
  const code = get(TAGS.perpetratorCode);
  if (code !== '' && !IMPORT_ID.test(code)) bad(TAGS.perpetratorCode, 'problem.import_actor_id', code);
  const civilianType = get(TAGS.targetType);
  if (civilianType !== '' && !(CIVILIAN_TARGETS as readonly string[]).includes(civilianType))
    bad(TAGS.targetType, 'problem.import_choice', civilianType, { values: { text: CIVILIAN_TARGETS.join(', ') } });
  const selfDefense = get(TAGS.selfDefense).toLowerCase();
  if (!['', '0', '1', 'true', 'false', 'yes', 'no'].includes(selfDefense))
    bad(TAGS.selfDefense, 'problem.import_flag', get(TAGS.selfDefense));
  if (problems.length > 0) return { line, kind: 'bad', problems };

  const perpetratorName = get(TAGS.perpetratorName);
  const perpetrator =
    code !== ''
      ? context.actors.coded(code, perpetratorName || null)
      : perpetratorName !== ''
        ? context.actors.named(perpetratorName)
        : null;
  const targetName = get(TAGS.targetName);
  const targetActor = civilianType === '' && targetName !== '' ? context.actors.named(targetName) : null;
  const target: Target =
    civilianType !== '' ? { civilian: civilianType as CivilianTarget } : targetActor ? { actor: targetActor.id } : null;
  const actors = [perpetrator, targetActor].filter((a) => a !== null);
  const someDeaths = best ?? low ?? high;
  const source = get(TAGS.source);
  const incident: ImportedIncident = {
    id,
    occurredAt: occurredAt as number,
    occurredUntil: typeof until === 'number' ? until : null,
    datePrecision: null,
    location: { lon, lat },
    locationPrecision: null,
    place: get(TAGS.reported) || null,
    act: type as Act,
    perpetrator: perpetrator?.id ?? null,
    target,
    selfDefenseClaim: ['1', 'true', 'yes'].includes(selfDefense),
    deaths:
      someDeaths === undefined
        ? null
        : { low: low ?? best ?? someDeaths, best: best ?? someDeaths, high: high ?? best ?? someDeaths, bySide: {} },
    sides: [...new Set(actors.map((a) => a.id))],
    source: source || HXL_SOURCE,
    sourceRef: get(TAGS.sourceRef) || null,
    headline: get(TAGS.headline) || null,
  };
  return { line, kind: 'incident', incident, actors, notes: [] };
}
