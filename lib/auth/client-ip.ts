// The client's IP address, for the sign-in limits. A server action cannot see the socket, only the
// request's headers. Next's server sets X-Forwarded-For to the socket's address when the request
// has none (`??=` in next/dist/server/base-server.js), and keeps the header as it came otherwise.
// So the value is a list in which each proxy appended the address it was connected from: the
// right-hand entries were written by our own proxies, the left-hand ones by whoever sent the
// request, possibly the client itself (spoofed). The client is the rightmost address that is not
// one of our proxies (TRUSTED_PROXIES: comma-separated IPs and CIDR ranges).
import { BlockList, isIP } from "node:net";

export type TrustedProxies = { readonly list: BlockList; readonly source: string };

const MAPPED_DOTTED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * One address as it may appear in X-Forwarded-For, or null when it is not an IP address: trimmed,
 * lower-cased, without brackets or a port (`[2001:db8::1]:443`, `203.0.113.7:51234`), and an
 * IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) as the IPv4 address it carries.
 */
export function normaliseIp(raw: string): string | null {
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1] as string;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const zone = value.indexOf("%");
  if (zone >= 0) value = value.slice(0, zone);
  if (isIP(value) === 0) return null;
  const dotted = MAPPED_DOTTED.exec(value);
  if (dotted) return dotted[1] as string;
  const hex = MAPPED_HEX.exec(value);
  if (hex) {
    const high = parseInt(hex[1] as string, 16);
    const low = parseInt(hex[2] as string, 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return value;
}

function family(ip: string): "ipv4" | "ipv6" {
  return isIP(ip) === 4 ? "ipv4" : "ipv6";
}

/** Parses TRUSTED_PROXIES ("10.0.0.0/8, 2001:db8::/32, 192.0.2.10"); throws on an entry it cannot read. */
export function parseTrustedProxies(source: string | undefined): TrustedProxies {
  const list = new BlockList();
  for (const entry of (source ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const ip = normaliseIp(address);
    // The prefix counts bits of the address as written: 128 for IPv6, IPv4-mapped ones included.
    const writtenAsV6 = address.includes(":");
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    const valid = ip !== null && rest.length === 0 && (bits === null || bits <= (writtenAsV6 ? 128 : 32));
    if (!valid || Number.isNaN(bits) || (bits !== null && ip && writtenAsV6 && family(ip) === "ipv4" && bits < 96)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.0/8).`);
    }
    // An IPv4-mapped range ("::ffff:10.0.0.0/104") is read as the IPv4 range it covers (10.0.0.0/8).
    const ownBits = bits !== null && writtenAsV6 && family(ip) === "ipv4" ? bits - 96 : bits;
    if (ownBits === null) list.addAddress(ip, family(ip));
    else list.addSubnet(ip, ownBits, family(ip));
  }
  return { list, source: source ?? "" };
}

const globalForProxies = globalThis as unknown as { ecfTrustedProxies?: TrustedProxies };

/** TRUSTED_PROXIES from the environment, parsed once (again only if the variable changes). */
export function trustedProxiesFromEnv(env: Record<string, string | undefined> = process.env): TrustedProxies {
  const source = env.TRUSTED_PROXIES ?? "";
  const cached = globalForProxies.ecfTrustedProxies;
  if (cached && cached.source === source) return cached;
  return (globalForProxies.ecfTrustedProxies = parseTrustedProxies(source));
}

/**
 * The rightmost address of X-Forwarded-For that is not a trusted proxy; the leftmost when every
 * one is trusted (a request from inside our own network); null without the header or when the
 * entry we reach is not an IP address (then there is no per-address limit: the per-email one
 * still holds). X-Real-IP is not read: a client can set it, and Next always sets X-Forwarded-For.
 */
export function clientIp(headers: Pick<Headers, "get">, trusted: TrustedProxies): string | null {
  const header = headers.get("x-forwarded-for");
  if (!header) return null;
  const hops = header.split(",");
  let last: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normaliseIp(hops[i] as string);
    if (!ip) return null;
    if (!trusted.list.check(ip, family(ip))) return ip;
    last = ip;
  }
  return last;
}
