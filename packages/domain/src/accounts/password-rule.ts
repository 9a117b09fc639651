// The password rule, as NIST SP 800-63B puts it: long enough (a passphrase fits), no composition rules, and
// refused when it is common, looks like a leaked password or is built from the person's own name or
// username. zxcvbn-ts estimates how many guesses a password takes against lists of common and leaked
// passwords, names and words, keyboard walks, dates and repeats. Its own module, not in the package's index:
// the dictionaries are large, so the web app loads them only on the pages that set a password.
import { ZxcvbnFactory, type Score } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
/**
 * zxcvbn's 4, "very unguessable" (10^10 guesses or more). Its 3 lets "Sommar2026!!" through, a season and a
 * year being the commonest Swedish pattern; a passphrase of three or four words reaches 4 at once.
 */
const REQUIRED_SCORE = 4;
/** a name or username shorter than this is too common a string to refuse a password for */
const MIN_PERSONAL_LENGTH = 3;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_NAME' | 'TOO_GUESSABLE';

export interface PasswordVerdict {
  /** null when the password may be used */
  problem: PasswordProblem | null;
  /** 0 (guessed at once) … 4 (very unguessable), for a strength meter */
  score: Score;
}

/** Words Swedish users build passwords from that the English and common lists do not hold. */
const SWEDISH_WORDS = [
  'lösenord',
  'losenord',
  'hemligt',
  'hemlis',
  'insyn',
  'skolan',
  'skola',
  'eleven',
  'läraren',
  'mentor',
  'rektor',
  'sommar',
  'vinter',
  'våren',
  'hösten',
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
  'måndag',
  'tisdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lördag',
  'söndag',
  'sverige',
  'svenska',
  'stockholm',
  'göteborg',
  'malmö',
  'uppsala',
  'kärlek',
  'älskar',
  'fotboll',
  'hockey',
  'hunden',
  'katten',
  'mamma',
  'pappa',
  'mormor',
  'farmor',
  'morfar',
  'farfar',
  'familjen',
  'hejhej',
  'hejsan',
  'välkommen',
  'tjenare',
  'godis',
  'glass',
  'prinsessa',
  'kalle',
  'anka',
  'pippi',
  'emil',
  'lönneberga',
];

let factory: ZxcvbnFactory | undefined;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary, swedish: SWEDISH_WORDS },
  }));

const folded = (text: string) => text.normalize('NFKC').toLocaleLowerCase('sv');

/**
 * Whether `password` may be a password for the person whose name and username are in `personal`
 * (given name, family name, username; any may be empty).
 */
export function judgePassword(password: string, personal: readonly string[]): PasswordVerdict {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { problem: 'TOO_SHORT', score: 0 };
  if (password.length > MAX_PASSWORD_LENGTH) return { problem: 'TOO_LONG', score: 0 };
  const own = personal.flatMap((text) => folded(text).split(/[\s.\-_@]+/)).filter((part) => [...part].length >= MIN_PERSONAL_LENGTH);
  const { score } = estimator().check(password, own);
  if (own.some((part) => folded(password).includes(part))) return { problem: 'CONTAINS_NAME', score };
  return { problem: score < REQUIRED_SCORE ? 'TOO_GUESSABLE' : null, score };
}
