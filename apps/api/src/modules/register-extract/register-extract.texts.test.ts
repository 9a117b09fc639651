// The extract's PDF names the audit log's events in the words the log viewer shows them in, in both languages (the
// person reads the same event the administrator saw), and its sections as the administration's page lists them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_LOG_ACTIONS, CHANGE_KINDS } from '../audit/audit-actions.ts';
import { actionWords, EXTRACT_TEXTS } from './register-extract.texts.ts';

interface WebTexts {
  administration: { auditLog: AuditLogTexts; registerExtract: { sections: Record<string, string | undefined> } };
}

interface AuditLogTexts {
  actions: Record<string, Record<string, string> | undefined>;
  records: Record<string, string | undefined>;
  changes: Record<string, string | undefined>;
}

const webTexts = (locale: 'sv' | 'en'): WebTexts =>
  JSON.parse(readFileSync(new URL(`../../../../web/src/locales/administration/${locale}.json`, import.meta.url), 'utf8')) as WebTexts;
const viewerTexts = (locale: 'sv' | 'en'): AuditLogTexts => webTexts(locale).administration.auditLog;

describe("the register extract's words", () => {
  it.each(['sv', 'en'] as const)('are the log viewer’s, in %s', (locale) => {
    const viewer = viewerTexts(locale);
    const texts = EXTRACT_TEXTS[locale];
    for (const action of AUDIT_LOG_ACTIONS) {
      const [area = '', name = ''] = action.split('.');
      if (area === 'admin') {
        for (const kind of CHANGE_KINDS)
          expect(actionWords(texts, `${action}.${kind}`)).toBe(`${viewer.records[name]} ${viewer.changes[kind]}`);
      } else {
        expect(actionWords(texts, action), action).toBe(viewer.actions[area]?.[name]);
      }
    }
  });

  it.each(['sv', 'en'] as const)('name the sections as the administration’s page does, in %s', (locale) => {
    expect(webTexts(locale).administration.registerExtract.sections).toEqual(EXTRACT_TEXTS[locale].sections);
  });

  it('keep an action they have no words for as its code', () => {
    expect(actionWords(EXTRACT_TEXTS.sv, 'something.new')).toBe('something.new');
  });
});
