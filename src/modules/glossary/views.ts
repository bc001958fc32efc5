// Parts of the glossary's pages that other modules' pages show (index.ts stays free of views, which
// reach Fastify's types through the page context): the glossary's words named on a page.
export { GlossaryTerms } from './terms/page-terms.view.tsx';
