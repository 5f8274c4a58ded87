/**
 * The Content-Security-Policy every page of the kiosk is served with. The page may load only its own bundled
 * files: no network (the renderer reaches data only through window.kiosk), no inline script, no frames.
 */
export const KIOSK_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  // Voice prompts are audio files shipped with the renderer.
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
