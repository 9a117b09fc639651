import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Viewer } from '../auth/session';

interface ChildPickerProps {
  students: Viewer['students'];
  selectedId: string | null;
  onSelect: (studentId: string) => void;
  /** What the choice is for; "Visa schema för" unless given. */
  legend?: string;
}

/** A guardian with several children chooses whose schedule (or sick reports, leave) to see. */
export function ChildPicker({ students, selectedId, onSelect, legend }: ChildPickerProps) {
  const { t } = useTranslation();
  const name = useId();
  // The choice shows at once; the address (and with it selectedId) follows a moment later.
  // Once selectedId moves on (that choice, or the back button), it wins again.
  const [pending, setPending] = useState<{ id: string; over: string | null } | null>(null);
  const chosen = pending && pending.over === selectedId ? pending.id : selectedId;
  return (
    <fieldset className="child-picker" data-testid="child-picker">
      <legend className="child-picker__legend">{legend ?? t('childPicker.legend')}</legend>
      <div className="child-picker__options">
        {students.map((student) => {
          const id = `${name}-${student.id}`;
          return (
            <div className="child-picker__option" key={student.id}>
              <input
                type="radio"
                className="child-picker__input"
                id={id}
                name={name}
                value={student.id}
                checked={student.id === chosen}
                onChange={() => {
                  setPending({ id: student.id, over: selectedId });
                  onSelect(student.id);
                }}
              />
              <label className="child-picker__label" htmlFor={id}>
                <span className="child-picker__name">
                  {student.firstName} {student.lastName}
                </span>
                {student.className ? (
                  <span className="child-picker__class">{t('childPicker.classSuffix', { className: student.className })}</span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
