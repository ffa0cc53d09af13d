/**
 * The questions every rule asks: is A a party to G at t, is A excluded from G, does G apply at
 * (p, t), who controls p at t. A Rulebook answers them for one world, with lookups built once.
 */
import { areaContains } from './geo.ts';
import type { Actor, Agreement, Party, Zone } from './model.ts';
import { contains, type Instant } from './time.ts';
import type { Names } from './statements.ts';
import {
  controllersAt,
  FlatbushZoneIndex,
  type Holders,
  holdersAt,
  ScanZoneIndex,
  type ZoneLookup,
} from './zone-index.ts';

export type { Holders };

export class AgreementView {
  readonly agreement: Agreement;
  readonly #parties = new Map<string, Party[]>();
  readonly #excluded: Set<string>;
  readonly #prohibited: Set<string>;

  constructor(agreement: Agreement, designated: Set<string>) {
    this.agreement = agreement;
    for (const party of agreement.parties) {
      const list = this.#parties.get(party.actor) ?? [];
      list.push(party);
      this.#parties.set(party.actor, list);
    }
    this.#excluded = new Set([...agreement.excluded, ...designated]);
    this.#prohibited = new Set(agreement.prohibited);
  }

  get id(): string {
    return this.agreement.id;
  }

  /** party(A, G, t): A accepted G at or before t and had not withdrawn by t. */
  isParty(actor: string, t: Instant): boolean {
    const entries = this.#parties.get(actor);
    if (!entries) return false;
    for (const p of entries) if (p.acceptedAt <= t && (p.until === null || t < p.until)) return true;
    return false;
  }

  /** The acceptance in force at t, or the latest one when none is. */
  partyEntry(actor: string, t: Instant): Party | null {
    const entries = this.#parties.get(actor) ?? [];
    return entries.find((p) => p.acceptedAt <= t && (p.until === null || t < p.until)) ?? entries.at(-1) ?? null;
  }

  /** excluded(A, G): named in G.excluded, or designated. */
  isExcluded(actor: string): boolean {
    return this.#excluded.has(actor);
  }

  prohibits(act: string): boolean {
    return this.#prohibited.has(act);
  }

  inForceAt(t: Instant): boolean {
    for (const interval of this.agreement.inForce) if (contains(interval, t)) return true;
    return false;
  }

  /** G applies at (p, t): in force at t, and everywhere or p inside its scope. */
  appliesAt(lon: number, lat: number, t: Instant): boolean {
    return this.inForceAt(t) && (this.agreement.scope === null || areaContains(this.agreement.scope, lon, lat));
  }

  /** The obligation code of the first clause covering this act, if the agreement has clauses. */
  obligationFor(act: string): string | null {
    return this.agreement.clauses.find((c) => (c.acts as string[]).includes(act))?.code ?? null;
  }
}

export interface RulebookOptions {
  /** `flatbush` (default) uses a spatial index; `scan` tests every zone (reference only). */
  zoneIndex?: 'flatbush' | 'scan';
}

export class Rulebook {
  readonly actors: Map<string, Actor>;
  /** Sorted by id, the order findings are reported in. */
  readonly agreements: AgreementView[];
  readonly zones: ZoneLookup;
  readonly zoneList: readonly Zone[];

  constructor(world: { actors: Actor[]; agreements: Agreement[]; zones: Zone[] }, options: RulebookOptions = {}) {
    this.actors = new Map(world.actors.map((a) => [a.id, a]));
    const designated = new Set(world.actors.filter((a) => a.designated).map((a) => a.id));
    this.agreements = world.agreements
      .map((g) => new AgreementView(g, designated))
      .sort((a, b) => compareIds(a.id, b.id));
    this.zoneList = world.zones;
    this.zones = options.zoneIndex === 'scan' ? new ScanZoneIndex(world.zones) : new FlatbushZoneIndex(world.zones);
  }

  /** controllers(p, t) with the zones whose control says so. */
  holdersAt(lon: number, lat: number, t: Instant): Holders {
    return holdersAt(this.zones.containing(lon, lat), t);
  }

  /** controllers(p, t): every actor of every control entry in force at t, of every zone holding p. */
  controllersAt(lon: number, lat: number, t: Instant): string[] {
    return controllersAt(this.zones.containing(lon, lat), t);
  }

  /** Excluded under at least one agreement of the world. */
  /**
   * Excluded under at least one agreement of the world. A designated group is excluded from
   * every agreement, so it counts even in a world that records no agreement.
   */
  isExcludedAnywhere(actor: string): boolean {
    return this.actors.get(actor)?.designated === true || this.agreements.some((g) => g.isExcluded(actor));
  }

  /** Names for the English of explanations: an actor's name, an agreement's title; the id when there is none. */
  readonly names: Names = {
    actor: (id) => this.actors.get(id)?.name || id,
    agreement: (id) => this.agreements.find((g) => g.id === id)?.agreement.title || id,
  };
}

/** Ids sort by code unit, the same in every locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
