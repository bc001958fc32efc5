// The e-mail and web addresses of organisations and services, as they are stored: checked once
// here, for the registration, profile and service forms alike.
import type { FieldProblem } from '../../shared/errors.ts';
import { isEmailAddress } from '../../shared/shapes.ts';

/** Trimmed and in lower case, or null when left empty; a problem when it is no address. */
export function checkEmail(raw: string | undefined, problems: FieldProblem[]): string | null {
  const email = raw?.trim().toLowerCase() || null;
  if (email && !isEmailAddress(email))
    problems.push({ field: 'email', message: 'is not an e-mail address', code: 'email_invalid' });
  return email;
}

/** With https:// when typed without a scheme, or null when left empty; a problem when unreadable. */
export function checkWebAddress(
  raw: string | undefined,
  field: string,
  problems: FieldProblem[],
): string | null {
  let url = raw?.trim() || null;
  if (url && !/^https?:\/\//i.test(url)) url = `https://${url}`;
  if (url && (url.length > 500 || !URL.canParse(url) || !new URL(url).hostname.includes('.')))
    problems.push({ field, message: 'is not a web address', code: 'url_invalid' });
  return url;
}
