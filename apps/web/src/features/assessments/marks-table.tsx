import { MAX_ASSESSMENT_COMMENT_LENGTH, type AssessmentProblem } from '@insyn/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';

export interface Member {
  id: string;
  firstName: string;
  lastName: string;
}

/** A row as typed: '' is blank. */
export interface Mark {
  grade: string;
  comment: string;
}

export const BLANK: Mark = { grade: '', comment: '' };

/** The rows that differ from what is saved, as the API takes them. */
export function changedMarks(marks: Record<string, Mark>, saved: Record<string, Mark>) {
  return Object.entries(marks)
    .filter(([studentId, mark]) => {
      const before = saved[studentId] ?? BLANK;
      return mark.grade !== before.grade || mark.comment.trim() !== before.comment;
    })
    .map(([studentId, mark]) => ({ studentId, grade: mark.grade || null, comment: mark.comment.trim() || null }));
}

interface MarksTableProps {
  caption: string;
  /** "Betyg" or "Kunskapsnivå" */
  gradeHeading: string;
  members: Member[];
  grades: string[];
  marks: Record<string, Mark>;
  onChange: (studentId: string, mark: Mark) => void;
  editable: (studentId: string) => boolean;
  problems: ReadonlyMap<string, AssessmentProblem[]>;
  /** an extra column, e.g. the subject assessment's status */
  status?: { heading: string; of: (studentId: string) => ReactNode };
  testId: string;
}

/** One row per student: a mark of the group's scale and a comment, with each row's problems at its fields. */
export function MarksTable({
  caption,
  gradeHeading,
  members,
  grades,
  marks,
  onChange,
  editable,
  problems,
  status,
  testId,
}: MarksTableProps) {
  const { t } = useTranslation();
  return (
    <DataTable caption={caption} testId={testId}>
      <thead>
        <tr>
          <th scope="col">{t('assessments.table.student')}</th>
          <th scope="col">{gradeHeading}</th>
          <th scope="col">{t('assessments.table.comment')}</th>
          {status ? <th scope="col">{status.heading}</th> : null}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const name = t('group.sortName', { firstName: member.firstName, lastName: member.lastName });
          const mark = marks[member.id] ?? BLANK;
          const found = problems.get(member.id) ?? [];
          const commentProblems = found.filter((problem) => problem === 'COMMENT_TOO_LONG');
          const gradeProblems = found.filter((problem) => problem !== 'COMMENT_TOO_LONG');
          const gradeErrorId = `grade-error-${member.id}`;
          const commentErrorId = `comment-error-${member.id}`;
          const canEdit = editable(member.id);
          return (
            <tr key={member.id} data-student-id={member.id} className={found.length > 0 ? 'marks-table__row--invalid' : undefined}>
              <th scope="row">{name}</th>
              <td>
                {canEdit ? (
                  <select
                    className="field__input marks-table__grade"
                    value={mark.grade}
                    aria-label={t('assessments.table.gradeFor', { name })}
                    aria-invalid={gradeProblems.length > 0 || undefined}
                    aria-describedby={gradeProblems.length > 0 ? gradeErrorId : undefined}
                    onChange={(event) => onChange(member.id, { ...mark, grade: event.target.value })}
                    data-testid="grade-select"
                  >
                    <option value="">{t('assessments.table.noGrade')}</option>
                    {grades.map((grade) => (
                      <option key={grade} value={grade}>
                        {t(`assessments.grades.${grade}`, { defaultValue: grade })}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span>{mark.grade ? t(`assessments.grades.${mark.grade}`, { defaultValue: mark.grade }) : '–'}</span>
                )}
                {gradeProblems.length > 0 ? (
                  <p id={gradeErrorId} className="field__error" data-testid="row-error">
                    {gradeProblems.map((problem) => t(`assessments.problems.${problem}`)).join(' ')}
                  </p>
                ) : null}
              </td>
              <td>
                {canEdit ? (
                  <input
                    type="text"
                    className="field__input marks-table__comment"
                    value={mark.comment}
                    maxLength={MAX_ASSESSMENT_COMMENT_LENGTH}
                    aria-label={t('assessments.table.commentFor', { name })}
                    aria-invalid={commentProblems.length > 0 || undefined}
                    aria-describedby={commentProblems.length > 0 ? commentErrorId : undefined}
                    onChange={(event) => onChange(member.id, { ...mark, comment: event.target.value })}
                    data-testid="comment-input"
                  />
                ) : (
                  <span>{mark.comment || '–'}</span>
                )}
                {commentProblems.length > 0 ? (
                  <p id={commentErrorId} className="field__error">
                    {t('assessments.problems.COMMENT_TOO_LONG')}
                  </p>
                ) : null}
              </td>
              {status ? <td>{status.of(member.id)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
