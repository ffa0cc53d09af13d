/**
 * The emails' words against the web app's: where an email says what a page says (the name of a site's
 * kind, of a priority, of a kind of email; a notification's labels), the words are the same in both
 * languages; and every Arabic word fills the same placeholders as its English.
 */
import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS } from '../../../src/contract/email.ts';
import { HOTLINE_PRIORITIES } from '../../../src/contract/hotline.ts';
import { TARGET_KINDS } from '../../../src/contract/notices.ts';
import { SITE_KINDS } from '../../../src/contract/notifications.ts';
import { ar as webAr } from './ar.ts';
import { en as webEn } from './en.ts';
import { namesAr } from './names-ar.ts';
import { namesEn } from './names-en.ts';
import {
  kindWord,
  priorityWord,
  say,
  siteKindWord,
  targetWord,
  type WordKey,
  WORDS,
} from '../../../src/app/email/email-words.ts';

const SAME_AS_WEB: [WordKey, keyof typeof webEn][] = [
  ['label.what', 'notifications.what'],
  ['label.notifiedBy', 'notifications.from'],
  ['label.valid', 'notifications.valid'],
  ['label.window', 'notifications.window'],
  ['label.acknowledgeBy', 'notifications.acknowledgeBy'],
  ['label.vehicles', 'notifications.vehicles'],
  ['label.cargo', 'notifications.cargo'],
  ['label.recipients', 'notifications.recipients'],
  ['movement', 'notifications.movement'],
  ['notARequest', 'notifications.notARequest'],
  ['label.to', 'hotline.recipients'],
  ['label.priority', 'hotline.priority'],
  ['label.message', 'hotline.message'],
  ['clearance', 'notices.clearance'],
  ['clearance.touching', 'notices.clearance.touching'],
  ['notified', 'notices.notified'],
  ['neverNotified', 'notices.neverNotified'],
  ['fromOn', 'notices.fromOn'],
  ...TARGET_KINDS.map((k): [WordKey, keyof typeof webEn] => [targetWord(k), `notices.target.${k}`]),
  ...SITE_KINDS.map((k): [WordKey, keyof typeof webEn] => [siteKindWord(k), `notifications.kind.${k}`]),
  ...HOTLINE_PRIORITIES.map((p): [WordKey, keyof typeof webEn] => [priorityWord(p), `hotline.badge.${p}`]),
];

describe('the words of emails', () => {
  it.each(SAME_AS_WEB)('%s says what the web app says (%s), in English and Arabic', (word, web) => {
    expect(WORDS.en[word]).toBe(webEn[web]);
    expect(WORDS.ar[word]).toBe(webAr[web]);
  });

  it.each(EMAIL_KINDS)('names the kind %s as the account page does', (kind) => {
    expect(WORDS.en[kindWord(kind)]).toBe(namesEn.emailKinds[kind]);
    expect(WORDS.ar[kindWord(kind)]).toBe(namesAr.emailKinds[kind]);
  });

  it('fills in Arabic the placeholders it fills in English, and no word is left in English', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(WORDS.en) as WordKey[]) {
      expect(placeholders(WORDS.ar[key]), key).toEqual(placeholders(WORDS.en[key]));
      if (key !== 'separator') expect(WORDS.ar[key], key).not.toBe(WORDS.en[key]);
    }
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(say(WORDS.en, 'subject.notification.received', { name: 'Clinic' })).toBe(
      'Humanitarian notification: Clinic',
    );
    expect(say(WORDS.ar, 'route', { from: 'أ' })).toBe('من أ إلى {to}');
  });
});
