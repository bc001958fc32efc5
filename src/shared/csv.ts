// CSV as spreadsheets read it (RFC 4180), for any download of the platform. A text that starts like
// a formula (=, +, -, @, a tab or a return) gets a leading quote, so a spreadsheet shows it and
// never runs it; a field with a quote, a comma or a line break is quoted.

/** One field, safe to open in a spreadsheet. */
export function csvField(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines of fields already made safe, each ended by CRLF. */
export const csvLines = (lines: readonly (readonly string[])[]): string =>
  lines.map((line) => line.join(',')).join('\r\n') + '\r\n';

/**
 * The byte order mark: Excel (as set up in Belgium) reads a CSV as UTF-8 only when it starts with
 * one; without it, "é" shows as "Ã©".
 */
export const utf8Bom = '\uFEFF';
