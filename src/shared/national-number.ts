// A referral or a need signal never carries a national register number (rijksregisternummer /
// numéro de registre national). People paste them out of habit, so free text is checked for one
// before it is stored.

/** 11 digits, written plainly or as 85.07.30-033.28, whose check digits are right. */
const candidate = /(?<!\d)(\d{2})[.\s]?(\d{2})[.\s]?(\d{2})[-.\s]?(\d{3})[.\s]?(\d{2})(?!\d)/g;

function checksumHolds(first9: string, check: number): boolean {
  const before2000 = 97 - (Number(first9) % 97);
  const from2000 = 97 - (Number(`2${first9}`) % 97);
  return check === before2000 || check === from2000;
}

export function containsNationalNumber(text: string): boolean {
  for (const m of text.matchAll(candidate)) {
    const first9 = `${m[1]}${m[2]}${m[3]}${m[4]}`;
    if (checksumHolds(first9, Number(m[5]))) return true;
  }
  return false;
}
