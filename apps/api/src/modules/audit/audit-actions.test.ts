// The actions the log's filter offers: each matches what it should, and the web app has words for each in both
// languages (a new action without them fails here, not on an administrator's screen as a code).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionMatch, AUDIT_LOG_ACTIONS, CHANGE_KINDS } from './audit-actions.ts';

interface AuditLogTexts {
  actions: Record<string, Record<string, string> | undefined>;
  records: Record<string, string | undefined>;
  changes: Record<string, string | undefined>;
}

const textsOf = (locale: 'sv' | 'en'): AuditLogTexts =>
  (
    JSON.parse(readFileSync(new URL(`../../../../web/src/locales/administration/${locale}.json`, import.meta.url), 'utf8')) as {
      administration: { auditLog: AuditLogTexts };
    }
  ).administration.auditLog;

describe('the actions of the audit log', () => {
  it('match one action exactly, or an administration family every change of its record', () => {
    expect(actionMatch('sickReport.created')).toEqual({ exact: 'sickReport.created' });
    expect(actionMatch('admin.school')).toEqual({ prefix: 'admin.school.' });
    expect(actionMatch('admin.schoolYear.created')).toEqual({ exact: 'admin.schoolYear.created' });
    expect(actionMatch('admin.nothing')).toBeNull();
    expect(actionMatch('admin.school.renamed')).toBeNull();
    expect(actionMatch('sickReport')).toBeNull();
    expect(actionMatch('')).toBeNull();
  });

  it('are each offered once, and every offered one matches', () => {
    expect(new Set(AUDIT_LOG_ACTIONS).size).toBe(AUDIT_LOG_ACTIONS.length);
    for (const action of AUDIT_LOG_ACTIONS) expect(actionMatch(action), action).not.toBeNull();
  });

  it.each(['sv', 'en'] as const)('have words in the web app, in %s', (locale) => {
    const texts = textsOf(locale);
    for (const action of AUDIT_LOG_ACTIONS) {
      const [area = '', name = ''] = action.split('.');
      expect(area === 'admin' ? texts.records[name] : texts.actions[area]?.[name], action).toBeTruthy();
    }
    for (const kind of CHANGE_KINDS) expect(texts.changes[kind], kind).toBeTruthy();
  });
});
