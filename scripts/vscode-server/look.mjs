// Looks at the workbench as a user would, when a test asks: reads what a webview shows (the Markdown preview,
// a notebook's rendered cells), hovers or clicks a marked term, and takes a screenshot. The suite runs inside the
// extension host and cannot reach the page, so a test writes a request file and waits for the answer file:
//   <results>.look.json       { "id", "view": "preview" | "notebook", "hover"?: conceptId, "click"?: conceptId, "screenshot"?: name }
//                             or { "id", "view": "workbench", "waitFor"?: text, "screenshot"?: name }
//   <results>.look-<id>.json  { "terms": [...], "headings": [...], "tooltip"?: {...}, "screenshot"?: path }
//                             or, for the workbench, { "hover": text, "webviews": [text...], "screenshot"?: path }; or { "error" }
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The iframe of each kind of webview: the Markdown extension's preview, or a notebook's output/Markdown layer. */
const WEBVIEWS = {
  preview: 'iframe.webview[src*="extensionId=vscode.markdown-language-features"]',
  notebook: 'iframe.webview[src*="purpose=notebookRenderer"]',
};

/** The requests answered, by results file and id. */
const answered = new Set();

/** Answers the pending request, if there is one. Never throws: a failure is the answer. */
export async function answerLookRequest(page, resultsFile, resultsDir) {
  const requestFile = `${resultsFile}.look.json`;
  if (!fs.existsSync(requestFile)) return;
  let request;
  try {
    request = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
  } catch {
    return; // still being written
  }
  // The request file stays where it is (a web suite writes it through workspace.fs, which looks at the file again
  // once written, and fails if it has gone): each request is answered once, by its id.
  const key = `${resultsFile}#${request.id}`;
  if (answered.has(key)) return;
  answered.add(key);
  let answer;
  try {
    answer = await look(page, request, resultsDir);
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  const target = `${resultsFile}.look-${String(request.id).replace(/[^\w-]/g, '')}.json`;
  fs.writeFileSync(`${target}.tmp`, JSON.stringify(answer, null, 2));
  fs.renameSync(`${target}.tmp`, target);
}

async function look(page, request, resultsDir) {
  if (request.view === 'workbench') return lookAtWorkbench(page, request, resultsDir);
  const selector = WEBVIEWS[request.view];
  if (!selector) throw new Error(`unknown view ${request.view}`);
  const frame = page.frameLocator(selector).last().frameLocator('#active-frame');
  const terms = frame.locator('a.concept-term');
  await terms.first().waitFor({ state: 'attached', timeout: 20_000 });
  const answer = {
    terms: await terms.evaluateAll((links) =>
      links.map((link) => ({
        text: link.firstChild?.textContent ?? '',
        concept: link.dataset.concept,
        lang: link.dataset.lang,
        href: link.getAttribute('href'),
        inCode: !!link.closest('code'),
        inPre: !!link.closest('pre'),
        inOtherLink: !!link.parentElement?.closest('a'),
        heading: link.closest('h1, h2, h3, h4, h5, h6')?.id ?? null,
      })),
    ),
    headings: await frame.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) => headings.map((h) => ({ id: h.id, text: h.textContent }))),
    links: await frame.locator('a:not(.concept-term)').evaluateAll((links) => links.map((link) => ({ href: link.getAttribute('href'), text: link.textContent }))),
  };
  const target = request.hover ?? request.click;
  if (target) {
    const term = frame.locator(`a.concept-term[data-concept="${target}"]`).first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    await page.waitForTimeout(400);
    answer.tooltip = await term.evaluate((link) => {
      const tip = link.querySelector('.concept-tip');
      const style = tip && window.getComputedStyle(tip);
      const box = tip?.getBoundingClientRect();
      return {
        visible: !!style && style.display !== 'none' && style.visibility !== 'hidden',
        text: tip?.textContent ?? '',
        lang: tip?.getAttribute('lang'),
        box: box && { left: Math.round(box.left), top: Math.round(box.top), right: Math.round(box.right), bottom: Math.round(box.bottom) },
        viewport: { width: window.innerWidth, height: window.innerHeight },
        background: style?.backgroundColor,
        color: style?.color,
      };
    });
  }
  if (request.screenshot) {
    const file = path.join(resultsDir, `${String(request.screenshot).replace(/[^\w-]/g, '')}.png`);
    await page.screenshot({ path: file, timeout: 15_000 });
    answer.screenshot = path.relative(process.cwd(), file);
  }
  if (request.click) {
    await frame.locator(`a.concept-term[data-concept="${request.click}"]`).first().click();
    await page.waitForTimeout(300);
  }
  return answer;
}

/**
 * The workbench as a person sees it: the text of the hover on screen and of every extension webview (the explanation
 * panel, the chat view), after waiting until one of them shows `waitFor`; then a screenshot.
 */
async function lookAtWorkbench(page, request, resultsDir) {
  const read = async () => ({
    hover: await page.locator('.monaco-hover:visible').allTextContents().then((texts) => texts.join('\n')).catch(() => ''),
    webviews: await webviewTexts(page),
  });
  const deadline = Date.now() + 30_000;
  let seen = await read();
  while (request.waitFor && ![seen.hover, ...seen.webviews].some((text) => text.includes(request.waitFor)) && Date.now() < deadline) {
    await page.waitForTimeout(300);
    seen = await read();
  }
  if (request.screenshot) {
    const file = path.join(resultsDir, `${String(request.screenshot).replace(/[^\w-]/g, '')}.png`);
    await page.screenshot({ path: file, timeout: 15_000 });
    seen.screenshot = path.relative(process.cwd(), file);
  }
  return seen;
}

/** The visible text of each extension webview (the page inside its iframe). */
async function webviewTexts(page) {
  const texts = [];
  for (const frame of page.frames()) {
    if (!/\/webview\/browser\/pre\/fake\.html/.test(frame.url())) continue;
    texts.push(await frame.evaluate(() => document.body?.innerText ?? '').catch(() => ''));
  }
  return texts;
}
