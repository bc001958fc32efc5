// The moderation module's public surface.
export { moderationWeb } from './moderation.web.ts';
