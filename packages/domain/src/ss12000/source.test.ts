import { describe, expect, it } from 'vitest';
import { checkSs12000Source, normalisedSourceUrl } from './source.ts';

describe('SS 12000 source settings', () => {
  it('takes an HTTPS source with a bearer token', () => {
    expect(checkSs12000Source({ baseUrl: 'https://sis.example.se/ss12000/v2.1', auth: 'BEARER_TOKEN', secret: 'abc' }, false)).toEqual([]);
  });

  it('allows plain HTTP to this machine only', () => {
    expect(checkSs12000Source({ baseUrl: 'http://127.0.0.1:8080/v2.1', auth: 'BEARER_TOKEN', secret: 'x' }, false)).toEqual([]);
    expect(checkSs12000Source({ baseUrl: 'http://sis.example.se', auth: 'BEARER_TOKEN', secret: 'x' }, false)).toEqual([
      { field: 'baseUrl', code: 'NOT_HTTPS' },
    ]);
    expect(checkSs12000Source({ baseUrl: 'ftp://sis.example.se', auth: 'BEARER_TOKEN', secret: 'x' }, false)).toEqual([
      { field: 'baseUrl', code: 'INVALID_URL' },
    ]);
  });

  it('refuses credentials or a query in the URL, where they would be logged', () => {
    expect(checkSs12000Source({ baseUrl: 'https://user:pw@sis.example.se', auth: 'BEARER_TOKEN', secret: 'x' }, false)).toEqual([
      { field: 'baseUrl', code: 'INVALID_URL' },
    ]);
    expect(checkSs12000Source({ baseUrl: 'https://sis.example.se/?token=x', auth: 'BEARER_TOKEN', secret: 'x' }, false)).toEqual([
      { field: 'baseUrl', code: 'INVALID_URL' },
    ]);
  });

  it('needs the token URL and client id for client credentials, and a secret unless one is stored', () => {
    expect(checkSs12000Source({ baseUrl: 'https://sis.example.se', auth: 'CLIENT_CREDENTIALS', secret: '' }, false)).toEqual([
      { field: 'tokenUrl', code: 'REQUIRED' },
      { field: 'clientId', code: 'REQUIRED' },
      { field: 'secret', code: 'REQUIRED' },
    ]);
    expect(
      checkSs12000Source(
        { baseUrl: 'https://sis.example.se', auth: 'CLIENT_CREDENTIALS', tokenUrl: 'https://sis.example.se/token', clientId: 'insyn' },
        true,
      ),
    ).toEqual([]);
  });

  it('stores the base URL without a trailing slash', () => {
    expect(normalisedSourceUrl(' https://sis.example.se/ss12000/v2.1/ ')).toBe('https://sis.example.se/ss12000/v2.1');
  });
});
