// The audit module's public surface: other modules record security events through it.
export {
  type AuditEntry,
  type AuditFilters,
  listAudit,
  type NewAuditEntry,
  recordAudit,
  auditAction,
} from './audit.repo.ts';
