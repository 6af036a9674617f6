/** What a key press in the inbox asks for; null when it is not a shortcut (or must not be one here). */
export type InboxCommand =
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'open' }
  | { kind: 'read' }
  | { kind: 'form'; form: 'reply' | 'tag' | 'forward' | 'insight' | 'resolve' | 'reopen' }
  | { kind: 'search' }
  | { kind: 'help' }
  | { kind: 'close' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

/** Typing in a field must never trigger a shortcut: letters belong to the text being written. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const element = target as HTMLElement;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = ((element as HTMLInputElement).type || 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
  }
  return element.isContentEditable === true;
}

/** Buttons and links answer Enter themselves; the inbox takes Enter only on the list (a card or the page). */
function isActivatable(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const tag = (target as HTMLElement).tagName.toLowerCase();
  return tag === 'button' || tag === 'a' || tag === 'summary';
}

const FORMS: Record<string, Extract<InboxCommand, { kind: 'form' }>['form']> = {
  a: 'reply',
  t: 'tag',
  f: 'forward',
  i: 'insight',
  e: 'resolve',
  u: 'reopen',
};

export function commandFor(event: KeyLike): InboxCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Escape') return { kind: 'close' };
  if (isTypingTarget(event.target)) return null;
  switch (event.key) {
    case 'j':
      return { kind: 'move', by: 1 };
    case 'k':
      return { kind: 'move', by: -1 };
    case 'o':
      return { kind: 'open' };
    case 'Enter':
      return isActivatable(event.target) ? null : { kind: 'open' };
    case 'r':
      return { kind: 'read' };
    case '/':
      return { kind: 'search' };
    case '?':
      return { kind: 'help' };
  }
  const form = FORMS[event.key];
  return form ? { kind: 'form', form } : null;
}
