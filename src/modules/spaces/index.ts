// The spaces module's public surface, for the modules above it (none yet).
export {};
