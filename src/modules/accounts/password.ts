// Password hashing (argon2id, OWASP's parameters) and the strength rule. Strength is judged by
// zxcvbn-ts, which knows the lists of leaked and common passwords, names, words in our three
// languages, keyboard patterns, dates and repeats (in a worker thread: password-guessing.ts); the
// reasons we give are our own translated ones.
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { judgeGuessing } from './password-guessing.ts';

export const passwordLength = { min: 10, max: 200 } as const;

/** Why a password is refused; each has a message "password.<reason>" in the i18n files. */
export type PasswordProblem = 'too_short' | 'too_long' | 'leaked' | 'personal' | 'predictable' | 'weak';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane.
// Algorithm.Argon2id is a const enum, which a per-file build cannot inline.
const argon = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when no account matches, so both answers take as long. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('no account has this password 7f3a9c');
  return decoy;
}

/** The first reason to refuse a password, or null when it is strong enough. */
export async function passwordProblem(
  password: string,
  personal: string[] = [],
): Promise<PasswordProblem | null> {
  if ([...password].length < passwordLength.min) return 'too_short';
  if (password.length > passwordLength.max) return 'too_long';
  const inputs = personal
    .flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((p) => p.length >= 3);
  // Matching grows fast with length (a varied 200-character password took seconds of the worker);
  // the first 64 characters tell whether a password is guessable.
  const judged = [...password].slice(0, 64).join('');
  const result = await judgeGuessing(judged, inputs);
  const sequence = result.sequence;
  // Mostly one's own name or address is guessable by anyone who knows the person, whatever the score.
  const personalLength = sequence
    .filter((m) => m.dictionaryName === 'userInputs')
    .reduce((sum, m) => sum + m.token.length, 0);
  if (personalLength * 2 >= judged.length) return 'personal';
  if (result.score >= 3) return null;
  const strongest = sequence.filter((m) => m.token.length >= 4);
  if (strongest.some((m) => m.dictionaryName?.startsWith('passwords'))) return 'leaked';
  if (strongest.some((m) => m.dictionaryName === 'userInputs')) return 'personal';
  if (strongest.some((m) => ['spatial', 'repeat', 'sequence', 'date', 'regex'].includes(m.pattern)))
    return 'predictable';
  return 'weak';
}
