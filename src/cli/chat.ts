import * as readline from 'node:readline';
import { ChatEngine, turnOf, type Backend } from '../core/pipeline/engine';
import type { Turn } from '../core/chat/conversation';
import type { Glossary } from '../core/glossary/glossary';
import type { ParsedArgs } from './args';
import type { CliOutput } from './explain';
import { parseLang } from './explain';
import { answerJson, cliBackend, modelClient, type CliPaths } from './model';
import { writeStreamed } from './terminal';

/** Earlier turns that follow-ups may refer to (the chat view sends as many by default). */

/**
 * `chat`: a conversation through the chat view's pipeline. On a terminal: a prompt, streamed answers, Ctrl+C
 * stops an answer, an empty line or Ctrl+D ends. Otherwise one question a line, and with `--json` one line of
 * JSON a turn.
 */
export async function runChat(glossary: Glossary, paths: CliPaths, args: ParsedArgs, io: CliOutput): Promise<number> {
  const interactive = process.stdin.isTTY === true && !args.flags.has('json');
  const engine = new ChatEngine(glossary);
  const client = modelClient(paths);
  const backend: Backend = cliBackend(args, paths, client);
  const answerLang = parseLang(args.flags.get('lang')) ?? 'auto';
  const history: Turn[] = [];
  const lines = readline.createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  let running: AbortController | undefined;
  lines.on('SIGINT', () => (running ? running.abort() : lines.close()));
  if (interactive) io.out('Ask about a machine-learning concept (an empty line or Ctrl+D ends; Ctrl+C stops an answer).');
  try {
    for await (const line of promptedLines(lines, interactive)) {
      const question = line.trim();
      if (!question) {
        if (interactive) break;
        continue;
      }
      running = new AbortController();
      const stream = args.flags.has('json') ? () => {} : writeStreamed;
      const answer = await engine.ask({ question, answerLang, fallbackLang: 'en', history }, backend, stream, running.signal);
      const stopped = running.signal.aborted;
      running = undefined;
      history.push(turnOf(String(history.length), question, answer, stopped ? 'stopped' : 'done', Date.now()));
      if (args.flags.has('json')) io.out(JSON.stringify(answerJson(answer)));
      else io.out(`${stopped ? ' [stopped]' : ''}\n${answer.sources.length ? `[${answer.sources.join(', ')}]\n` : ''}${nextLines(answer.suggestions, answer.lang)}`);
    }
    return 0;
  } finally {
    lines.close();
    await client.dispose();
  }
}

/** Lines of standard input; on a terminal each is asked for with a prompt once the previous answer is done. */
async function* promptedLines(lines: readline.Interface, interactive: boolean): AsyncGenerator<string> {
  if (!interactive) {
    yield* lines;
    return;
  }
  for (;;) {
    const line = await new Promise<string | undefined>((resolve) => {
      lines.once('close', () => resolve(undefined));
      lines.question('> ', resolve);
    });
    if (line === undefined) return;
    yield line;
  }
}

/** The suggested follow-ups on one line, as the chat view shows them under an answer. */
function nextLines(suggestions: readonly string[], lang: 'fr' | 'en'): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((question) => (lang === 'fr' ? `« ${question} »` : `"${question}"`));
  return `${lang === 'fr' ? 'Pour continuer :' : 'Next:'} ${quoted.join(' · ')}\n`;
}
