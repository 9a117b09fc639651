// What a run did or would do, per kind of record: counts, the records added, changed and ended (the first 1000),
// and the problems that stop it, each naming the source record. Reported while the run reads and kept after it.
import { SS12000_IMPORTED_KINDS, type Ss12000ImportedKind } from '@insyn/domain';

export const IMPORTED_KINDS = SS12000_IMPORTED_KINDS;
export type ImportedKind = Ss12000ImportedKind;

export interface ImportProblem {
  endpoint: string;
  /** the source record's id; null for a problem of the source as a whole */
  sourceId: string | null;
  code: string;
  field?: string;
}

export interface ImportChange {
  kind: ImportedKind;
  sourceId: string;
  /** a name to know the record by */
  name: string;
  outcome: 'ADD' | 'CHANGE' | 'END';
  fields: string[];
}

export interface KindCount {
  added: number;
  changed: number;
  ended: number;
  unchanged: number;
}

/** The changes listed in a report, at most; the counts cover all. */
export const LISTED_CHANGES = 1000;

export class ImportTally {
  readonly counts = Object.fromEntries(IMPORTED_KINDS.map((kind) => [kind, { added: 0, changed: 0, ended: 0, unchanged: 0 }])) as Record<
    ImportedKind,
    KindCount
  >;
  readonly problems: ImportProblem[] = [];
  readonly changes: ImportChange[] = [];

  problem(problem: ImportProblem) {
    this.problems.push(problem);
  }

  private listed(change: ImportChange) {
    if (this.changes.length < LISTED_CHANGES) this.changes.push(change);
  }

  added(kind: ImportedKind, sourceId: string, name: string) {
    this.counts[kind].added += 1;
    this.listed({ kind, sourceId, name, outcome: 'ADD', fields: [] });
  }

  changed(kind: ImportedKind, sourceId: string, name: string, fields: string[]) {
    this.counts[kind].changed += 1;
    this.listed({ kind, sourceId, name, outcome: 'CHANGE', fields });
  }

  /** Gone from the source: ended with a date (or, not begun yet, removed), its history kept. */
  ended(kind: ImportedKind, sourceId: string, name: string) {
    this.counts[kind].ended += 1;
    this.listed({ kind, sourceId, name, outcome: 'END', fields: [] });
  }

  unchanged(kind: ImportedKind, count = 1) {
    this.counts[kind].unchanged += count;
  }

  private readonly claims = new Set<string>();

  /** False when the key (a personnummer, an Insyn record) was already taken by another record of this run. */
  claim(key: string): boolean {
    if (this.claims.has(key)) return false;
    this.claims.add(key);
    return true;
  }

  countList() {
    return IMPORTED_KINDS.map((kind) => ({ kind, ...this.counts[kind] }));
  }
}
