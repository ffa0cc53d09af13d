/**
 * What the server says to people, as codes and terms (src/domain/statements.ts): the catalogue,
 * its English and the English names of terms, for the web app to render in its languages.
 */
export * from '../domain/statements.ts';
