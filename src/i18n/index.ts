export {
  catalogues,
  defaultLocale,
  type MessageKey,
  type MessageValues,
  negotiateLocale,
  type Translator,
  timeZone,
  translator,
} from './i18n.ts';
