/**
 * What a person reads on a page, and what must never be in it: the internal ids of the demo
 * world, UUIDs, reason codes (UPPER_SNAKE) and raw ISO timestamps. Ids may show only in a
 * page's Reference line (`[data-reference]`), which is left out of the text scanned.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_CONVOY_ORGANIZATIONS } from '../../src/app/scenario/demo-convoys.ts';
import { DEMO_ORGANIZATIONS } from '../../src/app/scenario/seed-demo-world.ts';

const BUNDLE = join(import.meta.dirname, '../../examples/syria-2016.json');
const KINDS = ['actors', 'agreements', 'zones', 'incidents', 'protected_sites', 'operations', 'convoys'] as const;

/**
 * The ids of the demo world (bundle records and organizations). Two-letter ids (`ru`, `us`, `tr`,
 * `un`) are left out: they are also words ("us") and parts of names; the longer ones are not.
 */
export function demoIds(): string[] {
  const bundle = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Record<(typeof KINDS)[number], { id: string }[]>;
  const ids = [
    ...KINDS.flatMap((k) => bundle[k].map((r) => r.id)),
    ...[...DEMO_ORGANIZATIONS, ...DEMO_CONVOY_ORGANIZATIONS].map((o) => o.id),
  ];
  return [...new Set(ids)].filter((id) => id.length > 2);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Everything in a text a person should not have to read, each as found. */
export function leaks(text: string, ids: readonly string[]): string[] {
  const found: string[] = [];
  // Case-sensitive, whole ids: "coh" inside "coh-sept" is the longer id, "ISIL" in a name is not "isil".
  for (const id of ids) if (new RegExp(`(?<![\\w-])${escape(id)}(?![\\w-])`).test(text)) found.push(`id ${id}`);
  for (const m of text.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi))
    found.push(`uuid ${m[0]}`);
  for (const m of text.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g)) found.push(`code ${m[0]}`);
  for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g))
    found.push(`timestamp ${m[0]}`);
  return found;
}

/** The page's visible text with every folded detail opened and the Reference lines left out. */
export async function readableText(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const refs = [...document.querySelectorAll('[data-reference]')];
    for (const r of refs) r.style.display = 'none';
    const text = document.body.innerText;
    for (const r of refs) r.style.display = '';
    return text;
  })()`)) as string;
}
