/** A party's acceptance as the agreement editor and the negotiation room send it: the time in the truce's timezone, caveats one per line. */
import { instantOfLocal } from '../../i18n/format.ts';

export interface AcceptanceFields {
  actor: string;
  /** As the date field gives it, local to the truce's timezone. */
  at: string;
  channel: string;
  caveats: string;
}

export const acceptanceBody = (f: AcceptanceFields, timezone: string) => ({
  actor: f.actor,
  accepted_at: new Date(instantOfLocal(f.at, timezone)).toISOString(),
  until: null,
  channel: f.channel.trim() || null,
  caveats: f.caveats
    .split('\n')
    .map((c) => c.trim())
    .filter(Boolean),
});
