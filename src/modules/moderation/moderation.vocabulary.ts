// Why a visitor reports a listing. Labels: "report.reason.<code>" in the i18n files.
export const reportReasons = [
  'closed',
  'wrong_contact',
  'wrong_hours',
  'wrong_address',
  'wrong_info',
  'other',
] as const;
export type ReportReason = (typeof reportReasons)[number];
