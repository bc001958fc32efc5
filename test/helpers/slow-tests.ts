// Process and browser tests start servers, databases and Chromium. On a quiet machine they take
// seconds; on a loaded CI machine the same steps took over 30 s, and a time-out there is not a bug.
// Such files call this at the top, so their tests and hooks get a limit that fits a loaded machine.
import { vi } from 'vitest';

export const slowTestTimeout = 240_000;

export function allowSlowTests(): void {
  vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });
}
