/**
 * The hotline's words and deadlines, in one place (docs/hotline.md). A thread's priority sets how long
 * its recipients have to acknowledge it; when that time passes with a recipient silent, the thread
 * escalates to the secretariat, and again at the second deadline.
 */
import type { Clearance, OrgKind } from './access.ts';

export const HOTLINE_PRIORITIES = ['urgent', 'high', 'routine'] as const;
export type HotlinePriority = (typeof HOTLINE_PRIORITIES)[number];

/** Minutes from opening to the acknowledgement deadline (the first escalation). */
export const ACK_DEADLINE_MINUTES: Record<HotlinePriority, number> = { urgent: 10, high: 60, routine: 24 * 60 };

/** The second escalation comes at this many times the first deadline after opening. */
export const SECOND_DEADLINE_FACTOR = 3;

/** How often a server looks for escalations that have come due (it also looks once on start). */
export const HOTLINE_SWEEP_SECONDS = 15;

export const HOTLINE_ENTRY_KINDS = ['opened', 'message', 'acknowledged', 'escalated', 'resolved'] as const;
export type HotlineEntryKind = (typeof HOTLINE_ENTRY_KINDS)[number];

/**
 * The secretariat: an organization of the UN on the task force (the Office of the Special Envoy hosts
 * the task force's secretariat). It sees every thread, and threads escalate to it. Migration 021 says
 * the same in SQL (truce_secretariat, migration 020, which notifications share).
 */
export function isSecretariat(org: { orgKind: OrgKind; clearance: Clearance }): boolean {
  return org.orgKind === 'un' && org.clearance !== 'public';
}
