/** The rules text intake drafts with: the shipped gazetteer (read once) and the stored actors. */
import { TextIntakeRules } from '../../ingest/text/draft-reports.ts';
import { type GazetteerPlace, TextGazetteer } from '../../ingest/text/text-places.ts';
import * as actors from '../../store/actor.repository.ts';
import { readGazetteer } from '../../store/shipped-data.ts';
import type { Sql } from '../../store/sql.ts';

let gazetteer: TextGazetteer | null = null;

export async function intakeRules(sql: Sql): Promise<TextIntakeRules> {
  gazetteer ??= new TextGazetteer(readGazetteer<GazetteerPlace>());
  return new TextIntakeRules(gazetteer, await actors.list(sql));
}
