import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ChatEngine, type ChatRequest } from '../core/pipeline/engine';
import type { Glossary } from '../core/glossary/glossary';
import { loadModelFiles, type ModelFiles } from '../core/model/modelFiles';
import { ModelRuntime, type GenerateOptions, type OrtModule } from '../core/model/runtime';
import { WorkerModelClient } from '../core/model/workerClient';
import type { WorkerMemory } from '../core/model/workerProtocol';
import type { CliPaths } from './model';
import { measureChromium, type ChromiumFigures } from './benchChromium';

export interface RuntimeFigures {
  loadMs: number;
  firstTokenMs200: number;
  firstTokenMs600: number;
  decodeTokensPerS: number;
}

export interface ModelBench {
  model: string;
  parameters: number | null;
  promptTokens: number;
  newTokens: number;
  web: RuntimeFigures & { hostEventLoopDelayMaxMs: number };
  /** onnxruntime-node with its default threads (one per core), the reference of the ratio. */
  node: RuntimeFigures | null;
  webToNodeRatio: number | null;
  /** onnxruntime-node on one thread, as the WebAssembly runtime runs: the same kernels' speed, compared alone. */
  nodeOneThread: RuntimeFigures | null;
  webToNodeOneThreadRatio: number | null;
  /** The same model in headless Chromium, as VS Code for the Web runs it (benchChromium.ts); null without Chromium. */
  chromium: ChromiumFigures | null;
  chat: { question: string; promptTokens: number; firstTokenMs: number; preparedMs: number; tokensPerS: number };
  /** The chat view opens (the model starts loading), stays idle 10 s, then the first question: to its first token. */
  firstAnswerAfterOpenMs: number;
  /** The chat view opens: until the model is ready to answer (the worker's start included). */
  readyAfterOpenMs: number;
  /** `node dist/cli.js ask` in a fresh process, a short answer: wall time. */
  askFreshProcessMs: number;
  /** This bench process's peak resident memory (every measurement above included). */
  peakRssMb: number;
  memory: ModelMemory;
}

/** What the model costs in memory, in MB. */
export interface ModelMemory {
  /**
   * A fresh process running the chat's pipeline (`node dist/cli.js chat --json`), as the extension host runs the model
   * (a worker thread of the same process): resident memory before the model loads (the glossary and the pipeline
   * ready), after its answers (a contrast, three concepts, a follow-up) with the model still loaded, and at the peak;
   * `modelMb` is the difference the model makes, the figure to hold (under 150). Null where /proc cannot be read.
   */
  process: ProcessMemory | null;
  /** The worker's own figures after the bench's runs (the 600-token prompts included): WebAssembly heap, JS heap, buffers. */
  worker: WorkerMemory | null;
}

/** The medians of MEMORY_RUNS fresh processes, in MB, with the range of `modelMb`. */
export interface ProcessMemory {
  runs: number;
  beforeModelMb: number;
  withModelMb: number;
  peakMb: number;
  modelMb: number;
  modelMbRange: [number, number];
}

/**
 * Fresh `chat` processes measured for `model.memory.process`: one process's `modelMb` varies by 10-25 MB from run to
 * run (what the C allocator keeps of the memory V8 and the worker freed), their median by a few.
 */
const MEMORY_RUNS = 3;

/** Greedy, and always the full number of tokens, so that every run decodes the same amount. */
const GREEDY: GenerateOptions = { greedy: true, stop: [], ignoreEos: true };
const DECODE_TOKENS = 128;
const PROMPT_TOKENS = 200;
/** The longest prompts the chat writes (a contrast with its curated paragraph, three concepts) are about this long. */
const LONG_PROMPT_TOKENS = 600;
const round = (value: number) => Math.round(value * 10) / 10;
/**
 * Each timing is the median of this many runs: one 128-token decode lasts a tenth of a second, and a single
 * run of it on a shared two-core machine varied by a factor of two between bench runs.
 */
const RUNS = 5;

