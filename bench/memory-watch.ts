// The served process's RSS sampled through the whole bench, so the peak can be laid at a phase's
// door: each load names its phase, and what runs between loads (seeding, a second process) is
// named after the load before it. /proc/PID/status is read every 100 ms; a read costs microseconds.
import { readFileSync } from 'node:fs';

export interface PhaseMemory {
  phase: string;
  maxRssMb: number;
}

export interface MemoryWatch {
  /** From now on samples belong to `phase`. */
  enter(phase: string): void;
  /** The highest RSS sampled since `enter` (0 before any sample). */
  phaseMaxMb(): number;
  /** Every phase in order with its highest RSS; stops sampling. */
  stop(): PhaseMemory[];
}

export function rssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0; // the process has ended
  }
}

export function watchMemory(pid: number, everyMs = 100): MemoryWatch {
  const phases: PhaseMemory[] = [];
  let current: PhaseMemory = { phase: 'idle', maxRssMb: 0 };
  phases.push(current);
  const sample = () => {
    current.maxRssMb = Math.max(current.maxRssMb, rssMbOf(pid));
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    enter(phase) {
      sample();
      current = { phase, maxRssMb: 0 };
      phases.push(current);
      sample();
    },
    phaseMaxMb() {
      sample();
      return current.maxRssMb;
    },
    stop() {
      sample();
      clearInterval(timer);
      return phases;
    },
  };
}
