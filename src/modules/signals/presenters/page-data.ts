// The shapes of the data the signals pages receive (views import no use case).
export type { SignalView } from '../present-signal.ts';
