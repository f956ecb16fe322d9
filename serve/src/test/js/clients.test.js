// npm clients of LibreTranslate against a running dragoman serve (started by NodeClientsTest.java, which passes
// the URL, a client key and the exact translations its simulated backend gives).
import { test } from "node:test";
import assert from "node:assert/strict";
import { translate as libre } from "libretranslate";
import translate from "translate";

const url = process.env.DRAGOMAN_URL;
const key = process.env.DRAGOMAN_KEY;
const expected = JSON.parse(process.env.DRAGOMAN_EXPECTED);

test("npm libretranslate translates through dragoman serve (apiKey spelling)", async () => {
  const out = await libre({ query: expected.source, source: "ar", target: "en", apiurl: url, apiKey: key });
  assert.equal(out, expected.en);
});

test("npm libretranslate with source auto", async () => {
  const out = await libre({ query: expected.source, target: "fr", apiurl: url, apiKey: key });
  assert.equal(out, expected.fr);
});

test("npm translate, engine libre with a custom url", async () => {
  const libreTranslate = translate.Translate({ engine: "libre", url: url + "/translate", key });
  const out = await libreTranslate(expected.source, { from: "ar", to: "en" });
  assert.equal(out, expected.en);
});

test("a wrong key is refused with LibreTranslate's status and message", async () => {
  const res = await fetch(url + "/translate", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ q: "x", source: "ar", target: "en", api_key: "wrong" }),
  });
  assert.equal(res.status, 403);
  assert.deepEqual(await res.json(), { error: "Invalid API key" });
});
