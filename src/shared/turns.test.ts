// Work in slices from several callers at once resumes one slice per turn of the event loop, in the
// order asked, so that a turn never runs the slices of all of them one after the other.
import { describe, expect, it } from 'vitest';
import { nextTurn, turnsWaiting } from './turns.ts';

describe('nextTurn', () => {
  it('resumes one waiting slice per turn of the event loop, in the order asked', async () => {
    const events: string[] = [];
    let ticking = true;
    const tick = () => {
      events.push('|');
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const work = async (name: string) => {
      for (let i = 0; i < 3; i++) {
        await nextTurn();
        events.push(name);
      }
    };
    await Promise.all([work('a'), work('b'), work('c')]);
    ticking = false;
    const slices = events.filter((e) => e !== '|');
    expect(slices.join('')).toBe('abcabcabc');
    // Between two turns, at most one slice ran.
    const perTurn = events
      .join('')
      .split('|')
      .map((s) => s.length);
    expect(Math.max(...perTurn)).toBe(1);
    expect(turnsWaiting()).toBe(0);
  });
});
