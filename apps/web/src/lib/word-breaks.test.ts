import { describe, expect, it } from 'vitest';
import { withWordBreaks } from './word-breaks';

const shown = (text: string) => withWordBreaks(text).replaceAll('\u00AD', '|');

describe('word breaks in long Swedish subject names', () => {
  it('lets a compound break before its last part', () => {
    expect(shown('Religionskunskap')).toBe('Religions|kunskap');
    expect(shown('Hem- och konsumentkunskap')).toBe('Hem- och konsument|kunskap');
    expect(shown('Samhällsorienterande ämnen')).toBe('Samhälls|orienterande ämnen');
    expect(shown('Hemkunskapssalen')).toBe('Hem|kunskaps|salen');
    expect(shown('Naturkunskap 1b')).toBe('Natur|kunskap 1b');
  });

  it('leaves short words and words it does not know as they are', () => {
    expect(shown('Hemkunskap')).toBe('Hemkunskap');
    expect(shown('Matematik')).toBe('Matematik');
    expect(shown('Home and consumer studies')).toBe('Home and consumer studies');
  });

  it('changes nothing but the break points', () => {
    expect(withWordBreaks('Samhällskunskap').replaceAll('\u00AD', '')).toBe('Samhällskunskap');
  });
});
