import { expect, it } from 'vitest';
import { UsageError } from './io.ts';
import { parseTrustProxy } from './serve.command.ts';

it('reads --trust-proxy: off by default, true, a number of hops, or addresses and CIDRs; anything else is a usage error', () => {
  expect([undefined, '', 'false'].map(parseTrustProxy)).toEqual([false, false, false]);
  expect(parseTrustProxy('true')).toBe(true);
  expect(parseTrustProxy('2')).toBe(2);
  expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback')).toBe(
    '127.0.0.1,10.0.0.0/8,::1,fd00::/8,loopback',
  );
  for (const bad of ['yes', '10.0.0.0/33', '::1/129', '300.1.1.1', 'proxy.example.org', '10.0.0.1/8/1', '127.0.0.1,']) {
    expect(() => parseTrustProxy(bad), bad).toThrow(UsageError);
  }
  expect(() => parseTrustProxy('yes')).toThrow(
    '--trust-proxy: "yes" is not true, a number of hops, an address or a CIDR',
  );
});
