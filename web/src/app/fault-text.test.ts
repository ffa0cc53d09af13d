import { describe, expect, it } from 'vitest';
import { STATEMENTS_EN } from '../../../src/contract/statements.ts';
import { ApiError } from '../api/client.ts';
import { ar } from '../i18n/ar.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import { STATEMENTS_AR } from '../i18n/statements.ts';
import { faultText } from './fault-text.ts';

const t =
  (messages: Record<MessageKey, string>) =>
  (key: MessageKey, values: Record<string, string | number> = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));

describe('faultText', () => {
  const unavailable = new ApiError(503, {
    code: 'UNAVAILABLE',
    message: 'the database cannot be reached just now: try again in a moment',
  });
  const full = new ApiError(507, {
    code: 'DISK_FULL',
    message: "the server's disk is full: nothing was written; reading still works",
  });

  it("says the database is away (503) or the disk full (507) in the reader's language, as the server's statements do", () => {
    expect(faultText(unavailable, t(en))).toBe(STATEMENTS_EN['error.unavailable']);
    expect(faultText(full, t(en))).toBe(STATEMENTS_EN['error.disk_full']);
    expect(faultText(unavailable, t(ar))).toBe(STATEMENTS_AR['error.unavailable']);
    expect(faultText(full, t(ar))).toBe(STATEMENTS_AR['error.disk_full']);
  });

  it('leaves any other failure to its statement or message', () => {
    expect(faultText(new ApiError(500, { code: 'INTERNAL', message: 'boom' }), t(en))).toBeNull();
    expect(faultText(new ApiError(502, undefined), t(ar))).toBeNull();
    expect(faultText(new Error('offline'), t(en))).toBeNull();
  });
});
