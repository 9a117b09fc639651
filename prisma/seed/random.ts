// Every random choice of the demo data comes from here, so one seed gives one database.
import { createHash } from 'node:crypto';
import { Faker, base, sv } from '@faker-js/faker';

export class SeededRandom {
  readonly faker: Faker;

  constructor(readonly seed: number) {
    this.faker = new Faker({ locale: [sv, base], seed });
  }

  /**
   * An independent stream for one part of the data, so that a change in how students are made
   * does not reshuffle the timetable.
   */
  fork(label: string): SeededRandom {
    const digest = createHash('sha256').update(`${this.seed}:${label}`).digest();
    return new SeededRandom(digest.readUInt32BE(0));
  }

  /** A version-4 UUID drawn from this stream. */
  uuid(): string {
    return this.faker.string.uuid();
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  chance(probability: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < probability;
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return this.faker.helpers.shuffle([...items]);
  }
}

/**
 * A version-4-shaped UUID from md5 of a text: for ids that must follow from other ids rather than from
 * a stream's position, as `uuidFromMd5` does in SQL.
 */
export function uuidFromText(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  const variant = '89ab'.charAt(Number.parseInt(hex.charAt(16), 16) % 4);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
