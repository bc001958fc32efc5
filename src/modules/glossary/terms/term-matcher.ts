// Finds the glossary's concepts named in a text: the text folded as labels are (labels/fold-label.ts),
// then read word by word, taking at each word the longest label of any language that starts there
// ("OCMW-kaart" is the OCMW card, not OCMW followed by a card), and going on after it. Built once per
// glossary edition; a lookup is a walk over the text's words with a map per first word, no query.
import { foldLabel } from '../labels/fold-label.ts';
import type { GlossaryLanguage } from '../glossary.vocabulary.ts';
import type { SnapshotConcept } from '../snapshot/glossary-snapshot.ts';

/** A node of the words' trie: the labels ending here, and the next words. */
interface Node {
  next: Map<string, Node>;
  ends: { slug: string; language: GlossaryLanguage }[];
}

const node = (): Node => ({ next: new Map(), ends: [] });

export interface TermMatcher {
  /**
   * The slugs of the concepts named in the texts, in the order they first appear, at most `limit`.
   * Where one word belongs to concepts in two languages, the one in `prefer`'s first language wins.
   */
  find(texts: readonly string[], prefer: readonly GlossaryLanguage[], limit: number): string[];
}

/** Labels shorter than this (folded) are not looked for in texts: too many chance hits. */
const shortest = 2;

export function termMatcher(concepts: readonly SnapshotConcept[]): TermMatcher {
  const root = node();
  for (const concept of concepts)
    for (const label of concept.labels) {
      if (label.folded.length < shortest) continue;
      let at = root;
      for (const word of label.folded.split(' ')) {
        let next = at.next.get(word);
        if (!next) at.next.set(word, (next = node()));
        at = next;
      }
      at.ends.push({ slug: concept.slug, language: label.language });
    }

  return {
    find(texts, prefer, limit) {
      const found: string[] = [];
      const seen = new Set<string>();
      const rank = (language: GlossaryLanguage) => {
        const i = prefer.indexOf(language);
        return i < 0 ? prefer.length : i;
      };
      for (const text of texts) {
        const words = foldLabel(text).split(' ');
        for (let at = 0; at < words.length && found.length < limit;) {
          // The deepest node with labels along the words from here: the longest match.
          let longest: Node | undefined;
          let length = 0;
          let walk: Node | undefined = root;
          for (let i = at; i < words.length; i++) {
            walk = walk.next.get(words[i]!);
            if (!walk) break;
            if (walk.ends.length) {
              longest = walk;
              length = i - at + 1;
            }
          }
          if (!longest) {
            at++;
            continue;
          }
          let best = longest.ends[0]!;
          for (const end of longest.ends) if (rank(end.language) < rank(best.language)) best = end;
          if (!seen.has(best.slug)) {
            seen.add(best.slug);
            found.push(best.slug);
          }
          at += length;
        }
      }
      return found;
    },
  };
}
