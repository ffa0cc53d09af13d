/**
 * The words of an uploaded file, as text intake reads them: plain text as it is; HTML without its
 * markup, scripts and styles (entities decoded, block elements as line breaks); an email (.eml)
 * as its subject and its text part (quoted-printable or base64 decoded; else its HTML part), its
 * Date header telling the text's date (the day as its sender wrote it). Pure.
 */
import { decodeEntities } from '../html-entities.ts';

export type TextMediaType = 'text/plain' | 'text/html' | 'message/rfc822';

export interface PlainText {
  text: string;
  /** YYYY-MM-DD, when the file says (an email's Date). */
  date: string | null;
  /** An email's From and Subject, decoded; null for any other file. */
  sender: string | null;
  subject: string | null;
}

/** A file's kind, by its media type or its name: text, HTML, an email, a PDF; null for any other. */
export function mediaTypeOf(
  filename: string | null,
  mediaType: string | null,
): TextMediaType | 'application/pdf' | null {
  const t = (mediaType ?? '').toLowerCase().split(';')[0]!.trim();
  const ext = (filename ?? '').toLowerCase().split('.').pop() ?? '';
  if (t === 'application/pdf' || ext === 'pdf') return 'application/pdf';
  if (t === 'message/rfc822' || ext === 'eml') return 'message/rfc822';
  if (t === 'text/html' || ext === 'html' || ext === 'htm') return 'text/html';
  if (t === 'text/plain' || t === '' || ext === 'txt' || ext === 'md') return 'text/plain';
  return null;
}

export function plainText(content: string, type: TextMediaType): PlainText {
  const read = readAs(content, type);
  // A NUL cannot be stored, and means nothing in a text.
  return { ...read, text: read.text.replaceAll('\u0000', '') };
}

function readAs(content: string, type: TextMediaType): PlainText {
  if (type === 'text/html') return { text: htmlText(content), date: null, sender: null, subject: null };
  if (type === 'message/rfc822') return emailText(content);
  return { text: content.replace(/\r\n?/g, '\n'), date: null, sender: null, subject: null };
}

export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|h[1-6]|li|tr|section|article|blockquote)\s*>/gi, '\n\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function emailText(raw: string): PlainText {
  const source = raw.replace(/\r\n?/g, '\n');
  const cut = source.indexOf('\n\n');
  const head = cut < 0 ? source : source.slice(0, cut);
  const body = cut < 0 ? '' : source.slice(cut + 2);
  const headers = parseHeaders(head);
  const date = headers.get('date');
  const subject = decodeWords(headers.get('subject') ?? '');
  const sender = decodeWords(headers.get('from') ?? '');
  const text = bodyText(headers, body);
  return {
    text: subject ? `${subject}\n\n${text}` : text,
    date: date ? dayWritten(date) : null,
    sender: sender || null,
    subject: subject || null,
  };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The day a Date header names, as its sender wrote it ("Fri, 8 Jul 2016 01:00 +0300" is the 8th). */
function dayWritten(header: string): string | null {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(header);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function bodyText(headers: Map<string, string>, body: string): string {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'));
    const read = parts.map((p) => {
      const cut = p.replace(/^\n/, '').indexOf('\n\n');
      const part = p.replace(/^\n/, '');
      return { headers: parseHeaders(part.slice(0, Math.max(0, cut))), body: part.slice(cut + 2) };
    });
    const plain = read.find((p) => /^text\/plain/i.test(p.headers.get('content-type') ?? 'text/plain'));
    const html = read.find((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
    const nested = read.find((p) => /^multipart\//i.test(p.headers.get('content-type') ?? ''));
    const chosen = plain ?? html ?? nested;
    return chosen ? bodyText(chosen.headers, chosen.body) : '';
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'utf-8';
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = quotedPrintable(body);
  else bytes = Buffer.from(body, 'utf8');
  const text = decode(bytes, charset);
  return /^text\/html/i.test(type) ? htmlText(text) : text.trim();
}

function quotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words in a header ("=?UTF-8?B?...?="). */
function decodeWords(s: string): string {
  return s.replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_m, charset: string, enc: string, data: string) => {
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' '));
    return decode(bytes, charset);
  });
}

/** Bytes in a charset an email names; an unknown one read as UTF-8. */
function decode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase() === 'us-ascii' ? 'utf-8' : charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
