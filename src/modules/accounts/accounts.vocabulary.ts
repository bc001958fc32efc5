// Closed vocabularies of accounts; their labels are in the i18n files ("accounts.role.platform.moderator").

/** What a person may do across the platform, besides their roles in organisations. */
export const platformRoles = ['member', 'moderator', 'analyst', 'admin'] as const;
export type PlatformRole = (typeof platformRoles)[number];

export const accountTokenPurposes = ['verify_email', 'reset_password', 'log_in'] as const;
export type AccountTokenPurpose = (typeof accountTokenPurposes)[number];
