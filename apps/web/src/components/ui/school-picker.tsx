import { useId } from 'react';

interface SchoolPickerProps {
  label: string;
  schools: readonly { id: string; name: string }[];
  value: string;
  onChange: (schoolId: string) => void;
  className?: string;
}

/** The school a principal's or administrator's page is about; shown only when there is more than one to choose. */
export function SchoolPicker({ label, schools, value, onChange, className }: SchoolPickerProps) {
  const id = useId();
  if (schools.length < 2) return null;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field__input" value={value} onChange={(event) => onChange(event.target.value)}>
        {schools.map((school) => (
          <option key={school.id} value={school.id}>
            {school.name}
          </option>
        ))}
      </select>
    </div>
  );
}
