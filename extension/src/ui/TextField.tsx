import type { JSX } from 'preact';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput' | 'label'>;

/** A label and its input: the pair every form here repeats. */
export function TextField({
  id,
  label,
  value,
  onInput,
  ...input
}: InputProps & { id: string; label: string; value: string; onInput: (value: string) => void }) {
  return (
    <>
      <label for={id}>{label}</label>
      <input id={id} value={value} onInput={(e) => onInput(e.currentTarget.value)} {...input} />
    </>
  );
}
