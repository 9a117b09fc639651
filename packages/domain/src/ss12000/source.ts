// The SS 12000 source an organisation imports from: what makes its settings usable, checked alike in the web form
// and by the API.

export type Ss12000SourceAuthKind = 'BEARER_TOKEN' | 'CLIENT_CREDENTIALS';

export interface Ss12000SourceInput {
  baseUrl: string;
  auth: Ss12000SourceAuthKind;
  tokenUrl?: string | null;
  clientId?: string | null;
  /** a new token or client secret; empty keeps the one stored */
  secret?: string | null;
}

export type Ss12000SourceField = 'baseUrl' | 'tokenUrl' | 'clientId' | 'secret';
export type Ss12000SourceProblemCode = 'REQUIRED' | 'INVALID_URL' | 'NOT_HTTPS' | 'TOO_LONG';
export interface Ss12000SourceProblem {
  field: Ss12000SourceField;
  code: Ss12000SourceProblemCode;
}

const URL_MAX = 500;
const VALUE_MAX = 2000;
/** Plain HTTP only to this machine (a source under test, or a tunnel); anything that leaves it is HTTPS. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function urlProblem(field: Ss12000SourceField, value: string | null | undefined): Ss12000SourceProblem | null {
  const text = (value ?? '').trim();
  if (text === '') return { field, code: 'REQUIRED' };
  if (text.length > URL_MAX) return { field, code: 'TOO_LONG' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { field, code: 'INVALID_URL' };
  }
  if (url.username || url.password || url.search || url.hash) return { field, code: 'INVALID_URL' };
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return null;
  return { field, code: url.protocol === 'http:' ? 'NOT_HTTPS' : 'INVALID_URL' };
}

/** Every problem of the settings; `hasSecret` says whether a secret is stored already (then it may be left empty). */
export function checkSs12000Source(input: Ss12000SourceInput, hasSecret: boolean): Ss12000SourceProblem[] {
  const problems: Ss12000SourceProblem[] = [];
  const base = urlProblem('baseUrl', input.baseUrl);
  if (base) problems.push(base);
  if (input.auth === 'CLIENT_CREDENTIALS') {
    const token = urlProblem('tokenUrl', input.tokenUrl);
    if (token) problems.push(token);
    const clientId = (input.clientId ?? '').trim();
    if (clientId === '') problems.push({ field: 'clientId', code: 'REQUIRED' });
    else if (clientId.length > VALUE_MAX) problems.push({ field: 'clientId', code: 'TOO_LONG' });
  }
  const secret = input.secret ?? '';
  if (secret.trim() === '' && !hasSecret) problems.push({ field: 'secret', code: 'REQUIRED' });
  else if (secret.length > VALUE_MAX) problems.push({ field: 'secret', code: 'TOO_LONG' });
  return problems;
}

/** The base URL as stored: trimmed, without a trailing slash, so that endpoint paths are appended alike. */
export const normalisedSourceUrl = (url: string): string => url.trim().replace(/\/+$/, '');
