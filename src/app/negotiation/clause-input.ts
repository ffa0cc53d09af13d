/** A clause as drafted in a negotiation room: its number and title, its text, and what it becomes when published. */
import type { Act, ObligationCode } from '../../domain/model.ts';

export interface ClauseInput {
  number: string;
  title: string;
  text: string;
  /** The obligation code it has in the agreement once published; null while undecided. */
  code: ObligationCode | null;
  /** The acts it prohibits once published. */
  acts: Act[];
}
