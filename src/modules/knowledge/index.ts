// The knowledge module's public surface, for the modules above it and the boot: the demo practices
// a demo start loads (demo-practices.ts).
export { loadDemoPractices } from './practices/demo-practices.ts';
