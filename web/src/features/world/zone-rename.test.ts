import { describe, expect, it } from 'vitest';
import { renameBody, renameProblem } from './zone-rename.ts';

describe("a zone's new names", () => {
  const daraya = { name: 'Daraya', nameAr: 'داريا' };
  it.each([
    [{ name: '', nameAr: 'داريا' }, daraya, 'zone.rename.empty'],
    [{ name: '   ', nameAr: '' }, daraya, 'zone.rename.empty'],
    [daraya, daraya, 'zone.rename.same'],
    [{ name: ' Daraya ', nameAr: ' داريا' }, daraya, 'zone.rename.same'],
    [{ name: 'Darayya', nameAr: 'داريا' }, daraya, null],
    // The Arabic name alone, changed or removed.
    [{ name: 'Daraya', nameAr: 'مدينة داريا' }, daraya, null],
    [{ name: 'Daraya', nameAr: '' }, daraya, null],
    // A zone drawn without a name is named.
    [{ name: 'Darayya', nameAr: '' }, { name: '', nameAr: '' }, null],
  ])('%j for a zone named %j: %s', (typed, current, problem) => {
    expect(renameProblem(typed, current)).toBe(problem);
  });

  it('are sent trimmed, an empty Arabic name as none', () => {
    expect(renameBody({ name: '  Darayya ', nameAr: ' داريا ' })).toEqual({ name: 'Darayya', name_ar: 'داريا' });
    expect(renameBody({ name: 'Darayya', nameAr: '  ' })).toEqual({ name: 'Darayya', name_ar: null });
  });
});
