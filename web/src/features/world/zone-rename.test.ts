import { describe, expect, it } from 'vitest';
import { renameBody, renameProblem } from './zone-rename.ts';

describe("a zone's new name", () => {
  it.each([
    ['', 'Daraya', 'zone.rename.empty'],
    ['   ', 'Daraya', 'zone.rename.empty'],
    ['Daraya', 'Daraya', 'zone.rename.same'],
    [' Daraya ', 'Daraya', 'zone.rename.same'],
    ['Darayya', 'Daraya', null],
    // A zone drawn without a name is named.
    ['داريا', '', null],
  ])('%j for a zone named %j: %s', (typed, current, problem) => {
    expect(renameProblem(typed, current)).toBe(problem);
  });

  it('is sent trimmed', () => {
    expect(renameBody('  Darayya ')).toEqual({ name: 'Darayya' });
  });
});