async function median(run: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

/** A prompt cut from glossary text (600 tokens; its first 200 make the short one). */
function benchPrompt(files: ModelFiles, glossary: Glossary): number[] {
  const text = glossary.concepts.map((concept) => concept.fr.definition + ' ' + concept.en.definition).join(' ');
  return files.tokenizer.encode(text).slice(0, LONG_PROMPT_TOKENS);
}

async function measureWeb(paths: CliPaths, prompt: number[]): Promise<ModelBench['web'] & { memory: WorkerMemory | null }> {
  const client = new WorkerModelClient({ workerFile: path.join(paths.dist, 'modelWorker.js'), modelDir: paths.modelDir, wasmDir: paths.dist, idleMs: 0 });
  try {
    await client.generate([1], { ...GREEDY, maxNewTokens: 1 }, () => {});
    const loadMs = client.info?.loadMs ?? 0;
    await client.generate(prompt, { ...GREEDY, maxNewTokens: 1 }, () => {}); // warm-up
    const generate = (tokens: number[], maxNewTokens: number) => client.generate(tokens, { ...GREEDY, maxNewTokens }, () => {});
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const figures = await runtimeFigures(loadMs, generate, prompt);
    delay.disable();
    return { ...figures, hostEventLoopDelayMaxMs: round(delay.max / 1e6), memory: (await client.memory()) ?? null };
  } finally {
    await client.dispose();
  }
}

type Generate = (tokens: number[], maxNewTokens: number) => Promise<{ firstTokenMs: number; tokensPerS: number }>;

/** First token for the short and the long prompt, and decoding speed, each the median of RUNS runs. */
async function runtimeFigures(loadMs: number, generate: Generate, prompt: number[]): Promise<RuntimeFigures> {
  return {
    loadMs: round(loadMs),
    firstTokenMs200: round(await median(async () => (await generate(prompt.slice(0, PROMPT_TOKENS), 1)).firstTokenMs)),
    firstTokenMs600: round(await median(async () => (await generate(prompt, 1)).firstTokenMs)),
    decodeTokensPerS: round(await median(async () => (await generate(prompt.slice(0, 20), DECODE_TOKENS)).tokensPerS)),
  };
}

/** The same model with onnxruntime-node (a development dependency), in process, as the reference. */
async function measureNode(paths: CliPaths, prompt: number[], threads?: number): Promise<RuntimeFigures | null> {
  let ort: OrtModule;
  try {
    ort = (await import('onnxruntime-node')) as unknown as OrtModule;
  } catch {
    return null;
  }
  const started = performance.now();
  const runtime = await ModelRuntime.load(loadModelFiles(paths.modelDir), ort, ['cpu'], threads);
  const loadMs = performance.now() - started;
  try {
    await runtime.generate(prompt, { ...GREEDY, maxNewTokens: 1 });
    return await runtimeFigures(loadMs, (tokens, maxNewTokens) => runtime.generate(tokens, { ...GREEDY, maxNewTokens }), prompt);
  } finally {
    await runtime.release();
  }
}

/** Question to first token shown, through the chat's own pipeline (understanding, passages, prompt, worker). */
async function measureChat(paths: CliPaths, glossary: Glossary): Promise<ModelBench['chat']> {
  const client = new WorkerModelClient({ workerFile: path.join(paths.dist, 'modelWorker.js'), modelDir: paths.modelDir, wasmDir: paths.dist, idleMs: 0 });
  const engine = new ChatEngine(glossary);
  const request: ChatRequest = {
    question: "Quelle est la différence entre le pré-entraînement et l'affinage ?",
    answerLang: 'auto',
    fallbackLang: 'en',
    history: [],
  };
  const backend = (maxNewTokens: number) => ({ kind: 'bundled' as const, model: client, options: { ...GREEDY, maxNewTokens } });
  try {
    await engine.ask(request, backend(2), () => {}); // the model is loaded before a chat question
    const started = performance.now();
    engine.prepare(request);
    const preparedMs = performance.now() - started;
    const answer = await engine.ask(request, backend(64), () => {});
    return {
      question: request.question,
      promptTokens: answer.generation?.promptTokens ?? 0,
      firstTokenMs: round(answer.firstTextMs),
      preparedMs: round(preparedMs),
      tokensPerS: round(answer.generation?.tokensPerS ?? 0),
    };
  } finally {
    await client.dispose();
  }
}

/** What a user meets first: the chat view opened (until the model is ready), ten idle seconds, then a question. */
async function measureFirstAnswer(paths: CliPaths, glossary: Glossary): Promise<{ readyAfterOpenMs: number; firstAnswerAfterOpenMs: number }> {
  const client = new WorkerModelClient({ workerFile: path.join(paths.dist, 'modelWorker.js'), modelDir: paths.modelDir, wasmDir: paths.dist, idleMs: 0 });
  try {
    const opened = performance.now();
    const ready = client.preload().then(() => performance.now() - opened);
    await new Promise((resolve) => setTimeout(resolve, IDLE_AFTER_OPEN_MS));
    const answer = await new ChatEngine(glossary).ask(
      { question: 'What is self-attention?', answerLang: 'auto', fallbackLang: 'en', history: [] },
      { kind: 'bundled', model: client, options: { ...GREEDY, maxNewTokens: 8 } },
      () => {},
    );
    return { readyAfterOpenMs: round(await ready), firstAnswerAfterOpenMs: round(answer.firstTextMs) };
  } finally {
    await client.dispose();
  }
}

const IDLE_AFTER_OPEN_MS = 10_000;

function measureAskProcess(paths: CliPaths): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [path.join(paths.dist, 'cli.js'), 'ask', 'What is GPT?', '--json', '--max-tokens', '60'], {
    encoding: 'utf8',
    env: { ...process.env, CONCEPT_EXPLAINER_MODEL: paths.modelDir },
  });
  if (run.status !== 0) throw new Error(`ask failed: ${run.stderr}`);
  return round(performance.now() - started);
}

