import { describe, expect, it } from 'vitest';
import { renderEnglish } from '../../domain/statements.ts';
import { isPrivateAddress, targetProblem } from './targets.ts';

describe('the addresses webhooks are not delivered to by default', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:8.8.8.8', false],
    ['2001:4860:4860::8888', false],
    ['[::1]', true],
    ['not an address', true],
  ])('%s: private %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('a webhook URL', () => {
  it.each([
    ['https://hooks.example.org/truce', false, null],
    ['http://hooks.example.org:8080/in?x=1', false, null],
    ['ftp://hooks.example.org/', false, 'must be http or https, not ftp'],
    ['file:///etc/passwd', false, 'must be http or https, not file'],
    ['hooks.example.org/truce', false, 'must be an absolute http or https URL'],
    ['https://me:secret@hooks.example.org/', false, 'must not hold a user name or password'],
    ['https://hooks.example.org/#top', false, 'must not have a fragment'],
    ['http://127.0.0.1:9000/hook', false, 'names a loopback or private address (127.0.0.1)'],
    ['http://localhost/hook', false, 'names a loopback or private address (localhost)'],
    ['http://api.localhost/hook', false, 'names a loopback or private address'],
    ['http://[::1]/hook', false, 'names a loopback or private address ([::1])'],
    ['http://169.254.169.254/latest/meta-data', false, 'names a loopback or private address'],
    ['http://127.0.0.1:9000/hook', true, null],
    ['http://localhost/hook', true, null],
    ['ftp://127.0.0.1/', true, 'must be http or https'],
  ])('%s (private allowed: %s): %s', (url, allowPrivate, problem) => {
    const said = targetProblem(url, allowPrivate);
    if (problem === null) expect(said).toBeNull();
    else expect(said && renderEnglish(said, { actor: String, agreement: String })).toContain(problem);
  });
});
