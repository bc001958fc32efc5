// A moderator's list of a concept's other words in one language, as typed in a plain text field:
// one word per line, optionally followed by "| vgc" (or cocof, cocom, federal) for the community or
// sector that uses it ("OCMW | vgc", "CPAS | cocof"). Works without JavaScript; every problem is
// named with its line.
import { glossaryLimits, type UsageSector, usageSectors } from '../glossary.vocabulary.ts';
import { foldLabel } from './fold-label.ts';

export interface TypedWord {
  text: string;
  folded: string;
  sector: UsageSector | null;
}

export type WordProblem =
  | { code: 'glossary_word_long'; line: number }
  | { code: 'glossary_word_sector'; line: number }
  | { code: 'glossary_word_twice'; line: number }
  | { code: 'glossary_words_many'; max: number };

export function parseWords(typed: string): { words: TypedWord[]; problems: WordProblem[] } {
  const words: TypedWord[] = [];
  const problems: WordProblem[] = [];
  const seen = new Set<string>();
  const lines = typed.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const [word = '', sector, ...rest] = raw.split('|').map((part) => part.trim().replace(/\s+/g, ' '));
    if (!word && !sector) continue;
    if (
      rest.length ||
      (sector !== undefined && !usageSectors.includes(sector.toLowerCase() as UsageSector))
    ) {
      problems.push({ code: 'glossary_word_sector', line });
      continue;
    }
    const folded = foldLabel(word);
    if (!folded || word.length > glossaryLimits.labelLength) {
      problems.push({ code: 'glossary_word_long', line });
      continue;
    }
    if (seen.has(folded)) {
      problems.push({ code: 'glossary_word_twice', line });
      continue;
    }
    seen.add(folded);
    words.push({
      text: word,
      folded,
      sector:
        sector && usageSectors.includes(sector.toLowerCase() as UsageSector)
          ? (sector.toLowerCase() as UsageSector)
          : null,
    });
  }
  if (words.length > glossaryLimits.labelsPerConcept)
    problems.push({ code: 'glossary_words_many', max: glossaryLimits.labelsPerConcept });
  return { words, problems };
}
