// The referrals module's public surface: the only file other modules may import.
// Nothing yet: no other module uses referrals. Its routes and jobs are in module.ts.
export {};
