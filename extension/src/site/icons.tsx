/** Small inline icons; `currentColor` so they follow the button's text colour. */

export function PaperPlane() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
    >
      <path d="M21 3 10 14" stroke-linecap="round" />
      <path d="M21 3 14.5 21l-4.5-7-7-4.5L21 3Z" stroke-linejoin="round" />
    </svg>
  );
}

export function Lock() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
    >
      <rect x="5" y="11" width="14" height="9" rx="2" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </svg>
  );
}
