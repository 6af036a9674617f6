import { describe, expect, it } from 'vitest';
import { commandFor, isTypingTarget, type KeyLike } from './keyboard';

function el(tagName: string, extra: Record<string, unknown> = {}): EventTarget {
  return { tagName: tagName.toUpperCase(), ...extra } as unknown as EventTarget;
}

function key(k: string, target: EventTarget | null = el('article'), mods: Partial<KeyLike> = {}): KeyLike {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, target, ...mods };
}

describe('inbox shortcuts', () => {
  it('maps the documented keys', () => {
    expect(commandFor(key('j'))).toEqual({ kind: 'move', by: 1 });
    expect(commandFor(key('k'))).toEqual({ kind: 'move', by: -1 });
    expect(commandFor(key('o'))).toEqual({ kind: 'open' });
    expect(commandFor(key('Enter'))).toEqual({ kind: 'open' });
    expect(commandFor(key('r'))).toEqual({ kind: 'read' });
    expect(commandFor(key('a'))).toEqual({ kind: 'form', form: 'reply' });
    expect(commandFor(key('f'))).toEqual({ kind: 'form', form: 'forward' });
    expect(commandFor(key('i'))).toEqual({ kind: 'form', form: 'insight' });
    expect(commandFor(key('e'))).toEqual({ kind: 'form', form: 'resolve' });
    expect(commandFor(key('u'))).toEqual({ kind: 'form', form: 'reopen' });
    expect(commandFor(key('t'))).toEqual({ kind: 'form', form: 'tag' });
    expect(commandFor(key('/'))).toEqual({ kind: 'search' });
    expect(commandFor(key('?'))).toEqual({ kind: 'help' });
    expect(commandFor(key('Escape'))).toEqual({ kind: 'close' });
    expect(commandFor(key('x'))).toBeNull();
  });

  it('never fires while typing, except Esc', () => {
    for (const target of [el('input', { type: 'text' }), el('input', { type: 'search' }), el('textarea'), el('select'), el('div', { isContentEditable: true })]) {
      expect(isTypingTarget(target)).toBe(true);
      for (const k of ['j', 'k', 'r', 'e', '/', '?', 'Enter']) expect(commandFor(key(k, target))).toBeNull();
      expect(commandFor(key('Escape', target))).toEqual({ kind: 'close' });
    }
    expect(isTypingTarget(el('input', { type: 'checkbox' }))).toBe(false);
  });

  it('leaves modified keys and Enter on buttons to the browser', () => {
    expect(commandFor(key('r', el('article'), { ctrlKey: true }))).toBeNull();
    expect(commandFor(key('j', el('article'), { metaKey: true }))).toBeNull();
    expect(commandFor(key('Enter', el('button')))).toBeNull();
    expect(commandFor(key('Enter', el('a')))).toBeNull();
  });
});
