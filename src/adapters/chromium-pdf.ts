/**
 * The daily report's PDF printed by Chromium through playwright-core (the browser the end-to-end
 * tests drive: Debian's /usr/bin/chromium, or TRUCE_CHROMIUM), behind app/daily-report/pdf-printer.ts.
 * The browser is launched on the first request and kept while requests come, closed after a minute
 * without one (decision 026). Each document is printed in a page of its own, offline: the HTML holds
 * inline styles and SVG only, and any request it would make is refused.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { type PdfPrinter, PdfUnavailable } from '../app/daily-report/pdf-printer.ts';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
];

export function chromiumPdf(options: { executablePath?: string; idleMs?: number } = {}): PdfPrinter {
  const executablePath = options.executablePath ?? process.env.TRUCE_CHROMIUM ?? '/usr/bin/chromium';
  const idleMs = options.idleMs ?? 60_000;
  let browser: Promise<Browser> | null = null;
  let idle: NodeJS.Timeout | null = null;
  let busy = 0;

  const shut = async () => {
    const b = browser;
    browser = null;
    await (await b?.catch(() => null))?.close().catch(() => undefined);
  };
  const launch = (): Promise<Browser> => {
    if (!existsSync(executablePath))
      throw new PdfUnavailable(
        `Chromium is not installed at ${executablePath} (install it, or name it with TRUCE_CHROMIUM)`,
      );
    // playwright-core is loaded with the first PDF, not at every start of `truce` (some 80 MB and 2 s).
    browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath, headless: true, args: ARGS }))
      .then((b) => {
        b.on('disconnected', () => {
          browser = null;
        });
        return b;
      });
    browser.catch(() => {
      browser = null;
    });
    return browser;
  };

  return {
    async print(html) {
      if (idle) clearTimeout(idle);
      busy++;
      try {
        let b: Browser;
        try {
          b = await launch();
        } catch (e) {
          if (e instanceof PdfUnavailable) throw e;
          throw new PdfUnavailable(
            `Chromium at ${executablePath} did not start: ${e instanceof Error ? e.message.split('\n')[0] : e}`,
          );
        }
        const context = await b.newContext({ javaScriptEnabled: false, offline: true });
        try {
          const page = await context.newPage();
          await page.route('**/*', (route) => route.abort());
          await page.setContent(html, { waitUntil: 'load' });
          return await page.pdf({
            format: 'A4',
            printBackground: true,
            margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' },
          });
        } finally {
          await context.close();
        }
      } finally {
        busy--;
        if (busy === 0) {
          idle = setTimeout(() => void shut(), idleMs);
          idle.unref();
        }
      }
    },
    async close() {
      if (idle) clearTimeout(idle);
      await shut();
    },
  };
}
