// Opens every HTML page of a directory in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core),
// in light, dark and print modes and at desktop and phone widths, saves a screenshot of each, and checks the layout
// a reader sees: a readable measure, no sideways scrolling, right-to-left pages laid out from the right, Arabic in an
// Arabic font, readable contrast in light and dark mode, white paper in print, the date/agency/source line shown.
// usage: node check.mjs PAGES_DIR SCREENSHOTS_DIR     exit 0 when every check passes, 1 otherwise (each failure named)
import { chromium } from 'playwright-core';
import { readdirSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';

const [pagesDir, shotsDir] = process.argv.slice(2);
if (!pagesDir || !shotsDir) {
  console.error('usage: node check.mjs PAGES_DIR SCREENSHOTS_DIR');
  process.exit(2);
}
mkdirSync(shotsDir, { recursive: true });
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const failures = [];
const fail = (page, what) => failures.push(`${page}: ${what}`);

// WCAG relative luminance and contrast ratio of two computed rgb() colours
const luminance = (rgb) => {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

const modes = [
  { name: 'light', width: 1280, colorScheme: 'light', media: 'screen' },
  { name: 'dark', width: 1280, colorScheme: 'dark', media: 'screen' },
  { name: 'phone', width: 390, colorScheme: 'light', media: 'screen' },
  { name: 'print', width: 1280, colorScheme: 'light', media: 'print' },
];

const files = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
if (files.length === 0) {
  console.error(`no .html pages in ${pagesDir}`);
  process.exit(1);
}
for (const file of files) {
  const name = basename(file, '.html');
  for (const mode of modes) {
    const context = await browser.newContext({ viewport: { width: mode.width, height: 900 }, colorScheme: mode.colorScheme });
    const page = await context.newPage();
    await page.emulateMedia({ media: mode.media, colorScheme: mode.colorScheme });
    await page.goto('file://' + join(pagesDir, file));
    await page.screenshot({ path: join(shotsDir, `${name}-${mode.name}.png`), fullPage: true });
    const facts = await page.evaluate(() => {
      const html = document.documentElement;
      const style = (el) => getComputedStyle(el);
      const text = [...document.querySelectorAll('main p, article > p, section.summary p, section.summary li, td')]
        .filter((el) => el.textContent.trim().length > 0);
      const rem = parseFloat(style(html).fontSize);
      const widest = Math.max(0, ...text.map((el) => el.getBoundingClientRect().width / rem));
      const first = text.find((el) => el.textContent.trim().length > 20);
      let firstGlyph = null;
      if (first) {
        const range = document.createRange();
        const node = [...first.childNodes].find((n) => n.nodeType === 3 && n.textContent.trim());
        if (node) {
          const at = node.textContent.search(/\S/);
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          const r = range.getBoundingClientRect();
          const box = first.getBoundingClientRect();
          const s = style(first);
          firstGlyph = { fromLeft: r.left - box.left - parseFloat(s.paddingLeft),
            fromRight: box.right - parseFloat(s.paddingRight) - r.right, dir: style(first).direction,
            font: style(first).fontFamily, lang: first.closest('[lang]')?.getAttribute('lang') };
        }
      }
      const arabic = [...document.querySelectorAll('[lang|=ar]')].map((el) => style(el).fontFamily);
      const meta = document.querySelector('.meta');
      return {
        dir: style(html).direction,
        lang: html.getAttribute('lang'),
        wide: document.body.classList.contains('wide'),
        widestEm: widest,
        overflow: document.scrollingElement.scrollWidth - window.innerWidth,
        firstGlyph,
        arabicFonts: arabic,
        fg: style(document.body).color,
        bg: style(html).backgroundColor,
        meta: meta ? { text: meta.textContent.trim(), visible: meta.getBoundingClientRect().height > 0 } : null,
        hasTime: !!document.querySelector('.meta time, header time, li.source time'),
        toc: !!document.querySelector('nav.toc'),
        isDigest: !!document.querySelector('article.story'),
      };
    });
    const where = `${name} (${mode.name})`;
    if (mode.media === 'screen') {
      if (facts.overflow > 1) fail(where, `scrolls sideways by ${facts.overflow}px`);
      if (!facts.wide && facts.widestEm > 40) fail(where, `a text block is ${facts.widestEm.toFixed(1)}rem wide (over 40rem: too long a line)`);
      const ratio = contrast(facts.fg, facts.bg);
      if (ratio < 7) fail(where, `text contrast ${ratio.toFixed(1)}:1 (under 7:1) — ${facts.fg} on ${facts.bg}`);
      if (mode.colorScheme === 'dark' && luminance(facts.bg) > 0.1) fail(where, `dark mode background is light: ${facts.bg}`);
      if (mode.colorScheme === 'light' && luminance(facts.bg) < 0.8) fail(where, `light mode background is dark: ${facts.bg}`);
    } else if (luminance(facts.bg) < 0.99 || luminance(facts.fg) > 0.01) {
      fail(where, `print is not black on white: ${facts.fg} on ${facts.bg}`);
    }
    if (facts.firstGlyph) {
      const g = facts.firstGlyph;
      const rtl = g.dir === 'rtl';
      if (rtl && g.fromRight > 2) fail(where, `right-to-left text starts ${g.fromRight.toFixed(0)}px from the right edge`);
      if (!rtl && g.fromLeft > 2) fail(where, `left-to-right text starts ${g.fromLeft.toFixed(0)}px from the left edge`);
      if ((g.lang || '').startsWith('ar') && !rtl) fail(where, 'Arabic text is laid out left to right');
    }
    if (facts.lang && facts.lang.startsWith('ar') && facts.dir !== 'rtl') fail(where, 'an Arabic page is not right to left');
    for (const font of facts.arabicFonts) {
      if (!/Naskh|Amiri|Arabic/.test(font)) fail(where, `Arabic text without an Arabic font: ${font}`);
    }
    // a side-by-side view (body.wide) shows the date, dateline and source as rows of its table
    if (!facts.isDigest && !facts.wide && (!facts.meta || !facts.meta.visible || facts.meta.text.length === 0)) {
      fail(where, 'no date/agency/source line (.meta) under the headline');
    }
    if (!facts.wide && !facts.hasTime) fail(where, 'no date shown');
    await context.close();
  }
  console.log(`checked ${name}`);
}
await browser.close();
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`all ${files.length} pages pass in ${modes.map((m) => m.name).join(', ')}; screenshots in ${shotsDir}`);
