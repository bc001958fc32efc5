// The exchange module's public surface, for the modules above it (interop: none yet). Its figures
// for an organisation's page reach the directory through its manifest (organisationFigures).
export { countFulfilled, fulfilledFigures } from './posts/fulfilled-figures.ts';
