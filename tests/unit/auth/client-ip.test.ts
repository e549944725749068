import { describe, expect, it } from "vitest";
import { clientIp, normaliseIp, parseTrustedProxies, trustedProxiesFromEnv } from "@/lib/auth/client-ip";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });
const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.10, 2001:db8:ffff::/48, ::ffff:172.16.0.0/108");

describe("clientIp", () => {
  it("without trusted proxies takes the rightmost hop (what Next or our load balancer wrote), not the client's left-hand values", () => {
    expect(clientIp(xff("203.0.113.7"), none)).toBe("203.0.113.7");
    expect(clientIp(xff("1.2.3.4, 5.6.7.8, 203.0.113.7"), none)).toBe("203.0.113.7");
  });

  it("skips trusted proxies from the right and stops at the first untrusted address", () => {
    expect(clientIp(xff("198.51.100.1, 203.0.113.7, 10.1.2.3, 192.0.2.10"), proxies)).toBe("203.0.113.7");
    // A spoofed left-hand value that is itself a trusted address does not help: the walk stops first.
    expect(clientIp(xff("10.9.9.9, 203.0.113.7, 10.1.2.3"), proxies)).toBe("203.0.113.7");
    // 192.0.2.11 is not 192.0.2.10: a single address is not a range.
    expect(clientIp(xff("203.0.113.7, 192.0.2.11"), proxies)).toBe("192.0.2.11");
  });

  it("reads IPv6, bracketed addresses with ports and IPv4 with ports", () => {
    expect(clientIp(xff("2001:DB8:1::7, 2001:db8:ffff:1::2"), proxies)).toBe("2001:db8:1::7");
    expect(clientIp(xff("[2001:db8:1::7]:443, 10.0.0.1"), proxies)).toBe("2001:db8:1::7");
    expect(clientIp(xff("203.0.113.7:51234, 10.0.0.1"), proxies)).toBe("203.0.113.7");
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 address it carries", () => {
    expect(normaliseIp("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normaliseIp("::FFFF:cb00:7107")).toBe("203.0.113.7");
    expect(clientIp(xff("203.0.113.7, ::ffff:10.0.0.5"), proxies)).toBe("203.0.113.7");
    expect(clientIp(xff("::ffff:203.0.113.7, 10.0.0.5"), proxies)).toBe("203.0.113.7");
    // A trusted range written in mapped form covers the IPv4 addresses.
    expect(clientIp(xff("203.0.113.7, 172.16.4.4"), proxies)).toBe("203.0.113.7");
  });

  it("gives the leftmost address when every hop is trusted, and null without the header or at garbage", () => {
    expect(clientIp(xff("10.0.0.1, 10.0.0.2"), proxies)).toBe("10.0.0.1");
    expect(clientIp(new Headers(), proxies)).toBeNull();
    expect(clientIp(xff("203.0.113.7, not-an-ip"), proxies)).toBeNull();
    // X-Real-IP is client-controlled and never read.
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.1" }), proxies)).toBeNull();
  });
});

describe("TRUSTED_PROXIES", () => {
  it("refuses entries that are not addresses or ranges", () => {
    for (const bad of ["10.0.0.0/33", "proxy.internal", "10.0.0.0/8/1", "2001:db8::/129", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it("is parsed once per value of the variable", () => {
    const first = trustedProxiesFromEnv({ TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(trustedProxiesFromEnv({ TRUSTED_PROXIES: "10.0.0.0/8" })).toBe(first);
    expect(trustedProxiesFromEnv({ TRUSTED_PROXIES: "192.0.2.1" })).not.toBe(first);
  });
});
