import type { ComponentChildren } from 'preact';

/** A labelled field with its error beside it, tied by aria-describedby. */
const Field = ({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) => (
  <div class={`field${error ? ' field-invalid' : ''}`}>
    <label for={id}>{label}</label>
    {hint ? (
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    ) : null}
    {children}
    {error ? (
      <p class="field-error" id={`${id}-error`}>
        {error}
      </p>
    ) : null}
  </div>
);

export { Field };
