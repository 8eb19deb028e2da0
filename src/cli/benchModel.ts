import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Answerer } from '../core/answer/answerer';
import type { Glossary } from '../core/glossary/glossary';
import { loadModelFiles, type ModelFiles } from '../core/model/modelFiles';
import { ModelRuntime, type GenerateOptions, type OrtModule } from '../core/model/runtime';
import { WorkerModelClient } from '../core/model/workerClient';
import type { CliPaths } from './model';

export interface RuntimeFigures {
  loadMs: number;
  firstTokenMs200: number;
  decodeTokensPerS: number;
}

export interface ModelBench {
  model: string;
  parameters: number | null;
  promptTokens: number;
  newTokens: number;
  web: RuntimeFigures & { hostEventLoopDelayMaxMs: number };
  node: RuntimeFigures | null;
  webToNodeRatio: number | null;
  chat: { firstTokenMs: number; retrievalMs: number; tokensPerS: number };
  peakRssMb: number;
}

/** Greedy, and always the full number of tokens, so that every run decodes the same amount. */
const GREEDY: GenerateOptions = { greedy: true, stop: [], ignoreEos: true };
const DECODE_TOKENS = 128;
const PROMPT_TOKENS = 200;
const round = (value: number) => Math.round(value * 10) / 10;

/** A 200-token prompt cut from glossary text, the length of a question with its context. */
function benchPrompt(files: ModelFiles, glossary: Glossary): number[] {
  const text = glossary.concepts.map((concept) => concept.fr.definition + ' ' + concept.en.definition).join(' ');
  return files.tokenizer.encode(text).slice(0, PROMPT_TOKENS);
}

async function measureWeb(paths: CliPaths, prompt: number[]): Promise<ModelBench['web']> {
  const client = new WorkerModelClient({ workerFile: path.join(paths.dist, 'modelWorker.js'), modelDir: paths.modelDir, wasmDir: paths.dist, idleMs: 0 });
  try {
    await client.generate([1], { ...GREEDY, maxNewTokens: 1 }, () => {});
    const loadMs = client.info?.loadMs ?? 0;
    await client.generate(prompt, { ...GREEDY, maxNewTokens: 1 }, () => {}); // warm-up
    const first = await client.generate(prompt, { ...GREEDY, maxNewTokens: 1 }, () => {});
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const decode = await client.generate(prompt.slice(0, 20), { ...GREEDY, maxNewTokens: DECODE_TOKENS }, () => {});
    delay.disable();
    return {
      loadMs: round(loadMs),
      firstTokenMs200: round(first.firstTokenMs),
      decodeTokensPerS: round(decode.tokensPerS),
      hostEventLoopDelayMaxMs: round(delay.max / 1e6),
    };
  } finally {
    await client.dispose();
  }
}

/** The same model with onnxruntime-node (a development dependency), in process, as the reference. */
async function measureNode(paths: CliPaths, prompt: number[]): Promise<RuntimeFigures | null> {
  let ort: OrtModule;
  try {
    ort = (await import('onnxruntime-node')) as unknown as OrtModule;
  } catch {
    return null;
  }
  const started = performance.now();
  const runtime = await ModelRuntime.load(loadModelFiles(paths.modelDir), ort, ['cpu']);
  const loadMs = performance.now() - started;
  try {
    await runtime.generate(prompt, { ...GREEDY, maxNewTokens: 1 });
    const first = await runtime.generate(prompt, { ...GREEDY, maxNewTokens: 1 });
    const decode = await runtime.generate(prompt.slice(0, 20), { ...GREEDY, maxNewTokens: DECODE_TOKENS });
    return { loadMs: round(loadMs), firstTokenMs200: round(first.firstTokenMs), decodeTokensPerS: round(decode.tokensPerS) };
  } finally {
    await runtime.release();
  }
}

/** Question to first token shown, through retrieval, the prompt and the worker, as the chat does it. */
async function measureChat(paths: CliPaths, glossary: Glossary): Promise<ModelBench['chat']> {
  const client = new WorkerModelClient({ workerFile: path.join(paths.dist, 'modelWorker.js'), modelDir: paths.modelDir, wasmDir: paths.dist, idleMs: 0 });
  const answerer = new Answerer(glossary);
  const question = { text: "Qu'est-ce que l'affinage d'un grand modèle de langage ?", answerLang: 'auto' as const, fallbackLang: 'en' as const };
  try {
    await answerer.answer(question, client, { ...GREEDY, maxNewTokens: 2 }); // the model is loaded before a chat question
    const answer = await answerer.answer(question, client, { ...GREEDY, maxNewTokens: 64 });
    return {
      firstTokenMs: round(answer.retrievalMs + answer.generation.firstTokenMs),
      retrievalMs: round(answer.retrievalMs),
      tokensPerS: round(answer.generation.tokensPerS),
    };
  } finally {
    await client.dispose();
  }
}

export async function benchModel(paths: CliPaths, glossary: Glossary): Promise<ModelBench> {
  const files = loadModelFiles(paths.modelDir);
  const prompt = benchPrompt(files, glossary);
  const web = await measureWeb(paths, prompt);
  const node = await measureNode(paths, prompt);
  const chat = await measureChat(paths, glossary);
  const config = JSON.parse(fs.readFileSync(path.join(paths.modelDir, 'config.json'), 'utf8'));
  return {
    model: paths.modelDir,
    parameters: config.concept_explainer?.params ?? null,
    promptTokens: prompt.length,
    newTokens: DECODE_TOKENS,
    web,
    node,
    webToNodeRatio: node ? Number((web.decodeTokensPerS / node.decodeTokensPerS).toFixed(2)) : null,
    chat,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
