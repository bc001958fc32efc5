// Every message the platform shows, per locale: the kernel's in ./locales, and each module's in
// src/modules/<module>/messages, whose keys start with the module's name ("referrals.inbox").
// Imported statically so that MessageKey knows every key; a module with messages adds its three
// lines here, and i18n.test.ts fails when one is missing or a key is not prefixed.
import accessEn from '../modules/access/messages/en.json' with { type: 'json' };
import accessFr from '../modules/access/messages/fr.json' with { type: 'json' };
import accessNl from '../modules/access/messages/nl.json' with { type: 'json' };
import accountsEn from '../modules/accounts/messages/en.json' with { type: 'json' };
import accountsFr from '../modules/accounts/messages/fr.json' with { type: 'json' };
import accountsNl from '../modules/accounts/messages/nl.json' with { type: 'json' };
import directoryEn from '../modules/directory/messages/en.json' with { type: 'json' };
import directoryFr from '../modules/directory/messages/fr.json' with { type: 'json' };
import directoryNl from '../modules/directory/messages/nl.json' with { type: 'json' };
import exchangeEn from '../modules/exchange/messages/en.json' with { type: 'json' };
import exchangeFr from '../modules/exchange/messages/fr.json' with { type: 'json' };
import exchangeNl from '../modules/exchange/messages/nl.json' with { type: 'json' };
import geoEn from '../modules/geo/messages/en.json' with { type: 'json' };
import geoFr from '../modules/geo/messages/fr.json' with { type: 'json' };
import geoNl from '../modules/geo/messages/nl.json' with { type: 'json' };
import glossaryEn from '../modules/glossary/messages/en.json' with { type: 'json' };
import glossaryFr from '../modules/glossary/messages/fr.json' with { type: 'json' };
import glossaryNl from '../modules/glossary/messages/nl.json' with { type: 'json' };
import knowledgeEn from '../modules/knowledge/messages/en.json' with { type: 'json' };
import knowledgeFr from '../modules/knowledge/messages/fr.json' with { type: 'json' };
import knowledgeNl from '../modules/knowledge/messages/nl.json' with { type: 'json' };
import kernelEn from './locales/en.json' with { type: 'json' };
import kernelFr from './locales/fr.json' with { type: 'json' };
import kernelNl from './locales/nl.json' with { type: 'json' };
import learningEn from '../modules/learning/messages/en.json' with { type: 'json' };
import learningFr from '../modules/learning/messages/fr.json' with { type: 'json' };
import learningNl from '../modules/learning/messages/nl.json' with { type: 'json' };
import membershipEn from '../modules/membership/messages/en.json' with { type: 'json' };
import membershipFr from '../modules/membership/messages/fr.json' with { type: 'json' };
import membershipNl from '../modules/membership/messages/nl.json' with { type: 'json' };
import moderationEn from '../modules/moderation/messages/en.json' with { type: 'json' };
import moderationFr from '../modules/moderation/messages/fr.json' with { type: 'json' };
import moderationNl from '../modules/moderation/messages/nl.json' with { type: 'json' };
import networkEn from '../modules/network/messages/en.json' with { type: 'json' };
import networkFr from '../modules/network/messages/fr.json' with { type: 'json' };
import networkNl from '../modules/network/messages/nl.json' with { type: 'json' };
import notificationsEn from '../modules/notifications/messages/en.json' with { type: 'json' };
import notificationsFr from '../modules/notifications/messages/fr.json' with { type: 'json' };
import notificationsNl from '../modules/notifications/messages/nl.json' with { type: 'json' };
import referralsEn from '../modules/referrals/messages/en.json' with { type: 'json' };
import referralsFr from '../modules/referrals/messages/fr.json' with { type: 'json' };
import referralsNl from '../modules/referrals/messages/nl.json' with { type: 'json' };
import searchEn from '../modules/search/messages/en.json' with { type: 'json' };
import searchFr from '../modules/search/messages/fr.json' with { type: 'json' };
import searchNl from '../modules/search/messages/nl.json' with { type: 'json' };
import signalsEn from '../modules/signals/messages/en.json' with { type: 'json' };
import signalsFr from '../modules/signals/messages/fr.json' with { type: 'json' };
import signalsNl from '../modules/signals/messages/nl.json' with { type: 'json' };
import spacesEn from '../modules/spaces/messages/en.json' with { type: 'json' };
import spacesFr from '../modules/spaces/messages/fr.json' with { type: 'json' };
import spacesNl from '../modules/spaces/messages/nl.json' with { type: 'json' };

/** Each source of messages: the kernel, then the modules in layer order. */
export const messageSources = {
  kernel: { nl: kernelNl, fr: kernelFr, en: kernelEn },
  notifications: { nl: notificationsNl, fr: notificationsFr, en: notificationsEn },
  geo: { nl: geoNl, fr: geoFr, en: geoEn },
  accounts: { nl: accountsNl, fr: accountsFr, en: accountsEn },
  access: { nl: accessNl, fr: accessFr, en: accessEn },
  glossary: { nl: glossaryNl, fr: glossaryFr, en: glossaryEn },
  search: { nl: searchNl, fr: searchFr, en: searchEn },
  directory: { nl: directoryNl, fr: directoryFr, en: directoryEn },
  spaces: { nl: spacesNl, fr: spacesFr, en: spacesEn },
  membership: { nl: membershipNl, fr: membershipFr, en: membershipEn },
  moderation: { nl: moderationNl, fr: moderationFr, en: moderationEn },
  referrals: { nl: referralsNl, fr: referralsFr, en: referralsEn },
  signals: { nl: signalsNl, fr: signalsFr, en: signalsEn },
  network: { nl: networkNl, fr: networkFr, en: networkEn },
  knowledge: { nl: knowledgeNl, fr: knowledgeFr, en: knowledgeEn },
  learning: { nl: learningNl, fr: learningFr, en: learningEn },
  exchange: { nl: exchangeNl, fr: exchangeFr, en: exchangeEn },
} as const;

type En = typeof kernelEn &
  typeof notificationsEn &
  typeof geoEn &
  typeof accountsEn &
  typeof accessEn &
  typeof glossaryEn &
  typeof searchEn &
  typeof directoryEn &
  typeof spacesEn &
  typeof membershipEn &
  typeof moderationEn &
  typeof referralsEn &
  typeof signalsEn &
  typeof networkEn &
  typeof knowledgeEn &
  typeof learningEn &
  typeof exchangeEn;
export type MessageKey = keyof En;
