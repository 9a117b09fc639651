// A guardian's contact choices: how they want to be told, and the number and address to use.
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { z } from 'zod';

export type MessageLocale = 'sv' | 'en';
export const MESSAGE_LOCALES: readonly MessageLocale[] = ['sv', 'en'];

export type ContactProblem =
  | { field: 'mobilePhone'; code: 'INVALID_PHONE' | 'NOT_A_MOBILE' | 'REQUIRED_FOR_SMS' }
  | { field: 'email'; code: 'INVALID_EMAIL' | 'REQUIRED_FOR_EMAIL' }
  | { field: 'locale'; code: 'UNKNOWN_LOCALE' };

export interface ContactChoices {
  bySms: boolean;
  byEmail: boolean;
  mobilePhone?: string | null;
  email?: string | null;
  locale: string;
}

export interface NormalisedContactChoices {
  bySms: boolean;
  byEmail: boolean;
  mobilePhone: string | null;
  email: string | null;
  locale: MessageLocale;
}

/**
 * A mobile number in E.164 (+46701234567), from what people type: `070-123 45 67`, `+46 70 123 45 67`,
 * `0046701234567`. Swedish unless it starts with a country code. A fixed-line number cannot take SMS.
 */
export function normaliseMobilePhone(input: string): { ok: true; value: string } | { ok: false; code: 'INVALID_PHONE' | 'NOT_A_MOBILE' } {
  const compact = input.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(compact, 'SE');
  if (!parsed) return { ok: false, code: 'INVALID_PHONE' };
  // The "mobile" metadata only knows mobile ranges: a valid fixed-line number is not valid here.
  if (!parsed.isValid()) return { ok: false, code: parsed.isPossible() ? 'NOT_A_MOBILE' : 'INVALID_PHONE' };
  return { ok: true, value: parsed.number };
}

const emailSchema = z.email();

export function normaliseEmail(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed.length > 254 || !emailSchema.safeParse(trimmed).success) return null;
  return trimmed;
}

/** Checks and normalises the choices: a channel that is on needs its number or address. */
export function checkContactChoices(
  input: ContactChoices,
): { ok: true; value: NormalisedContactChoices } | { ok: false; problems: ContactProblem[] } {
  const problems: ContactProblem[] = [];
  let mobilePhone: string | null = null;
  if (input.mobilePhone?.trim()) {
    const phone = normaliseMobilePhone(input.mobilePhone);
    if (phone.ok) mobilePhone = phone.value;
    else problems.push({ field: 'mobilePhone', code: phone.code });
  } else if (input.bySms) problems.push({ field: 'mobilePhone', code: 'REQUIRED_FOR_SMS' });

  let email: string | null = null;
  if (input.email?.trim()) {
    email = normaliseEmail(input.email);
    if (!email) problems.push({ field: 'email', code: 'INVALID_EMAIL' });
  } else if (input.byEmail) problems.push({ field: 'email', code: 'REQUIRED_FOR_EMAIL' });

  const locale = MESSAGE_LOCALES.find((known) => known === input.locale);
  if (!locale) problems.push({ field: 'locale', code: 'UNKNOWN_LOCALE' });

  if (problems.length > 0 || !locale) return { ok: false, problems };
  return { ok: true, value: { bySms: input.bySms, byEmail: input.byEmail, mobilePhone, email, locale } };
}
