import type { PrismaClient } from '@insyn/db';
import type { DateSpan } from '@insyn/domain';
import { isoDate } from '../access/viewer.ts';

export interface SubjectNames {
  code: string;
  nameSv: string;
  nameEn: string;
}

/** What the statistics need of a school: its organisation (for the terms) and its absence thresholds. */
export interface SchoolStatisticsSettings {
  organisationId: string;
  warningPercent: number;
  alarmPercent: number;
  csnThresholdMinutes: number;
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
 * Subjects, each organisation's terms and each school's absence thresholds, which every statistics request needs and
 * which change a few times a year: each server process holds them (one per `createServer`) rather than reading them on
 * every request. A change made through this process's administration drops them at once (`forget`); one made through
 * another process, by an import or in the database shows within REFERENCE_DATA_MAX_AGE_MS; a subject a figure names
 * but the process does not hold (created since) is read at once.
 */
export class ReferenceData {
  #subjects: Held<Map<string, SubjectNames>> | null = null;
  readonly #terms = new Map<string, Held<(TermSpan & { starts: string })[]>>();
  readonly #schools = new Map<string, Held<SchoolStatisticsSettings>>();

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
    const terms = await this.#held(this.#terms, organisationId, () => this.#readTerms(organisationId));
    // Latest first: the first that has started is the one.
    const found = terms.find((term) => term.starts <= today);
    return found ? { term: found.term, schoolYear: found.schoolYear } : null;
  }

  /** The school's organisation and absence thresholds (rejects for a school that does not exist). */
  school(schoolId: string): Promise<SchoolStatisticsSettings> {
    return this.#held(this.#schools, schoolId, () => this.#readSchool(schoolId));
  }

  /** After a change to subjects, school years, terms or a school's thresholds made through this process. */
  forget(): void {
    this.#subjects = null;
    this.#terms.clear();
    this.#schools.clear();
  }

  /** The value held under `key` while fresh, else a new read, held from its start and dropped if it fails. */
  #held<T>(map: Map<string, Held<T>>, key: string, read: () => Promise<T>): Promise<T> {
    const fresh = this.#fresh(map.get(key) ?? null);
    if (fresh) return fresh;
    const held = { at: this.clock(), value: read() };
    map.set(key, held);
    held.value.catch(() => {
      if (map.get(key) === held) map.delete(key);
    });
    return held.value;
  }

  #fresh<T>(held: Held<T> | null): Promise<T> | null {
    return held && this.clock() - held.at < REFERENCE_DATA_MAX_AGE_MS ? held.value : null;
  }

  async #readSubjects(): Promise<Map<string, SubjectNames>> {
    const rows = await this.prisma.subject.findMany({ select: { id: true, code: true, nameSv: true, nameEn: true } });
    return new Map(rows.map(({ id, ...names }) => [id, names]));
  }

  async #readSchool(schoolId: string): Promise<SchoolStatisticsSettings> {
    const school = await this.prisma.school.findUniqueOrThrow({
      where: { id: schoolId },
      select: { organisationId: true, absenceWarningPercent: true, absenceAlarmPercent: true, csnThresholdMinutes: true },
    });
    return {
      organisationId: school.organisationId,
      warningPercent: school.absenceWarningPercent,
      alarmPercent: school.absenceAlarmPercent,
      csnThresholdMinutes: school.csnThresholdMinutes,
    };
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
