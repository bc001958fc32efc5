export {
  catalogues,
  defaultLocale,
  type MessageKey,
  negotiateLocale,
  type Translator,
  timeZone,
  translator,
} from './i18n.ts';
