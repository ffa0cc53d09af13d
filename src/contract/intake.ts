/**
 * Text intake's words (docs/text-intake.md): the fields of a draft a person may correct before
 * confirming it, recorded with the confirmation and counted on the From text page.
 */
export const DRAFT_FIELDS = ['date', 'place', 'precision', 'actor', 'act', 'casualties', 'narrative'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** What a source text was, by its media type: a text pasted or a plain file, a web page, an email, a PDF. */
export const SOURCE_KINDS = ['text', 'html', 'email', 'pdf'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export function sourceKindOf(mediaType: string): SourceKind {
  if (mediaType === 'text/html') return 'html';
  if (mediaType === 'message/rfc822') return 'email';
  if (mediaType === 'application/pdf') return 'pdf';
  return 'text';
}

/** How a source text came: pasted, a file uploaded, or an email the mail server posted (POST /intake/mail). */
export const SOURCE_CHANNELS = ['paste', 'file', 'mail'] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

/** The largest email the mail server may post, in bytes (its text is still limited to 500,000 characters). */
export const MAIL_MAX_BYTES = 8 * 1024 * 1024;
