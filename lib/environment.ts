// Where the code is running. `next start` (and so `npm run demo` and the end-to-end server) always runs
// with NODE_ENV=production, so "production" here is NODE_ENV=production, and a demo or test set-up that
// needs something refused in production passes NODE_ENV of its own to the command that needs it.
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production";
}

/** The app's public URL as configured (AUTH_URL, else NEXTAUTH_URL), or "" when neither is set. */
export function configuredAppUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.AUTH_URL?.trim() || env.NEXTAUTH_URL?.trim() || "").toLowerCase();
}

/**
 * Whether the app is served over HTTPS (so cookies are `Secure` and responses carry HSTS): yes when
 * its configured URL is https://; no when it is explicitly http:// (the end-to-end server and `npm
 * run demo` serve a production build over http on 127.0.0.1/localhost); otherwise yes in
 * production (a deployment that forgets AUTH_URL still gets secure cookies) and no elsewhere.
 */
export function servedOverHttps(env: NodeJS.ProcessEnv = process.env): boolean {
  const url = configuredAppUrl(env);
  if (url.startsWith("https://")) return true;
  if (url.startsWith("http://")) return false;
  return isProduction(env);
}

/** HSTS for a year on the app's own host and its subdomains (GOV.UK's advice), sent only in production over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

export function strictTransportSecurity(env: NodeJS.ProcessEnv = process.env): string | null {
  return isProduction(env) && servedOverHttps(env) ? STRICT_TRANSPORT_SECURITY : null;
}
