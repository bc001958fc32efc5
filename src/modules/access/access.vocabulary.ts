// Roles a person has in an organisation. Labels: "role.org.<code>" in the i18n files.

/**
 * admin: members and profile; editor: profile, services, locations, hours, contact persons;
 * referrer: sends and handles referrals. An admin may do what an editor may.
 */
export const organisationRoles = ['admin', 'editor', 'referrer'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];