/** The questions of the memory run: the longest prompts the chat writes (a contrast, three concepts), then a follow-up. */
const MEMORY_QUESTIONS = [
  "Quelle est la différence entre le pré-entraînement et l'affinage ?",
  'What are attention, embeddings and transformers?',
  'Why does it matter?',
];

/** A question outside machine learning: answered without the model, so its answer says the pipeline is ready. */
const NO_MODEL_QUESTION = 'How do I cook pancakes?';

function residentMb(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: Math.round(kb('VmRSS') / 1024), hwm: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

/** The model's memory: the medians of MEMORY_RUNS fresh `chat` processes (see measureOneProcess). */
async function measureProcessMemory(paths: CliPaths): Promise<ProcessMemory | null> {
  const samples: ProcessSample[] = [];
  for (let run = 0; run < MEMORY_RUNS; run++) {
    const sample = await measureOneProcess(paths);
    if (!sample) return null;
    samples.push(sample);
  }
  const middle = (pick: (sample: ProcessSample) => number) => samples.map(pick).sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  const models = samples.map((sample) => sample.modelMb);
  return {
    runs: samples.length,
    beforeModelMb: middle((sample) => sample.beforeModelMb),
    withModelMb: middle((sample) => sample.withModelMb),
    peakMb: middle((sample) => sample.peakMb),
    modelMb: middle((sample) => sample.modelMb),
    modelMbRange: [Math.min(...models), Math.max(...models)],
  };
}

type ProcessSample = Omit<ProcessMemory, 'runs' | 'modelMbRange'>;

/**
 * The model's memory in a fresh `chat` process: one question a line on its standard input, one JSON line an answer
 * on its output. Issue 19 measured the extension host this way: 215 MB before the model, 748 MB after the first
 * answer, 814 MB at the peak.
 */
async function measureOneProcess(paths: CliPaths): Promise<ProcessSample | null> {
  const child = spawn(process.execPath, [path.join(paths.dist, 'cli.js'), 'chat', '--json', '--greedy'], {
    env: { ...process.env, CONCEPT_EXPLAINER_MODEL: paths.modelDir },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const answers: (() => void)[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      buffered = buffered.slice(end + 1);
      answers.shift()?.();
    }
  });
  const ask = (question: string) =>
    new Promise<void>((resolve, reject) => {
      answers.push(resolve);
      child.once('exit', () => reject(new Error('bench: the chat process ended before answering')));
      child.stdin.write(`${question}\n`);
    });
  try {
    await ask(NO_MODEL_QUESTION);
    const before = residentMb(child.pid!);
    if (!before) return null;
    for (const question of MEMORY_QUESTIONS) await ask(question);
    // The background work that follows a load (the warm-up, V8's optimising compilations) has ended by now.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const after = residentMb(child.pid!)!;
    return { beforeModelMb: before.rss, withModelMb: after.rss, peakMb: after.hwm, modelMb: after.rss - before.rss };
  } finally {
    child.stdin.end();
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  }
}

const SETTLE_MS = 5000;

export async function benchModel(paths: CliPaths, glossary: Glossary): Promise<ModelBench> {
  const files = loadModelFiles(paths.modelDir);
  const prompt = benchPrompt(files, glossary);
  const processMemory = await measureProcessMemory(paths);
  const { memory: workerMemory, ...web } = await measureWeb(paths, prompt);
  const node = await measureNode(paths, prompt);
  const nodeOneThread = await measureNode(paths, prompt, 1);
  const chromium = await measureChromium(paths, prompt, { promptTokens: PROMPT_TOKENS, decodeTokens: DECODE_TOKENS, runs: RUNS });
  const chat = await measureChat(paths, glossary);
  const { readyAfterOpenMs, firstAnswerAfterOpenMs } = await measureFirstAnswer(paths, glossary);
  const askFreshProcessMs = measureAskProcess(paths);
  const config = JSON.parse(fs.readFileSync(path.join(paths.modelDir, 'config.json'), 'utf8'));
  return {
    model: paths.modelDir,
    parameters: config.concept_explainer?.params ?? null,
    promptTokens: PROMPT_TOKENS,
    newTokens: DECODE_TOKENS,
    web,
    node,
    webToNodeRatio: node ? Number((web.decodeTokensPerS / node.decodeTokensPerS).toFixed(2)) : null,
    nodeOneThread,
    webToNodeOneThreadRatio: nodeOneThread ? Number((web.decodeTokensPerS / nodeOneThread.decodeTokensPerS).toFixed(2)) : null,
    chromium,
    chat,
    firstAnswerAfterOpenMs,
    readyAfterOpenMs,
    askFreshProcessMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    memory: { process: processMemory, worker: workerMemory },
  };
}
