/** IPv4 arithmetic for CIDRs, NetworkPolicy ipBlocks and MetalLB address pools. */

export interface Cidr {
  base: number;
  mask: number;
  bits: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** ipToInt reads a dotted IPv4 address as an unsigned 32-bit number. */
export function ipToInt(ip: string): number | undefined {
  const match = IPV4.exec(ip);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** parseCidr is net.ParseCIDR for IPv4: the network (host bits cleared), its mask and length. */
export function parseCidr(text: string): Cidr | undefined {
  const [ip, length, extra] = text.split('/');
  if (extra !== undefined || length === undefined || !/^\d{1,2}$/.test(length)) return undefined;
  const bits = Number(length);
  const address = ipToInt(ip ?? '');
  if (address === undefined || bits > 32) return undefined;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (address & mask) >>> 0, mask, bits };
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return n !== undefined && (n & cidr.mask) >>> 0 === cidr.base;
}

/**
 * poolRanges reads a MetalLB pool's addresses: each a CIDR or a "first-last" range, as
 * [first, last] pairs. A line it cannot read yields nothing, as the controller skips an
 * invalid pool.
 */
export function poolRanges(addresses: readonly string[]): [number, number][] | undefined {
  const out: [number, number][] = [];
  for (const entry of addresses) {
    const text = entry.trim();
    if (text.includes('/')) {
      const cidr = parseCidr(text);
      if (!cidr) return undefined;
      out.push([cidr.base, (cidr.base | (~cidr.mask >>> 0)) >>> 0]);
      continue;
    }
    const [first, last] = text.split('-').map((s) => ipToInt(s.trim()));
    if (first === undefined || last === undefined || last < first) return undefined;
    out.push([first, last]);
  }
  return out;
}
