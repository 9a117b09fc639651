// Names, personnummer, signatures, usernames and contact details for the demo people.
import { personnummerFor } from '@insyn/domain';
import type { SeededRandom } from './random.ts';

export type Gender = 'female' | 'male';

export interface PersonName {
  firstName: string;
  lastName: string;
  gender: Gender;
}

export class PersonFactory {
  private readonly usedIdentityNumbers = new Set<string>();
  private readonly usedMobiles = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  gender(): Gender {
    return this.random.chance(0.5) ? 'female' : 'male';
  }

  firstName(gender: Gender): string {
    return this.random.faker.person.firstName(gender);
  }

  lastName(): string {
    return this.random.faker.person.lastName();
  }

  name(gender: Gender = this.gender()): PersonName {
    return { firstName: this.firstName(gender), lastName: this.lastName(), gender };
  }

  /** A random date in a year, `YYYY-MM-DD`. */
  birthDateIn(year: number, latest?: string): string {
    const first = Date.UTC(year, 0, 1);
    const last = latest ? Math.min(Date.UTC(year, 11, 31), Date.parse(`${latest}T00:00:00Z`)) : Date.UTC(year, 11, 31);
    const days = Math.round((last - first) / 86_400_000);
    return new Date(first + this.random.int(0, days) * 86_400_000).toISOString().slice(0, 10);
  }

  /**
   * A personnummer not used before in the demo data. The third serial digit is odd for men and even
   * for women, as in real numbers.
   */
  personnummer(birthDate: string, gender: Gender, coordinationNumber = false): string {
    for (;;) {
      const serial = this.random.int(0, 99) * 10 + 2 * this.random.int(0, 4) + (gender === 'male' ? 1 : 0);
      const pnr = personnummerFor(birthDate, serial, { coordinationNumber });
      if (!this.usedIdentityNumbers.has(pnr)) {
        this.usedIdentityNumbers.add(pnr);
        return pnr;
      }
    }
  }

  /** A Swedish mobile number in E.164, +4670…, unique in the demo data. */
  mobilePhone(): string {
    for (;;) {
      const phone = `+4670${String(this.random.int(0, 9_999_999)).padStart(7, '0')}`;
      if (!this.usedMobiles.has(phone)) {
        this.usedMobiles.add(phone);
        return phone;
      }
    }
  }

  /** Addresses at domains reserved for examples (RFC 2606), so a demo can never mail a real person. */
  privateEmail(name: PersonName): string {
    const separator = this.random.pick(['.', '', '_']);
    const domain = this.random.pick(['example.com', 'example.net', 'example.org']);
    return `${asciiName(name.firstName)}${separator}${asciiName(name.lastName)}${this.random.int(1, 99)}@${domain}`;
  }
}

/** Lower-case ASCII of a name: å, ä → a, ö → o, é → e; letters, digits and hyphens only. */
export function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}

/** Usernames `first.last`, with 2, 3, … added on collisions; some names are kept for the demo logins. */
export class UsernameRegistry {
  private readonly taken = new Set<string>();

  reserve(username: string): string {
    if (this.taken.has(username)) throw new Error(`The username ${username} is already taken`);
    this.taken.add(username);
    return username;
  }

  forName(firstName: string, lastName: string): string {
    const stem = `${asciiName(firstName)}.${asciiName(lastName)}`;
    let candidate = stem;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${stem}${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}

/** Four-letter staff signatures (e.g. ANLI for Anna Lindqvist), unique in the organisation. */
export class SignatureRegistry {
  private readonly taken = new Set<string>();

  forName(firstName: string, lastName: string): string {
    const first = asciiName(firstName)
      .replace(/[^a-z]/g, '')
      .toUpperCase()
      .padEnd(4, 'X');
    const last = asciiName(lastName)
      .replace(/[^a-z]/g, '')
      .toUpperCase()
      .padEnd(4, 'X');
    const candidates = [
      first.slice(0, 2) + last.slice(0, 2),
      first.slice(0, 1) + last.slice(0, 3),
      first.slice(0, 3) + last.slice(0, 1),
      first.slice(0, 2) + last.charAt(0) + last.charAt(2),
      first.charAt(0) + first.charAt(2) + last.slice(0, 2),
    ];
    for (const candidate of candidates) if (this.claim(candidate)) return candidate;
    // Large staffs: keep the initials and count through the other two letters.
    for (let n = 0; n < 26 * 26; n++) {
      const candidate = `${first[0]}${last[0]}${letter(Math.floor(n / 26))}${letter(n % 26)}`;
      if (this.claim(candidate)) return candidate;
    }
    throw new Error(`No free signature for the initials ${first[0]}${last[0]}`);
  }

  private claim(candidate: string): boolean {
    if (this.taken.has(candidate)) return false;
    this.taken.add(candidate);
    return true;
  }
}

const letter = (index: number): string => String.fromCharCode(65 + index);
