import { describe, expect, it } from 'vitest';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { ERASE_WORD } from './YourData';

describe('your data texts', () => {
  it('exist in English and German and name the confirmation word', () => {
    for (const t of [en, de]) {
      expect(t.me.yourData).toBeTruthy();
      expect(t.me.downloadData).toBeTruthy();
      expect(t.me.eraseButton).toBeTruthy();
      expect(t.me.eraseWordLabel(ERASE_WORD)).toContain('ERASE');
      expect(t.me.eraseWordMismatch(ERASE_WORD)).toContain('ERASE');
    }
    expect(de.me.downloadData).not.toBe(en.me.downloadData);
  });
});
