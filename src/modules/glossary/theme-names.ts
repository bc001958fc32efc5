// The names of the directory's themes, which a concept's page shows and links to. The directory
// comes after the glossary (search reads the glossary, the directory searches), so the glossary
// cannot ask it: the directory's manifest hands its names over (`themeNames`), and the glossary
// reads them through deps.services.glossaryThemeNames once every module has started.
import type { Database } from '../../db/client.ts';
import type { I18nText } from '../../shared/i18n-text.ts';

/** Each theme's code with its name in nl, fr and en. */
export type ThemeNames = (db: Database) => Promise<ReadonlyMap<string, I18nText>>;

declare module '../../http/module-manifest.ts' {
  interface ModuleManifest {
    /** The names of the directory's themes, for the glossary's pages (glossary/theme-names.ts). */
    readonly themeNames?: ThemeNames;
  }
}

/** The one module's names, or none: the pages then show the themes' codes. */
export const noThemeNames: ThemeNames = async () => new Map();
