// Where a form may send the person afterwards: only a path on this site.
/** Only a path on this site: "/fr/account", never "//elsewhere.example" or "https://…". */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return undefined;
  // Browsers drop tabs and newlines and read \ as /, so "/\t/evil.example" would leave the site.
  if ([...next].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return undefined;
  const base = 'https://passerelle.invalid';
  return new URL(next, base).origin === base ? next : undefined;
}
