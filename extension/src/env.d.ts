interface ImportMetaEnv {
  /** Production worker address, set at build time. */
  readonly WXT_API_BASE_URL?: string;
  /** Extra comma-separated hosts whose video links the panel may open (e.g. a test site). */
  readonly WXT_VIDEO_HOSTS?: string;
}
