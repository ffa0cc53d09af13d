/**
 * Live events invalidate the cached queries they change, so every view showing them reloads
 * (only the mounted ones fetch; the others reload when shown again). One incident's own
 * queries reload at once, as do the world's settings and the state figures after a change of the
 * settings; the deconfliction console's day with the notifications, positions and notices it draws;
 * the audit trail when entries the reader may read were sealed; lists, counts, the map extent, the state
 * figures and the world's actors, agreements and zones wait until a burst of events is over, as the pages did before.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { type LiveEvent, useLiveEvents } from './live.tsx';
import { queryKeys } from './query-keys.ts';

const BURST_MS = 500;

/** The incident an event is about, if any: the incident itself, a finding on it, or a report linked to it. */
export function eventIncident(e: LiveEvent): string | null {
  if (e.type === 'alert') return null;
  if (e.entity === 'incident') return e.id;
  if (typeof e.data.incident_id === 'string') return e.data.incident_id;
  // Findings are named `incident:<id>:<rule>`.
  const m = /^incident:([^:]+):/.exec(e.id);
  return e.entity === 'finding' && m ? m[1]! : null;
}

/** The queries to invalidate at once, and those to invalidate after the burst. */
export function invalidations(e: LiveEvent): { now: (readonly unknown[])[]; later: (readonly unknown[])[] } {
  if (e.type === 'alert') return { now: [], later: [] };
  // The timezone moves every day's boundaries, a threshold the days of calm: the settings and the figures, at once.
  if (e.type === 'settings.changed') return { now: [queryKeys.settings, queryKeys.states], later: [] };
  // Entries of the audit trail the reader may read were written (the server says so only then): its pages, after
  // the burst. An incident's own trail follows the incident's events.
  if (e.type === 'audit.appended') return { now: [], later: [queryKeys.auditTrails] };
  // A hotline thread opened, written in, acknowledged, resolved or escalated: the hotline's reads, at once.
  // Incidents' reviews show what was said on the hotline and what was notified: they reload with them.
  if (e.type === 'hotline.updated' || e.type === 'hotline.escalated')
    return { now: [queryKeys.hotline, queryKeys.incidentReviews], later: [] };
  // A notification made, acknowledged, renewed or withdrawn (heard only by those who see it): its lists, at once.
  if (e.type === 'notification.changed')
    return { now: [queryKeys.notifications, queryKeys.incidentReviews, queryKeys.deconfliction], later: [] };
  // A convoy request made, stepped on or flagged (heard only by those who see it): its lists and its page, at once.
  if (e.type === 'convoy_request.changed') return { now: [queryKeys.convoyRequests], later: [] };
  // A negotiation room changed (heard only by its members): the rooms' reads, at once.
  if (e.type === 'negotiation_room.changed') return { now: [queryKeys.negotiation], later: [] };
  // A text received (by mail, or pasted by a colleague) or one of its drafts decided (heard by who may see the text):
  // the texts' list and the text, at once.
  if (e.type === 'source_text.changed') return { now: [queryKeys.sourceTexts], later: [] };
  // A position recorded, changed or withdrawn (heard only by its owner and its recipients): its lists, at once.
  if (e.type === 'position.changed') return { now: [queryKeys.positions, queryKeys.deconfliction], later: [] };
  // An operation notice checked (heard by who may see it, its conflicts, or an alert of one's own place): the notices
  // and the alerts, at once.
  if (e.type === 'notice.changed') return { now: [queryKeys.notices, queryKeys.deconfliction], later: [] };
  const incident = eventIncident(e);
  const now: (readonly unknown[])[] = incident ? [queryKeys.incident(incident), queryKeys.incidentAudit(incident)] : [];
  if (e.type === 'report.updated') now.push(queryKeys.report(e.id));
  const later: (readonly unknown[])[] = [
    queryKeys.incidentLists,
    queryKeys.mapExtent,
    queryKeys.mapIncidentViews,
    // The inbox: a report filed, linked or set aside; an incident's change moves its suggestions.
    queryKeys.reportLists,
    queryKeys.suggestionLists,
    // A ruling proposed, approved or withdrawn changes its incident (and the review queue).
    queryKeys.rulingLists,
    // Incidents' notified sites struck and reviews: a report or an incident moved, a site or a notice changed.
    queryKeys.incidentReviews,
    // The console's day: a protected site added (a change to the world) is on its map.
    queryKeys.deconfliction,
  ];
  if (e.type === 'finding.changed') {
    later.push(queryKeys.states);
    // A change to an actor or an agreement that moved findings names the record: its names are read again.
    if (e.entity === 'actor') later.push(queryKeys.actors);
    if (e.entity === 'agreement') later.push(queryKeys.agreements);
    // A zone redrawn or changing hands: the map's zones and the zone's page. Its judged changes of
    // control move with any change to the world (an agreement or an actor re-judges every one).
    if (e.entity === 'zone') later.push(queryKeys.zoneLayers, queryKeys.zoneDetails, queryKeys.zoneNames);
    if (e.entity === 'zone' || e.entity === 'agreement' || e.entity === 'actor') later.push(queryKeys.territory);
  }
  return { now, later };
}

function invalidate(client: QueryClient, keys: (readonly unknown[])[]): void {
  // A fetch on its way is left to finish (`cancelRefetch: false`): cancelled, the next page a reader
  // asked for would be lost, and the list refetched with the pages it had before.
  for (const queryKey of keys) void client.invalidateQueries({ queryKey }, { cancelRefetch: false });
}

/** Mounted once inside the LiveProvider and the QueryProvider. */
export function LiveInvalidation(): null {
  const client = useQueryClient();
  const pending = useRef(new Map<string, readonly unknown[]>());
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useLiveEvents((e) => {
    const { now, later } = invalidations(e);
    invalidate(client, now);
    if (later.length === 0) return;
    for (const k of later) pending.current.set(JSON.stringify(k), k);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      invalidate(client, [...pending.current.values()]);
      pending.current.clear();
    }, BURST_MS);
  });
  return null;
}
