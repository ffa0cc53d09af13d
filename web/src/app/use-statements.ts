/**
 * What the server writes for people (explanations, causes, alerts, errors), rendered in the
 * reader's language with the names of the world as the reader may see them and dates in the
 * truce's timezone: `renderStatement` (i18n/statements.ts) given this page's reader.
 */
import { useMemo } from 'react';
import { ApiError } from '../api/client.ts';
import { useWorldIfAny } from '../api/world.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { faultText } from './fault-text.ts';
import { renderStatement, renderStatements, type Statement, type StatementReader } from '../i18n/statements.ts';

export interface StatementWords {
  reader: StatementReader;
  say(s: Statement): string;
  sayAll(statements: readonly Statement[]): string;
  /** An error as the reader should read it: the database away or the disk full, else the server's statement when it sent one, else its message. */
  errorText(error: unknown): string;
}

export function useStatements(): StatementWords {
  const { lang, dateTime, number, t } = useI18n();
  const world = useWorldIfAny();
  return useMemo(() => {
    // Before sign-in there are no names to look up; errors there name no record.
    const reader: StatementReader = {
      lang,
      actorName: world?.actorName ?? String,
      agreementTitle: world?.agreementTitle ?? String,
      ...(world ? { zoneName: world.zoneName, orgName: world.orgName } : {}),
      dateTime,
      number,
    };
    return {
      reader,
      say: (s) => renderStatement(s, reader),
      sayAll: (ss) => renderStatements(ss, reader),
      errorText: (e) =>
        faultText(e, t) ??
        (e instanceof ApiError && e.statement
          ? renderStatement(e.statement, reader)
          : e instanceof Error
            ? e.message
            : String(e)),
    };
  }, [lang, dateTime, number, t, world]);
}
