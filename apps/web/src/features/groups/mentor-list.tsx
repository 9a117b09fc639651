import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StudentMentorsDocument } from './operations';

/** A class's mentors, each with a link to write to them. */
export function MentorList({ mentors }: { mentors: readonly { id: string; name: string; email?: string | null }[] }) {
  return (
    <ul className="mentor-list" data-testid="mentors">
      {mentors.map((mentor) => (
        <li key={mentor.id} className="mentor-list__item">
          <span className="mentor-list__name">{mentor.name}</span>
          {mentor.email ? (
            <a className="text-link mentor-list__email" href={`mailto:${mentor.email}`}>
              {mentor.email}
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Whom the home (or the student) asks about what a page shows, such as an unexcused absence: the class's mentors.
 * Nothing while they load, when the class has none, or when they cannot be read: the page is whole without it.
 */
export function StudentMentorsPanel({ studentId, about }: { studentId: string; about: 'absence' | 'leave' }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data } = useQuery(StudentMentorsDocument, { variables: { studentId } });
  const mentors = data?.studentMentors ?? [];
  if (mentors.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="student-mentors">
      <h2 id={headingId} className="section-heading">
        {t(`mentorContact.${about}.heading`)}
      </h2>
      <p>{t(`mentorContact.${about}.intro`, { count: mentors.length })}</p>
      <MentorList mentors={mentors} />
    </section>
  );
}
