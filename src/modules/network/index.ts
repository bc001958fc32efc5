// The network module's public surface, for the modules above it: an accepted answer to a question,
// which the knowledge module turns into a good practice's draft.
export { type AcceptedAnswer, findAcceptedAnswer } from './questions/accepted-answer.ts';
