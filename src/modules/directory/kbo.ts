// KBO/BCE enterprise numbers: ten digits, the last two a mod-97 check of the first eight.

/** "0203.071.973", "BE 0203071973" or "203071973" to "0203071973"; null when not a valid number. */
export function normaliseKbo(input: string): string | null {
  const digits = input.replace(/^\s*BE/i, '').replace(/[\s.\-/]/g, '');
  if (!/^\d{9,10}$/.test(digits)) return null;
  const ten = digits.padStart(10, '0');
  if (!/^[01]/.test(ten)) return null;
  const check = 97 - (Number(ten.slice(0, 8)) % 97);
  return check === Number(ten.slice(8)) ? ten : null;
}

/** "0203071973" to "0203.071.973", the way the KBO/BCE writes it. */
export function formatKbo(kbo: string): string {
  return `${kbo.slice(0, 4)}.${kbo.slice(4, 7)}.${kbo.slice(7)}`;
}
