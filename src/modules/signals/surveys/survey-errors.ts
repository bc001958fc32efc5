// The surveys' own refusals, declared in the signals module's manifest; messages are
// signals.errors.<CODE> (and .title).
import { moduleErrors } from '../../../shared/errors.ts';

export const surveyErrors = moduleErrors('signals', {
  /** An answer before the survey opens. */
  SURVEY_NOT_OPEN: 409,
  /** An answer after it closed. */
  SURVEY_CLOSED: 409,
  /** A second answer from the same browser. */
  SURVEY_ALREADY_ANSWERED: 409,
  /** An owner's change of the whole survey, after someone answered it meanwhile. */
  SURVEY_ANSWERED_MEANWHILE: 409,
});
