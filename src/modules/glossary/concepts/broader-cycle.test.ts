import { describe, expect, it } from 'vitest';
import { broaderCycle } from './broader-cycle.ts';

const links = (pairs: [string, string[]][]) => new Map(pairs);

describe('broaderCycle', () => {
  it('finds no loop in a tree, nor when a concept gets a second wider concept', () => {
    const tree = links([
      ['leefloon', ['sociale-bijstand']],
      ['sociale-bijstand', ['inkomen']],
      ['huurwaarborg', ['huisvesting']],
    ]);
    expect(broaderCycle('noodhulp', ['sociale-bijstand', 'huisvesting'], tree)).toBeNull();
    expect(broaderCycle('leefloon', ['sociale-bijstand', 'inkomen'], tree)).toBeNull();
    expect(broaderCycle('inkomen', [], tree)).toBeNull();
  });

  it('refuses a concept wider than itself', () => {
    expect(broaderCycle('a', ['a'], links([]))).toEqual(['a', 'a']);
  });

  it('gives the loop A broader than B broader than A, and a longer one', () => {
    expect(broaderCycle('a', ['b'], links([['b', ['a']]]))).toEqual(['a', 'b', 'a']);
    const chain = links([
      ['b', ['c']],
      ['c', ['d']],
      ['d', ['a']],
      ['x', ['y']],
    ]);
    expect(broaderCycle('a', ['x', 'b'], chain)).toEqual(['a', 'b', 'c', 'd', 'a']);
  });

  it('stops on loops that do not pass through the concept, and on shared ancestors', () => {
    const tangled = links([
      ['b', ['c', 'd']],
      ['c', ['e']],
      ['d', ['e']],
      ['e', ['f']],
      ['f', ['e']],
    ]);
    expect(broaderCycle('a', ['b'], tangled)).toBeNull();
  });
});
