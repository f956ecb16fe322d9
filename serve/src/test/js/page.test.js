// The web page in headless Debian chromium through playwright-core (never a downloaded browser), against a
// running dragoman serve (started by WebPageTest.java). Screenshots go to DRAGOMAN_SCREENSHOTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const url = process.env.DRAGOMAN_URL;
const shots = process.env.DRAGOMAN_SCREENSHOTS;
const sample = readFileSync(process.env.DRAGOMAN_SAMPLE, "utf8");
const parts = Number(process.env.DRAGOMAN_PARTS);
let browser, page;

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.DRAGOMAN_CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => { throw e; });
  await page.goto(url + "/");
  await page.waitForSelector("body[data-ready=true]");
});

after(async () => { await browser?.close(); });

test("translating the sample article shows RTL and LTR columns side by side, nothing lost", async () => {
  await page.fill("#text", sample);
  await page.selectOption("#to", "en");
  await page.click("#translate");
  await page.waitForSelector("#bilingual:not([hidden]) .cell.dst.paragraph");
  await page.screenshot({ path: shots + "/translate.png", fullPage: true });

  const src = await page.$$eval("#bilingual .cell.src:not(.colhead)", (cells) =>
    cells.map((c) => ({ dir: c.dir, lang: c.lang, text: c.textContent, rtl: getComputedStyle(c).direction })));
  const dst = await page.$$eval("#bilingual .cell.dst:not(.colhead)", (cells) =>
    cells.map((c) => ({ dir: c.dir, lang: c.lang, text: c.textContent, rtl: getComputedStyle(c).direction })));
  assert.equal(src.length, parts, "every part of the article has a row");
  assert.equal(dst.length, parts);
  for (const c of src) {
    assert.equal(c.dir, "rtl"); assert.equal(c.rtl, "rtl"); assert.equal(c.lang, "ar");
    assert.ok(c.text.trim().length > 0, "no empty original cell");
  }
  for (const c of dst) {
    assert.equal(c.dir, "ltr"); assert.equal(c.rtl, "ltr"); assert.equal(c.lang, "en");
    assert.match(c.text, /^\[EN-US\] \S/, "every part translated");
  }
  // the "read also" story is marked off, not run into the main story
  const marks = await page.$$eval("#bilingual .cell.src.related", (c) => c.length);
  assert.equal(marks, Number(process.env.DRAGOMAN_RELATED));
  // the tabs are readable (text colour differs from the background)
  const tab = await page.$eval('[data-tab="digests"]', (e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
  assert.notEqual(tab[0], tab[1]);
  // the two columns sit side by side: the translation's left edge is right of the original's
  const boxes = await page.$$eval("#bilingual .cell.paragraph", (cells) =>
    cells.slice(0, 2).map((c) => c.getBoundingClientRect().left));
  assert.ok(boxes[1] > boxes[0]);
});

test("summary and brief", async () => {
  await page.click("#summarize");
  await page.waitForFunction(() => !document.querySelector("#gist").hidden && document.querySelector("#status").textContent.startsWith("Done"));
  const summary = await page.$eval("#summary", (e) => ({ text: e.textContent, dir: e.dir }));
  assert.ok(summary.text.length > 20);
  assert.equal(summary.dir, "rtl");
  await page.click("#brief");
  await page.waitForFunction(() => !document.querySelector("#brief-text").hidden);
  const brief = await page.$eval("#brief-text", (e) => ({ text: e.textContent, dir: e.dir }));
  assert.match(brief.text, /\[EN-US\]/);
  assert.equal(brief.dir, "ltr");
  await page.screenshot({ path: shots + "/brief.png", fullPage: true });
});

test("the digest browser lists a run and shows its stories with their sources", async () => {
  await page.click('[data-tab="digests"]');
  await page.waitForSelector("#digest-list button");
  await page.click("#digest-list button");
  await page.waitForSelector("#digest .story");
  const stories = await page.$$eval("#digest .story", (s) => s.map((e) => ({
    headline: e.querySelector("h3").textContent, sources: e.querySelectorAll(".sources li").length })));
  assert.ok(stories.length >= 1);
  assert.ok(stories[0].headline.length > 0);
  assert.ok(stories[0].sources >= 1);
  await page.screenshot({ path: shots + "/digests.png", fullPage: true });
});
