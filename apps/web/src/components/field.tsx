import type { ReactNode } from 'react';

/**
 * A labelled form control: `children` is the control, whose id must be `id`; `hint`, when given,
 * is shown below it with the id `<id>-hint` (point the control's aria-describedby at it).
 */
export function Field({
  id,
  label,
  hint,
  size,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  size?: 'wide' | 'small';
  children: ReactNode;
}) {
  return (
    <div className={size ? `field ${size}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
