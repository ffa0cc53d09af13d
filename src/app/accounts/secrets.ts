/** Passwords (argon2id) and bearer secrets (random, stored as SHA-256). */
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
export const hashPassword = (password: string) =>
  hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);

let dummy: Promise<string> | null = null;
/**
 * A real argon2id hash, with the same cost, of a password nobody knows: what a sign-in as an
 * unknown user is checked against. Made once per process, on first use.
 */
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hashPassword(newSecret()));

export const newSecret = () => randomBytes(32).toString('base64url');
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const newId = () => randomUUID();

/** A password the admin can type: four groups of five characters. */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  return Array.from(bytes, (b, i) => (i > 0 && i % 5 === 0 ? '-' : '') + alphabet[b % alphabet.length]).join('');
}

export const MIN_PASSWORD_LENGTH = 10;
