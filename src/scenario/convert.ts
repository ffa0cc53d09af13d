/** Between the bundle's JSON shape (snake_case, ISO strings) and the domain's (camelCase, instants). */
import type { Geometry } from '../domain/geo.ts';
import type { Actor, Agreement, Convoy, Incident, Operation, ProtectedSite, World, Zone } from '../domain/model.ts';
import { formatInstant, type Interval, parseInstant } from '../domain/time.ts';
import type {
  Bundle,
  BundleActor,
  BundleAgreement,
  BundleConvoy,
  BundleIncident,
  BundleOperation,
  BundleProtectedSite,
  BundleZone,
} from './bundle.schema.ts';

/** An ISO string that validation has already accepted. */
const at = (text: string): number => parseInstant(text)!;
const atOrNull = (text: string | null): number | null => (text === null ? null : at(text));
const interval = (iv: { from: string; to: string | null }): Interval => ({ from: at(iv.from), to: atOrNull(iv.to) });
const iso = (t: number | null): string | null => (t === null ? null : formatInstant(t));
const isoInterval = (iv: Interval) => ({ from: formatInstant(iv.from), to: iso(iv.to) });

/** An Arabic name under its key, either way: left out when there is none (absent, null or empty). */
export const arabic = <K extends string>(key: K, text: string | null | undefined): Partial<Record<K, string>> =>
  text ? ({ [key]: text } as Record<K, string>) : {};

export const toActor = (a: BundleActor): Actor => ({
  id: a.id,
  name: a.name ?? a.id,
  ...arabic('nameAr', a.name_ar),
  kind: a.kind,
  aliases: a.aliases,
  designated: a.designated,
});

export const toAgreement = (g: BundleAgreement): Agreement => ({
  id: g.id,
  title: g.title,
  ...arabic('titleAr', g.title_ar),
  inForce: g.in_force.map(interval),
  scope: g.scope,
  parties: g.parties.map((p) => ({
    actor: p.actor,
    acceptedAt: at(p.accepted_at),
    until: atOrNull(p.until),
    channel: p.channel,
    caveats: p.caveats,
  })),
  excluded: g.excluded,
  prohibited: g.prohibited,
  selfDefense: g.self_defense,
  clauses: g.clauses,
});

export const toZone = (z: BundleZone): Zone => ({
  id: z.id,
  name: z.name,
  ...arabic('nameAr', z.name_ar),
  geometry: z.geometry,
  control: z.control.map((e) => ({ actors: e.actors, ...interval(e) })),
});

export const toIncident = (i: BundleIncident): Incident => ({
  id: i.id,
  occurredAt: at(i.occurred_at),
  location: i.location,
  act: i.act,
  perpetrator: i.perpetrator,
  target: i.target,
  selfDefenseClaim: i.self_defense_claim,
});

export const toProtectedSite = (s: BundleProtectedSite): ProtectedSite => ({
  id: s.id,
  kind: s.kind,
  owner: s.owner,
  geometry: s.geometry as Geometry,
  bufferM: s.buffer_m,
  valid: interval(s.valid),
  notifiedTo: s.notified_to,
});

export const toOperation = (o: BundleOperation): Operation => ({
  id: o.id,
  actor: o.actor,
  kind: o.kind,
  area: o.area as Geometry,
  radiusM: o.radius_m,
  window: interval(o.window),
});

export const toConvoy = (c: BundleConvoy): Convoy => ({
  id: c.id,
  organizer: c.organizer,
  route: c.route as Geometry,
  window: interval(c.window),
});

export function bundleToWorld(b: Bundle): World {
  return {
    timezone: b.timezone,
    hostState: b.host_state,
    actors: b.actors.map(toActor),
    agreements: b.agreements.map(toAgreement),
    zones: b.zones.map(toZone),
    incidents: b.incidents.map(toIncident),
    protectedSites: b.protected_sites.map(toProtectedSite),
    operations: b.operations.map(toOperation),
    convoys: b.convoys.map(toConvoy),
    calm: b.calm && {
      agreement: b.calm.agreement,
      from: b.calm.from,
      to: b.calm.to,
      thresholdPerDay: b.calm.threshold_per_day,
      daysRequired: b.calm.days_required,
    },
  };
}

export const fromAgreement = (g: Agreement): BundleAgreement => ({
  id: g.id,
  title: g.title,
  ...arabic('title_ar', g.titleAr),
  in_force: g.inForce.map(isoInterval),
  scope: g.scope,
  parties: g.parties.map((p) => ({
    actor: p.actor,
    accepted_at: formatInstant(p.acceptedAt),
    until: iso(p.until),
    channel: p.channel,
    caveats: p.caveats,
  })),
  excluded: g.excluded,
  prohibited: g.prohibited,
  self_defense: g.selfDefense,
  clauses: g.clauses,
});

export const fromZone = (z: Zone): BundleZone => ({
  id: z.id,
  name: z.name,
  ...arabic('name_ar', z.nameAr),
  geometry: z.geometry,
  control: z.control.map((e) => ({ actors: e.actors, ...isoInterval(e) })),
});

export const fromIncident = (i: Incident): BundleIncident => ({
  id: i.id,
  occurred_at: formatInstant(i.occurredAt),
  location: i.location,
  act: i.act,
  perpetrator: i.perpetrator,
  target: i.target,
  self_defense_claim: i.selfDefenseClaim,
});

export const fromActor = (a: Actor): BundleActor => ({
  id: a.id,
  name: a.name,
  ...arabic('name_ar', a.nameAr),
  kind: a.kind,
  aliases: a.aliases,
  designated: a.designated,
});

export const fromProtectedSite = (s: ProtectedSite): BundleProtectedSite => ({
  id: s.id,
  kind: s.kind,
  owner: s.owner,
  geometry: s.geometry as BundleProtectedSite['geometry'],
  buffer_m: s.bufferM,
  valid: isoInterval(s.valid),
  notified_to: s.notifiedTo,
});

export const fromOperation = (o: Operation): BundleOperation => ({
  id: o.id,
  actor: o.actor,
  kind: o.kind,
  area: o.area as BundleOperation['area'],
  radius_m: o.radiusM,
  window: isoInterval(o.window),
});

export const fromConvoy = (c: Convoy): BundleConvoy => ({
  id: c.id,
  organizer: c.organizer,
  route: c.route as BundleConvoy['route'],
  window: isoInterval(c.window),
});

/** A world as a bundle (the inverse of bundleToWorld): what an export writes and `scenario load` reads back. */
export function worldToBundle(w: World, name: string): Bundle {
  return {
    format: 'truce-scenario/1',
    name,
    timezone: w.timezone,
    host_state: w.hostState,
    actors: w.actors.map(fromActor),
    agreements: w.agreements.map(fromAgreement),
    zones: w.zones.map(fromZone),
    incidents: w.incidents.map(fromIncident),
    protected_sites: w.protectedSites.map(fromProtectedSite),
    operations: w.operations.map(fromOperation),
    convoys: w.convoys.map(fromConvoy),
    calm: w.calm && {
      agreement: w.calm.agreement,
      from: w.calm.from,
      to: w.calm.to,
      threshold_per_day: w.calm.thresholdPerDay,
      days_required: w.calm.daysRequired,
    },
  };
}
