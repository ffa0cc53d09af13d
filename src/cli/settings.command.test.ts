/** `truce settings set`: each --calm read, and the settings asked for from those standing. */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../app/settings/get-settings.ts';
import { changedSettings, parseCalm, type SettingsFlags } from './settings.command.ts';

const STANDING: Settings = {
  name: 'Syria 2016',
  timezone: 'Asia/Damascus',
  hostState: 'sy-gov',
  calm: [
    {
      agreement: 'coh-sept',
      thresholdPerDay: 2,
      daysRequired: 7,
      period: { from: '2016-09-12', to: '2016-09-20' },
      isDefault: true,
    },
    { agreement: 'other', thresholdPerDay: 1, daysRequired: 3, period: null, isDefault: false },
  ],
};
const flags = (f: Partial<SettingsFlags>): SettingsFlags => ({ calm: [], noCalm: [], dryRun: false, ...f });

describe('--calm AGREEMENT:THRESHOLD:DAYS[:FROM:TO|:none]', () => {
  it.each([
    ['coh:2:7', { agreement: 'coh', thresholdPerDay: 2, daysRequired: 7 }],
    [
      'coh:0:3:2016-02-27:2016-03-10',
      { agreement: 'coh', thresholdPerDay: 0, daysRequired: 3, period: { from: '2016-02-27', to: '2016-03-10' } },
    ],
    ['coh:2:7:none', { agreement: 'coh', thresholdPerDay: 2, daysRequired: 7, period: null }],
    // An id with colons: read from the end.
    ['un:sy:2016:1:2', { agreement: 'un:sy:2016', thresholdPerDay: 1, daysRequired: 2 }],
  ])('%s', (text, expected) => {
    expect(parseCalm(text)).toEqual(expected);
  });

  it.each([
    ['coh:2', /^--calm "coh:2": too few parts; give AGREEMENT:THRESHOLD:DAYS/],
    [':2:7', /AGREEMENT is empty/],
    ['coh:-1:7', /THRESHOLD "-1" must be a whole number from 0 to 100000/],
    ['coh:1.5:7', /THRESHOLD "1.5" must be a whole number/],
    ['coh:2:0', /DAYS "0" must be a whole number from 1 to 3660/],
    ['coh:2:7:2016-02-30:2016-03-02', /FROM "2016-02-30" is not a date YYYY-MM-DD/],
    ['coh:2:7:2016-03-10:2016-02-27', /TO 2016-02-27 is before FROM 2016-03-10/],
  ])('refuses %s naming --calm and what is wrong', (text, message) => {
    expect(() => parseCalm(text)).toThrow(message);
  });
});

describe('the settings asked for', () => {
  it('keeps what is not given, periods included', () => {
    expect(changedSettings(STANDING, flags({ timezone: 'UTC' }))).toEqual({
      timezone: 'UTC',
      hostState: 'sy-gov',
      calm: [
        { agreement: 'coh-sept', thresholdPerDay: 2, daysRequired: 7 },
        { agreement: 'other', thresholdPerDay: 1, daysRequired: 3 },
      ],
    });
  });

  it('changes one agreement, adds another, stops counting a third, and sets no host state', () => {
    const asked = changedSettings(
      STANDING,
      flags({ hostState: 'none', calm: ['coh:3:5', 'coh-sept:0:2:none'], noCalm: ['other'] }),
    );
    expect(asked).toEqual({
      timezone: 'Asia/Damascus',
      hostState: null,
      calm: [
        { agreement: 'coh-sept', thresholdPerDay: 0, daysRequired: 2, period: null },
        { agreement: 'coh', thresholdPerDay: 3, daysRequired: 5 },
      ],
    });
  });

  it('refuses an agreement given twice, or both counted and not, or not counted by --no-calm', () => {
    expect(() => changedSettings(STANDING, flags({ calm: ['coh:1:2', 'coh:2:3'] }))).toThrow(
      '--calm: "coh" is given twice',
    );
    expect(() => changedSettings(STANDING, flags({ calm: ['other:1:2'], noCalm: ['other'] }))).toThrow(
      '--no-calm "other": it is given to --calm too',
    );
    expect(() => changedSettings(STANDING, flags({ noCalm: ['coh'] }))).toThrow(
      '--no-calm "coh": no days of calm are counted for it',
    );
  });
});
