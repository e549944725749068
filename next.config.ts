import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets several builds (e.g. parallel end-to-end runs) share a checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its wasm and data files relative to its own module: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  sassOptions: {
    loadPaths: ["node_modules", "app/styles"],
    quietDeps: true,
  },
  experimental: {
    // forbidden() and app/forbidden.tsx for the 403 page.
    authInterrupts: true,
  },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Not "no-referrer": Chromium then sends "Origin: null" on same-site form posts, and Next
          // rightly refuses server actions without JavaScript.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
