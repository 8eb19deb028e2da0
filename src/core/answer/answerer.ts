import type { Glossary } from '../glossary/glossary';
import type { Lang } from '../glossary/types';
import type { GenerateOptions, GenerationResult, PromptPart } from '../model/runtime';
import { detectLanguage } from './language';
import { buildPrompt, citedIds, REFUSAL } from './prompt';
import { Retriever, type Retrieved } from './retrieval';

/** Anything that generates text from a prompt: the model in a worker, in process, or a remote server. */
export interface TextGenerator {
  generate(prompt: readonly PromptPart[], options: GenerateOptions, onText: (text: string) => void, signal?: AbortSignal): Promise<GenerationResult>;
}

export interface Question {
  readonly text: string;
  /** `auto`: the question's language. */
  readonly answerLang: Lang | 'auto';
  /** Used when the question's language cannot be told (a bare term such as "GPT"). */
  readonly fallbackLang: Lang;
}

export interface Answer {
  readonly answer: string;
  /** Glossary entries the answer rests on. */
  readonly sources: string[];
  readonly lang: Lang;
  readonly retrieved: readonly Retrieved[];
  readonly generation: GenerationResult;
  readonly retrievalMs: number;
}

/** Retrieves the glossary entries a question is about, asks the model to answer from them, and cites them. */
export class Answerer {
  private readonly retriever: Retriever;

  constructor(glossary: Glossary) {
    this.retriever = new Retriever(glossary);
  }

  prepare(question: Question): { lang: Lang; retrieved: Retrieved[]; prompt: PromptPart[]; retrievalMs: number } {
    const started = performance.now();
    const lang = question.answerLang === 'auto' ? detectLanguage(question.text, question.fallbackLang) : question.answerLang;
    const retrieved = this.retriever.retrieve(question.text);
    const prompt = buildPrompt(lang, retrieved.map((entry) => entry.concept), question.text);
    return { lang, retrieved, prompt, retrievalMs: performance.now() - started };
  }

  async answer(
    question: Question,
    generator: TextGenerator,
    options: GenerateOptions,
    onText: (text: string) => void = () => {},
    signal?: AbortSignal,
  ): Promise<Answer> {
    const { lang, retrieved, prompt, retrievalMs } = this.prepare(question);
    const generation = await generateGrounded(generator, lang, retrieved, prompt, options, onText, signal);
    return { answer: generation.text, sources: sourcesOf(generation.text, retrieved), lang, retrieved, generation, retrievalMs };
  }
}

/**
 * Runs the model on a grounded prompt. With nothing retrieved there is nothing to ground an answer on: the
 * answer is the fixed sentence saying so, in the requested language, without the model (which is trained
 * to give the same sentence, but too small to always give it in the requested language).
 */
export async function generateGrounded(
  generator: TextGenerator,
  lang: Lang,
  retrieved: readonly Retrieved[],
  prompt: readonly PromptPart[],
  options: GenerateOptions,
  onText: (text: string) => void,
  signal?: AbortSignal,
): Promise<GenerationResult> {
  if (retrieved.length > 0) return generator.generate(prompt, options, onText, signal);
  onText(REFUSAL[lang]);
  return { text: REFUSAL[lang], ids: [], promptTokens: 0, stopReason: 'eos', firstTokenMs: 0, tokensPerS: 0, totalMs: 0 };
}

/** The retrieved entries the answer cites, or all of them when it cites none. */
export function sourcesOf(answer: string, retrieved: readonly Retrieved[]): string[] {
  const ids = retrieved.map((entry) => entry.concept.id);
  const cited = citedIds(answer).filter((id) => ids.includes(id));
  return cited.length > 0 ? cited : ids;
}
