// Closed vocabularies and limits of the good practices. Labels live in the module's messages under
// the same codes ("knowledge.status.draft", "knowledge.kind.obstacle").

export const practiceStatuses = ['draft', 'published', 'unpublished'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

/** The worksheet's three lists: obstacles met, levers that helped, tools and tips. */
export const worksheetKinds = ['obstacle', 'lever', 'tool'] as const;
export type WorksheetKind = (typeof worksheetKinds)[number];

/** The form's field of each list (and the practice's column). */
export const worksheetFields = { obstacle: 'obstacles', lever: 'levers', tool: 'tools' } as const;

export const practiceLimits = {
  title: { min: 5, max: 200 },
  summary: { max: 600 },
  story: { max: 20_000 },
  /** Items per list (chosen and new together). */
  items: 20,
  /** A new item's label. */
  itemLabel: { min: 3, max: 120 },
  links: 10,
  link: 500,
  /** Organisations involved besides the author's own. */
  organisations: 20,
  themes: 8,
  communes: 19,
  contactName: 100,
  contactWay: 200,
} as const;

/** A practice's attachments: PDF files, checked on upload (src/shared/pdfs.ts). */
export const attachmentLimits = {
  /** The most one file may weigh: 10 MiB. */
  maxBytes: 10 * 1024 * 1024,
  perPractice: 5,
  /** A title in one language. */
  titleLength: 200,
  /** The file's name as kept, its ".pdf" included. */
  fileNameLength: 120,
} as const;
