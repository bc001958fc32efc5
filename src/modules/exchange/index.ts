// The exchange module's public surface, for the modules above it (interop: none yet).
export {};
