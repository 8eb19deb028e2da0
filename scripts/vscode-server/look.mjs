// Looks at the workbench as a user would, when a test asks: reads what a webview shows (the Markdown preview,
// a notebook's rendered cells), hovers or clicks a marked term, and takes a screenshot. The suite runs inside the
// extension host and cannot reach the page, so a test writes a request file and waits for the answer file:
//   <results>.look.json       { "id", "view": "preview" | "notebook", "hover"?: conceptId, "click"?: conceptId, "screenshot"?: name }
//   <results>.look-<id>.json  { "terms": [...], "headings": [...], "tooltip"?: {...}, "screenshot"?: path } or { "error" }
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The iframe of each kind of webview: the Markdown extension's preview, or a notebook's output/Markdown layer. */
const WEBVIEWS = {
  preview: 'iframe.webview[src*="extensionId=vscode.markdown-language-features"]',
  notebook: 'iframe.webview[src*="purpose=notebookRenderer"]',
};

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
  fs.rmSync(requestFile, { force: true });
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
