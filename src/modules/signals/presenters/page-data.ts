// The shapes of the data the signals pages receive (views import no use case).
export type { PendingSignal } from '../use-cases/list-pending-signals.ts';
