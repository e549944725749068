// next-auth (v4) configuration: JWT sessions in an httpOnly cookie. Sign-in itself is our server
// action (app/sign-in/actions.ts) so the form works without JavaScript and shows GOV.UK errors;
// it issues the same JWT next-auth reads here (see docs/architecture.md, "Sign-in").
import type { AuthOptions } from "next-auth";
import { servedOverHttps } from "@/lib/environment";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function authSecret(): string {
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error("AUTH_SECRET must be set to a random string of at least 32 characters.");
  }
  return secret;
}

/**
 * Secure cookies whenever the app is served over HTTPS (`servedOverHttps`: an https:// AUTH_URL,
 * or production unless the configured URL is explicitly http://), or when forced.
 */
export function secureCookies(): boolean {
  return process.env.AUTH_COOKIE_SECURE === "true" || servedOverHttps();
}

export function sessionCookieName(): string {
  return secureCookies() ? "__Secure-ecf-finance.session" : "ecf-finance.session";
}

export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies() };
}

export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [],
    cookies: {
      sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() },
    },
    callbacks: {
      session({ session, token }) {
        return { ...session, user: { id: token.sub, email: token.email, name: token.name, sv: token.sv } };
      },
    },
  };
}
