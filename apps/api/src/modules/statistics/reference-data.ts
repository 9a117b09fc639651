import type { PrismaClient } from '@insyn/db';
import type { DateSpan } from '@insyn/domain';
import { isoDate } from '../access/viewer.ts';

export interface SubjectNames {
  code: string;
  nameSv: string;
  nameEn: string;
}

interface TermSpan {
  term: DateSpan;
  schoolYear: DateSpan;
}

/** How long a process trusts what it holds: a change made elsewhere (another process, an import) shows within it. */
export const REFERENCE_DATA_MAX_AGE_MS = 60_000;

/** A read, held from when it started: requests that come while it is in flight share it. */
interface Held<T> {
  at: number;
  value: Promise<T>;
}

/**
 * Subjects and each organisation's terms, which every statistics request needs and which change a few times a year:
 * each server process holds them (one per `createServer`) rather than reading them on every request. A change made
 * through this process's administration drops them at once (`forget`); one made through another process, by an
 * import or in the database shows within REFERENCE_DATA_MAX_AGE_MS; a subject a figure names but the process does not
 * hold (created since) is read at once.
 */
export class ReferenceData {
  #subjects: Held<Map<string, SubjectNames>> | null = null;
  readonly #terms = new Map<string, Held<(TermSpan & { starts: string })[]>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Every subject by id; read again when one of `named` is not among them. */
  async subjects(named: Iterable<string | null> = []): Promise<Map<string, SubjectNames>> {
    const held = this.#fresh(this.#subjects);
    if (held) {
      const subjects = await held;
      if ([...named].every((id) => id === null || subjects.has(id))) return subjects;
    }
    const read: Held<Map<string, SubjectNames>> = { at: this.clock(), value: this.#readSubjects() };
    this.#subjects = read;
    // A failed read is not held (its callers get its error).
    read.value.catch(() => {
      if (this.#subjects === read) this.#subjects = null;
    });
    return read.value;
  }

  /** The term (and its school year) of the organisation that holds `today`, or the last one before it. */
  async currentTerm(organisationId: string, today: string): Promise<TermSpan | null> {
    let held = this.#fresh(this.#terms.get(organisationId) ?? null);
    if (!held) {
      const read = { at: this.clock(), value: this.#readTerms(organisationId) };
      this.#terms.set(organisationId, read);
      read.value.catch(() => {
        if (this.#terms.get(organisationId) === read) this.#terms.delete(organisationId);
      });
      held = read.value;
    }
    // Latest first: the first that has started is the one.
    const found = (await held).find((term) => term.starts <= today);
    return found ? { term: found.term, schoolYear: found.schoolYear } : null;
  }

  /** After a change to subjects, school years or terms made through this process. */
  forget(): void {
    this.#subjects = null;
    this.#terms.clear();
  }

  #fresh<T>(held: Held<T> | null): Promise<T> | null {
    return held && this.clock() - held.at < REFERENCE_DATA_MAX_AGE_MS ? held.value : null;
  }

  async #readSubjects(): Promise<Map<string, SubjectNames>> {
    const rows = await this.prisma.subject.findMany({ select: { id: true, code: true, nameSv: true, nameEn: true } });
    return new Map(rows.map(({ id, ...names }) => [id, names]));
  }

  async #readTerms(organisationId: string) {
    const rows = await this.prisma.term.findMany({
      where: { schoolYear: { organisationId } },
      orderBy: { startDate: 'desc' },
      select: { startDate: true, endDate: true, schoolYear: { select: { startDate: true, endDate: true } } },
    });
    return rows.map((row) => ({
      starts: isoDate(row.startDate),
      term: { from: isoDate(row.startDate), to: isoDate(row.endDate) },
      schoolYear: { from: isoDate(row.schoolYear.startDate), to: isoDate(row.schoolYear.endDate) },
    }));
  }
}
