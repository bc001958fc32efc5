export { catalogues, defaultLocale, type MessageKey, negotiateLocale, timeZone, translator, type Translator } from './i18n.ts';
