import type { ApiFailure } from '../api/http.ts';
import { errorText } from './error-text.ts';

/** An error announced to screen readers; `text` overrides the standard sentence for the code. */
export function ErrorNote({ error, text }: { error?: ApiFailure | null; text?: string | null }) {
  const shown = text ?? (error ? errorText(error) : null);
  if (!shown) return null;
  return (
    <p class="error" role="alert">
      {shown}
    </p>
  );
}
