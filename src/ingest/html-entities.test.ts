import { describe, expect, it } from 'vitest';
import { decodeEntities } from './html-entities.ts';

describe('decodeEntities', () => {
  it.each([
    ['Russia&#8217;s air strikes', 'Russia’s air strikes'],
    ['&#8220;Barrel bombs&#8221; on Daraya &#8211; 12 killed&#8230;', '“Barrel bombs” on Daraya – 12 killed…'],
    ['Tom &amp; Jerry &lt;b&gt; &quot;x&quot; &#x41;', 'Tom & Jerry <b> "x" A'],
    ['no references at all', 'no references at all'],
  ])('reads %j as %j', (text, expected) => {
    expect(decodeEntities(text)).toBe(expected);
  });

  it('leaves what names no character as it is', () => {
    expect(decodeEntities('AT&T &unknown; &#0; &#xD800; &#99999999;')).toBe('AT&T &unknown; &#0; &#xD800; &#99999999;');
  });
});
