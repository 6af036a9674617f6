import { describe, expect, it } from 'vitest';
import { move, splitList } from './triageApi';

describe('splitList', () => {
  it('trims and drops empty parts', () => {
    expect(splitList(' crash, dark mode ,, bug ')).toEqual(['crash', 'dark mode', 'bug']);
    expect(splitList('')).toEqual([]);
  });
});

describe('move', () => {
  it('swaps with the neighbour and keeps out-of-range moves harmless', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
