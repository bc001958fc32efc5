// Parts of the directory's pages that other modules' pages show (index.ts stays free of views,
// which reach Fastify's types through the page context).
export { OrganisationFields } from './listing/profile/organisation-fields.tsx';
export { VouchPage } from './trust/vouch.page.tsx';
