// Checks of the fields people type into account forms. Each problem names the field and a message
// code ("fields.<code>" in the i18n files), so the form can show it next to the field.
import type { FieldProblem } from '../../shared/errors.ts';
import { isLocale, type Locale } from '../../shared/i18n-text.ts';
import { type PasswordProblem, passwordProblem } from './password.ts';
import { isEmailAddress } from '../../shared/shapes.ts';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailProblem(email: string): FieldProblem | null {
  if (!email) return { field: 'email', message: 'is required', code: 'required' };
  if (!isEmailAddress(email))
    return { field: 'email', message: 'is not an e-mail address', code: 'email_invalid' };
  return null;
}

export function nameProblem(name: string): FieldProblem | null {
  if (!name.trim()) return { field: 'name', message: 'is required', code: 'required' };
  if (name.length > 100) return { field: 'name', message: 'is too long', code: 'too_long_100' };
  return null;
}

export async function newPasswordProblem(
  password: string,
  personal: string[],
  field = 'password',
): Promise<FieldProblem | null> {
  const problem: PasswordProblem | null = await passwordProblem(password, personal);
  return problem
    ? { field, message: `password ${problem.replace('_', ' ')}`, code: `password_${problem}` }
    : null;
}

export function localeOrDefault(value: string | undefined, fallback: Locale): Locale {
  return isLocale(value) ? value : fallback;
}
