/**
 * Where a webhook may be delivered. A subscription names an http or https URL without a user name or
 * password. Loopback, private, link-local, shared, multicast and reserved addresses are refused unless the
 * server allows them (`ctx.webhooks.allowPrivateTargets`, TRUCE_WEBHOOKS_ALLOW_PRIVATE=1): otherwise any
 * user could have the server call its own admin ports or the cloud's metadata address. The URL is checked
 * when it is given (an address written in it, `localhost`), and every address a name resolves to is checked
 * again at each attempt, on the address the connection is made to (send.ts), so a name that later
 * resolves to a private address (DNS rebinding) is refused then.
 */
import { BlockList, isIP } from 'node:net';
import { type Statement, statement } from '../../domain/statements.ts';

const PRIVATE_V4: [string, number][] = [
  ['0.0.0.0', 8], // this network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const PRIVATE_V6: [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use translation
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
];

const blocked = new BlockList();
for (const [net, bits] of PRIVATE_V4) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of PRIVATE_V6) blocked.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is one the server does not deliver to by default (IPv4 inside IPv6 read as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family !== 6) return true; // not an address: never trusted
  const lower = bare.toLowerCase();
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated) carry an IPv4 address.
  const v4 = /^::(?:ffff:(?:0:)?)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1];
  if (v4 !== undefined) return blocked.check(v4, 'ipv4');
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (mapped) {
    const hi = parseInt(mapped[1]!, 16);
    const lo = parseInt(mapped[2]!, 16);
    return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return blocked.check(lower, 'ipv6');
}

/** Names that mean this host whatever DNS says. */
const LOCAL_NAMES = /(^|\.)(localhost|localhost\.localdomain)\.?$/i;

/**
 * Why a URL may not be a webhook's target, as a statement; null when it may. `allowPrivate`: loopback
 * and private addresses are accepted (a receiver on the server's own host or network).
 */
export function targetProblem(text: string, allowPrivate: boolean): Statement | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return statement('problem.url_invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return statement('problem.url_scheme', { scheme: { text: url.protocol.slice(0, -1) } });
  if (url.hostname === '') return statement('problem.url_invalid');
  if (url.username !== '' || url.password !== '') return statement('problem.url_credentials');
  if (url.hash !== '') return statement('problem.url_fragment');
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (LOCAL_NAMES.test(host) || (isIP(host) !== 0 && isPrivateAddress(host)))
    return statement('problem.url_private', { host: { text: url.hostname } });
  return null;
}
