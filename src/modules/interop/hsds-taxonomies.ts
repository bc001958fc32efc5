// The taxonomies Passerelle publishes through HSDS: the welfare themes, and its own vocabularies
// (organisation kinds, target groups, access conditions) as extra taxonomies.
import { type Locale, textIn } from '../../shared/i18n-text.ts';
import {
  accessConditions,
  organisationKinds,
  type TaxonomyTermRow,
  targetGroups,
} from '../directory/index.ts';

/** Namespace for Passerelle's derived HSDS ids. */
import { compact, derivedId, text } from './hsds-values.ts';

export const themesTaxonomyId = derivedId('taxonomy', 'passerelle-themes');

/** Passerelle's closed vocabularies, published as HSDS taxonomies next to the welfare themes. */
export const vocabularies = {
  'passerelle-organisation-kinds': organisationKinds,
  'passerelle-target-groups': targetGroups,
  'passerelle-access-conditions': accessConditions,
} as const;
type VocabularyName = keyof typeof vocabularies;

type LabelPrefix = 'directory.kind' | 'directory.target' | 'directory.access';
/** Translated label of a vocabulary value, e.g. ("directory.kind", "self_organisation"). */
export type Labels = (prefix: LabelPrefix, code: string) => string;

const prefixOf: Record<VocabularyName, LabelPrefix> = {
  'passerelle-organisation-kinds': 'directory.kind',
  'passerelle-target-groups': 'directory.target',
  'passerelle-access-conditions': 'directory.access',
};

export function presentTaxonomies(locale: Locale) {
  const names: Record<string, Record<Locale, string>> = {
    'passerelle-themes': {
      nl: 'Welzijnsthema’s',
      fr: 'Thèmes du social et de la santé',
      en: 'Welfare themes',
    },
    'passerelle-organisation-kinds': {
      nl: 'Soorten organisaties',
      fr: 'Types d’organisations',
      en: 'Organisation kinds',
    },
    'passerelle-target-groups': { nl: 'Doelgroepen', fr: 'Publics cibles', en: 'Target groups' },
    'passerelle-access-conditions': {
      nl: 'Toegangsvoorwaarden',
      fr: 'Conditions d’accès',
      en: 'Access conditions',
    },
  };
  return Object.entries(names).map(([name, label]) =>
    compact({
      id: derivedId('taxonomy', name),
      name,
      description: label[locale],
      version: '1',
    }),
  );
}

export function presentThemeTerm(
  term: TaxonomyTermRow,
  byCode: Map<string, TaxonomyTermRow>,
  locale: Locale,
) {
  const name = textIn(term.name, locale);
  return compact({
    id: term.id,
    code: term.code,
    name,
    description: text(term.description, locale) ?? name,
    parent_id: term.parentCode ? byCode.get(term.parentCode)?.id : undefined,
    taxonomy: 'passerelle-themes',
    taxonomy_id: themesTaxonomyId,
    language: locale,
  });
}

export function vocabularyTerms(labels: Labels, locale: Locale) {
  return (Object.keys(vocabularies) as VocabularyName[]).flatMap((taxonomy) =>
    vocabularies[taxonomy].map((code) => vocabularyTerm(taxonomy, code, labels, locale)),
  );
}

export function vocabularyTerm(taxonomy: VocabularyName, code: string, labels: Labels, locale: Locale) {
  const name = labels(prefixOf[taxonomy], code);
  return {
    id: derivedId('term', taxonomy, code),
    code,
    name,
    description: name,
    taxonomy,
    taxonomy_id: derivedId('taxonomy', taxonomy),
    language: locale,
  };
}

export function attribute(linkId: string, linkType: string, term: { id: string } & Record<string, unknown>) {
  return {
    id: derivedId('attribute', linkId, term.id),
    link_id: linkId,
    link_type: linkType,
    link_entity: linkType,
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  };
}
