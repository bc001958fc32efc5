// The cards of a path, as they are stored (learning_paths.cards) and read: every card has a key
// that stays the same while the path changes (progress and choice counts name it), a text in nl,
// fr and en, and where it leads. A text card links to glossary concepts (by slug) and to services
// of the directory (by id); a situation offers 2 to 5 choices, each with its feedback and the card
// it leads to; a quiz has options, one or more of them right, and one feedback for after the answer.
import { randomBytes } from 'node:crypto';
import type { I18nText } from '../../../shared/i18n-text.ts';

interface CardBase {
  key: string;
  text: I18nText;
}

export interface TextCard extends CardBase {
  kind: 'text';
  concepts: string[];
  services: string[];
  /** followingCard (''), endOfPath ('end') or a card's key. */
  next: string;
}

export interface Choice {
  key: string;
  label: I18nText;
  feedback: I18nText;
  next: string;
}

export interface SituationCard extends CardBase {
  kind: 'situation';
  choices: Choice[];
}

export interface QuizOption {
  key: string;
  label: I18nText;
  correct: boolean;
}

export interface QuizCard extends CardBase {
  kind: 'quiz';
  options: QuizOption[];
  feedback: I18nText;
  next: string;
}

export type Card = TextCard | SituationCard | QuizCard;

/** A new key for a card, a choice or an option: short, and never the words "end" or "". */
export const newKey = (): string => `k${randomBytes(5).toString('hex')}`;
