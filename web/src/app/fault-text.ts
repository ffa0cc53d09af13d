/** What a reader is told when the server cannot do anything about a request just now. */
import { ApiError } from '../api/client.ts';
import type { I18n } from '../i18n/i18n.tsx';

/** The database away (503) or the disk full (507), said plainly whether or not the answer came with a statement (a proxy's does not). */
export function faultText(error: unknown, t: I18n['t']): string | null {
  if (error instanceof ApiError && error.status === 503) return t('common.unavailable');
  if (error instanceof ApiError && error.status === 507) return t('common.diskFull');
  return null;
}
