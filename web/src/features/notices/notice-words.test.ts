import { describe, expect, it } from 'vitest';
import { ar } from '../../i18n/ar.ts';
import { en, type MessageKey } from '../../i18n/en.ts';
import { interpolate, type Lang } from '../../i18n/format.ts';
import {
  alertSentence,
  clearanceWords,
  type NoticeWordsReader,
  type TargetFacts,
  targetName,
  targetPlace,
} from './notice-words.ts';

const TAL_TAMR = {
  place: { name_en: 'Tal Tamr', name_ar: 'تل تمر', distance_m: 300 },
  district: null,
  governorate: { name_en: 'Al-Hasakeh', name_ar: 'الحسكة' },
};
const QAMISHLI = {
  place: { name_en: 'Qamishli', name_ar: 'القامشلي', distance_m: 100 },
  district: null,
  governorate: { name_en: 'Al-Hasakeh', name_ar: 'الحسكة' },
};

function reader(lang: Lang): NoticeWordsReader {
  const messages = lang === 'ar' ? ar : en;
  return {
    lang,
    t: (key: MessageKey, values) => interpolate(messages[key], values),
    number: (n) => (lang === 'ar' ? n.toLocaleString('ar-EG') : n.toLocaleString('en')),
    siteKind: (k) => ({ hospital: lang === 'ar' ? 'مستشفى' : 'Hospital' })[k] ?? k,
    actorName: (id) => ({ msf: lang === 'ar' ? 'أطباء بلا حدود' : 'MSF' })[id] ?? id,
    range: (from, to) => `${from.slice(0, 10)}–${to.slice(0, 10)}`,
    dateTime: (at) => at.slice(0, 16),
  };
}

const hospital: TargetFacts = {
  kind: 'notification_site',
  id: 'ntf-1',
  name: 'Field hospital',
  subkind: 'hospital',
  owner: 'ngo',
  where: TAL_TAMR,
  where_end: null,
};
const window = { from: '2016-09-20T10:00:00Z', to: '2016-09-21T18:00:00Z' };

describe('operation notices in words', () => {
  it('names a target by its name, a protected site by its kind and owner, never by an id', () => {
    expect(targetName(hospital, reader('en'))).toBe('Field hospital');
    const site: TargetFacts = { ...hospital, kind: 'protected_site', name: null, id: 's-quds-hospital', owner: 'msf' };
    expect(targetName(site, reader('en'))).toBe('Hospital of MSF');
    expect(targetName(site, reader('ar'))).toBe('مستشفى تابع لـأطباء بلا حدود');
    // A name that is an id is no name: the kind of target is said instead.
    expect(targetName({ ...hospital, kind: 'position', name: 'pos-3f2a-1' }, reader('en'))).toBe('Position');
  });

  it('places a movement from its start to its end, in the language', () => {
    const convoy: TargetFacts = { ...hospital, kind: 'movement', where: TAL_TAMR, where_end: QAMISHLI };
    expect(targetPlace(convoy, 'en')).toBe('Tal Tamr, Al-Hasakeh → Qamishli, Al-Hasakeh');
    expect(targetPlace(convoy, 'ar')).toBe('تل تمر، الحسكة → القامشلي، الحسكة');
    expect(targetPlace({ ...convoy, where_end: TAL_TAMR }, 'en')).toBe('Tal Tamr, Al-Hasakeh');
  });

  it('says an owner’s alert: how near, what, where and when, and nothing else', () => {
    expect(alertSentence({ target: hospital, clearance_m: 300, window }, reader('en'))).toBe(
      'An operation is planned within 300 m of Field hospital (Tal Tamr, Al-Hasakeh), between 2016-09-20–2016-09-21.',
    );
    expect(alertSentence({ target: hospital, clearance_m: 0, window: { ...window, to: null } }, reader('en'))).toBe(
      'An operation is planned over Field hospital (Tal Tamr, Al-Hasakeh), from 2016-09-20T10:00, with no end set.',
    );
    // The name is the owner's words; the rest is the reader's language.
    const arabic = alertSentence(
      { target: { ...hospital, name: 'مستشفى ميداني' }, clearance_m: 1250, window },
      reader('ar'),
    );
    expect(arabic).toContain('١٬٢٥٠');
    expect(arabic).toContain('تل تمر');
    expect(arabic).not.toMatch(/[A-Za-z]/);
  });

  it('reads a clearance of 0 as touching', () => {
    expect(clearanceWords(0, reader('en'))).toBe('touching');
    expect(clearanceWords(145, reader('en'))).toBe('145 m clear');
  });
});
