import { describe, expect, it } from 'vitest';
import { htmlText, mediaTypeOf, plainText } from './plain-text.ts';

describe('plain text of an upload', () => {
  it('tells the kind by media type or name', () => {
    expect(mediaTypeOf('a.eml', '')).toBe('message/rfc822');
    expect(mediaTypeOf('a.bin', 'text/html; charset=utf-8')).toBe('text/html');
    expect(mediaTypeOf('sitrep.pdf', '')).toBe('application/pdf');
    expect(mediaTypeOf('a.txt', '')).toBe('text/plain');
    expect(mediaTypeOf('a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(null);
  });

  it('reads HTML without its markup, scripts and styles; blocks as paragraphs', () => {
    expect(
      htmlText(
        '<html><head><title>x</title><style>p{}</style></head><body><h1>Douma</h1><p>Shelled&nbsp;yesterday.</p><script>1</script><p>Five &amp; more.</p></body></html>',
      ),
    ).toBe('Douma\n\nShelled yesterday.\n\nFive & more.');
  });

  it('reads an email: its subject, its sender, its text part (base64, multipart), its Date', () => {
    const eml = [
      'From: =?UTF-8?Q?Field_office_=C2=B7_Douma?= <douma@example.org>',
      'Subject: =?UTF-8?B?2YLYtdmBINi52YTZiSDYr9mI2YXYpw==?=',
      'Date: Fri, 8 Jul 2016 01:30:00 +0300',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('قصفت قوات النظام دوما أمس.').toString('base64'),
      '--b',
      'Content-Type: text/html',
      '',
      '<p>ignored</p>',
      '--b--',
    ].join('\r\n');
    // 01:30 in Damascus is the 7th in UTC: the day is the one the sender wrote.
    expect(plainText(eml, 'message/rfc822')).toEqual({
      text: 'قصف على دوما\n\nقصفت قوات النظام دوما أمس.',
      date: '2016-07-08',
      sender: 'Field office · Douma <douma@example.org>',
      subject: 'قصف على دوما',
    });
  });
});

describe('hostile uploads', () => {
  it('drops NUL characters; reads an unknown charset as UTF-8', () => {
    expect(plainText('a\u0000b', 'text/plain').text).toBe('ab');
    const eml = 'Content-Type: text/plain; charset=x-nonsense\n\nDouma';
    expect(plainText(eml, 'message/rfc822').text).toBe('Douma');
  });
});
