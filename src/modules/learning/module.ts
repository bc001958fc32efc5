// Learning paths for volunteers: short paths of cards (a text with links to the glossary and the
// directory, a branching situation, a quiz) that moderators and allowed organisations compose in
// nl, fr and en, and that anyone follows, with or without an account. The choices learners make
// are counted anonymously, so authors see which situations confuse people.
import type { ModuleManifest } from '../../http/module-manifest.ts';
import { tablesOf } from '../../db/tables.ts';
import { moduleErrors } from '../../shared/errors.ts';
import * as learningSchema from './learning.schema.ts';
import { learnerWeb } from './learner/learner.web.ts';
import { composeWeb } from './paths/compose.web.ts';
import { cardsWeb } from './paths/cards.web.ts';
import { composersWeb } from './composers/composers.web.ts';
import { StepLimiter } from './learner/step-limiter.ts';
import { ChoiceTally } from './learner/choice-tally.ts';

declare module '../../http/deps.ts' {
  interface Services {
    /** This process's limit of counted steps per address (learner/step-limiter.ts). */
    learningSteps: StepLimiter;
    /** This process's choices not yet written, in batches (learner/choice-tally.ts). */
    learningCounts: ChoiceTally;
  }
}

const errors = moduleErrors('learning', {
  /** Also for a draft the reader does not compose. */
  LEARNING_PATH_NOT_FOUND: 404,
  LEARNING_CARD_NOT_FOUND: 404,
});

export const learningModule = {
  name: 'learning',
  tables: tablesOf(learningSchema),
  errors,
  routes: { pages: [learnerWeb, composeWeb, cardsWeb, composersWeb] },
  start: ({ db, log }) => {
    const tally = new ChoiceTally(db, (error) => log.error({ err: error }, 'learning choice counts'));
    tally.start();
    return {
      services: { learningSteps: new StepLimiter(), learningCounts: tally },
      close: () => tally.close(),
    };
  },
} satisfies ModuleManifest;
