import * as assert from 'node:assert/strict';
import { CONVERSATION_LIMITS, ConversationStore, restoreTurns, turnsForPrompt, type KeyValueStore, type Turn } from '../../src/core/chat/conversation';

const STORAGE_KEY = 'conceptExplainer.chat.turns';

/** Workspace state as VS Code keeps it: values go through JSON, so nothing relies on object identity. */
class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, string>();
  writes = 0;

  get<T>(key: string): T | undefined {
    const saved = this.values.get(key);
    return saved === undefined ? undefined : (JSON.parse(saved) as T);
  }

  update(key: string, value: unknown): Promise<void> {
    this.writes++;
    this.values.set(key, JSON.stringify(value));
    return Promise.resolve();
  }

  /** Puts raw data in the store, as an older or broken version of the extension might have left it. */
  seed(value: unknown): void {
    this.values.set(STORAGE_KEY, JSON.stringify(value));
  }
}

function turn(id: string, fields: Partial<Turn> = {}): Turn {
  return { id, question: `question ${id}`, answer: `answer ${id}`, lang: 'en', sources: [], state: 'done', createdAt: 1, ...fields };
}

describe('conversation store', () => {
  it('starts empty when nothing was saved', () => {
    assert.deepEqual(new ConversationStore(new MemoryStore()).all, []);
  });

  it('saves every added turn, so a new window sees the conversation', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    const first = store.add({ id: 't1', question: 'What is GPT?', lang: 'en', context: 'const gpt = load()' });
    assert.equal(first.state, 'streaming');
    assert.equal(first.answer, '');
    assert.deepEqual(first.sources, []);
    assert.equal(typeof first.createdAt, 'number');
    store.add({ id: 't2', question: "Qu'est-ce que l'affinage ?", lang: 'fr', sources: ['fine-tuning'] });

    const reopened = new ConversationStore(storage);
    assert.deepEqual(reopened.all.map((saved) => saved.id), ['t1', 't2']);
    assert.equal(reopened.get('t1')?.question, 'What is GPT?');
    assert.equal(reopened.get('t1')?.context, 'const gpt = load()');
    assert.equal(reopened.get('t2')?.lang, 'fr');
    assert.deepEqual(reopened.get('t2')?.sources, ['fine-tuning']);
  });

  it('saves updates to a turn, and leaves the other turns as they were', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    store.add({ id: 't1', question: 'What is GPT?', lang: 'en' });
    store.add({ id: 't2', question: 'What is BERT?', lang: 'en' });
    const updated = store.update('t1', { answer: 'GPT is [gpt].', sources: ['gpt'], state: 'done' });
    assert.equal(updated?.answer, 'GPT is [gpt].');

    const reopened = new ConversationStore(storage);
    assert.equal(reopened.get('t1')?.answer, 'GPT is [gpt].');
    assert.equal(reopened.get('t1')?.state, 'done');
    assert.deepEqual(reopened.get('t1')?.sources, ['gpt']);
    assert.equal(reopened.get('t1')?.question, 'What is GPT?');
    // t2 was still streaming when the "window" closed.
    assert.equal(reopened.get('t2')?.answer, '');
    assert.equal(reopened.get('t2')?.state, 'interrupted');
  });

  it('returns nothing and changes nothing when updating an unknown turn', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    store.add({ id: 't1', question: 'What is GPT?', lang: 'en' });
    assert.equal(store.update('nope', { answer: 'x' }), undefined);
    assert.deepEqual(new ConversationStore(storage).all.map((saved) => saved.answer), ['']);
  });

  it('clears the saved conversation too', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    store.add({ id: 't1', question: 'What is GPT?', lang: 'en' });
    store.clear();
    assert.deepEqual(store.all, []);
    assert.deepEqual(new ConversationStore(storage).all, []);
    assert.deepEqual(storage.get(STORAGE_KEY), []);
  });

  it('keeps a partial answer that was streaming when the window closed, marked interrupted', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    store.add({ id: 't1', question: 'What is RLHF?', lang: 'en' });
    store.update('t1', { answer: 'RLHF trains a reward model from human rank' });
    assert.equal(store.get('t1')?.state, 'streaming');

    const reopened = new ConversationStore(storage);
    assert.equal(reopened.get('t1')?.state, 'interrupted');
    assert.equal(reopened.get('t1')?.answer, 'RLHF trains a reward model from human rank');
  });

  it('keeps finished states as they were saved', () => {
    const storage = new MemoryStore();
    storage.seed([turn('a', { state: 'done' }), turn('b', { state: 'stopped' }), turn('c', { state: 'error', error: 'HTTP 500' }), turn('d', { state: 'interrupted' })]);
    const restored = new ConversationStore(storage).all;
    assert.deepEqual(restored.map((saved) => saved.state), ['done', 'stopped', 'error', 'interrupted']);
    assert.equal(restored[2]?.error, 'HTTP 500');
  });

  it('keeps the most recent turns within its bounds, in turns and in characters', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    for (let index = 0; index < CONVERSATION_LIMITS.turns + 50; index++) store.add({ id: `t${index}`, question: 'q', lang: 'en' });
    const reopened = new ConversationStore(storage).all;
    assert.equal(reopened.length, CONVERSATION_LIMITS.turns);
    assert.equal(reopened.at(-1)?.id, `t${CONVERSATION_LIMITS.turns + 49}`);
    const big = new ConversationStore(new MemoryStore());
    for (let index = 0; index < 20; index++) big.update(big.add({ id: `b${index}`, question: 'q', lang: 'en' }).id, { answer: 'x'.repeat(CONVERSATION_LIMITS.answerChars), state: 'done' });
    assert.ok(big.all.length < 20 && big.all.at(-1)?.id === 'b19', big.all.map((t) => t.id).join());
  });

  it('saves a streaming answer on its own, and a reload finds it in the interrupted turn', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    for (let index = 0; index < 20; index++) store.update(store.add({ id: `old${index}`, question: 'q', lang: 'en' }).id, { answer: 'a'.repeat(1000), state: 'done' });
    store.add({ id: 'live', question: 'What is GPT?', lang: 'en' });
    const before = storage.values.get(STORAGE_KEY)!.length;
    store.saveStreaming('live', 'GPT is a family');
    assert.equal(storage.values.get(STORAGE_KEY)!.length, before, 'the conversation is not written again');
    assert.equal(store.get('live')!.answer, 'GPT is a family', 'a view opened now shows the answer so far');
    const reopened = new ConversationStore(storage).get('live')!;
    assert.equal(reopened.state, 'interrupted');
    assert.equal(reopened.answer, 'GPT is a family');
  });
});

describe('what the conversation keeps (hostile sizes and secrets)', () => {
  it('restores only the most recent turns of 10,000 saved ones, in a few milliseconds', () => {
    const storage = new MemoryStore();
    storage.seed(Array.from({ length: 10_000 }, (_, i) => turn(`t${i}`, { answer: `Answer ${i} `.repeat(20) })));
    const started = performance.now();
    const store = new ConversationStore(storage);
    const ms = performance.now() - started;
    assert.equal(store.all.length, CONVERSATION_LIMITS.turns);
    assert.equal(store.all[0]?.id, `t${10_000 - CONVERSATION_LIMITS.turns}`);
    assert.equal(store.all.at(-1)?.id, 't9999');
    assert.ok(ms < 2_000, `restoring took ${Math.round(ms)} ms`);
    const huge = restoreTurns(Array.from({ length: 50 }, (_, i) => turn(`h${i}`, { answer: 'x'.repeat(100_000) })));
    assert.ok(huge.length < 50 && huge.length > 0 && huge.at(-1)?.id === 'h49', 'the characters bound holds on restore too');
  });

  it('keeps a few lines of a 20 MB selection, never the whole of it', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    store.add({ id: 'sel', question: 'What does this do?'.repeat(1_000), lang: 'en', context: 'x'.repeat(20_000_000) });
    const saved = storage.values.get(STORAGE_KEY)!;
    assert.ok(saved.length < 10_000, `${saved.length} characters saved`);
    assert.equal(store.get('sel')?.context?.length, CONVERSATION_LIMITS.contextChars);
    assert.equal(store.get('sel')?.question.length, CONVERSATION_LIMITS.questionChars);
  });

  it('never saves the API key a server echoes, nor anything shaped like a key, in any field', () => {
    const storage = new MemoryStore();
    const key = 'k3y-0f-the-us3r-9f8e7d';
    const store = new ConversationStore(storage, { secrets: () => [key] });
    store.add({ id: 'echo', question: 'My key is sk-abcdef1234567890, what is a token?', lang: 'en', context: `headers = {"Authorization": "Bearer ${key}"}` });
    store.saveStreaming('echo', `You sent ${key}`);
    assert.doesNotMatch(storage.values.get('conceptExplainer.chat.streaming')!, /k3y-0f/);
    store.update('echo', { answer: `You sent ${key} (Bearer ${key}). A token: a piece of text.`, state: 'error', error: `HTTP 500 for key ${key}` });
    const saved = [...storage.values.values()].join('\n');
    assert.doesNotMatch(saved, /k3y-0f|sk-abcdef/);
    assert.match(saved, /A token: a piece of text\./, 'words of the domain stay');
    assert.doesNotMatch(JSON.stringify(store.all), /k3y-0f|sk-abcdef/, 'nor in what the view shows');
  });

  it('takes the shapes of keys out of a conversation saved before they were scrubbed', () => {
    const [restored] = restoreTurns([turn('old', { answer: 'It used Bearer abc.def-123 and sk-0123456789abcdef.' })]);
    assert.equal(restored?.answer, 'It used Bearer [hidden] and [hidden].');
  });
});

describe('restoring saved turns', () => {
  it('drops saved data that is not a list, without throwing', () => {
    for (const saved of [undefined, null, 0, 'turns', {}, { 0: turn('a') }, true]) {
      assert.deepEqual(restoreTurns(saved), [], JSON.stringify(saved));
    }
    const storage = new MemoryStore();
    storage.seed({ turns: [turn('a')] });
    assert.deepEqual(new ConversationStore(storage).all, []);
  });

  it('drops turns without an id, a question or an answer, and keeps the good ones', () => {
    const restored = restoreTurns([
      null,
      42,
      'turn',
      [],
      { question: 'q', answer: 'a' },
      { id: 7, question: 'q', answer: 'a' },
      { id: 'no-question', answer: 'a' },
      { id: 'bad-question', question: ['q'], answer: 'a' },
      { id: 'no-answer', question: 'q' },
      { id: 'bad-answer', question: 'q', answer: null },
      turn('good'),
    ]);
    assert.deepEqual(restored.map((saved) => saved.id), ['good']);
    assert.deepEqual(restored[0], turn('good', { context: undefined, error: undefined }));
  });

  it('replaces each optional field of the wrong type with its default, one by one', () => {
    const [restored] = restoreTurns([
      { id: 'x', question: 'q', answer: 'partial', context: 5, lang: 'de', sources: ['gpt', 3, null, 'bert', { id: 'x' }], state: 'thinking', error: { message: 'x' }, createdAt: '12' },
    ]);
    assert.deepEqual(restored, {
      id: 'x',
      question: 'q',
      context: undefined,
      answer: 'partial',
      lang: 'en',
      sources: ['gpt', 'bert'],
      // An unknown state cannot be trusted to be finished.
      state: 'interrupted',
      error: undefined,
      createdAt: 0,
    });
    assert.deepEqual(restoreTurns([{ id: 'y', question: 'q', answer: 'a', sources: 'gpt' }])[0]?.sources, []);
    assert.equal(restoreTurns([{ id: 'z', question: 'q', answer: 'a', lang: 'fr', context: 'sel', error: 'boom', createdAt: 99 }])[0]?.lang, 'fr');
    const [kept] = restoreTurns([{ id: 'z', question: 'q', answer: 'a', lang: 'fr', context: 'sel', state: 'error', error: 'boom', createdAt: 99 }]);
    assert.deepEqual([kept?.context, kept?.error, kept?.createdAt, kept?.state], ['sel', 'boom', 99, 'error']);
  });

  it('turns a saved streaming answer into an interrupted one, keeping its text', () => {
    const [restored] = restoreTurns([turn('s', { state: 'streaming', answer: 'Half an answ' })]);
    assert.equal(restored?.state, 'interrupted');
    assert.equal(restored?.answer, 'Half an answ');
  });
});

describe('turns for the prompt', () => {
  it('keeps the most recent finished turns, oldest first, up to maxTurns', () => {
    const turns = [turn('1'), turn('2'), turn('3'), turn('4'), turn('5')];
    assert.deepEqual(turnsForPrompt(turns, 2, 10_000).map((kept) => kept.id), ['4', '5']);
    assert.deepEqual(turnsForPrompt(turns, 10, 10_000).map((kept) => kept.id), ['1', '2', '3', '4', '5']);
    assert.deepEqual(turnsForPrompt(turns, 0, 10_000), []);
  });

  it('skips errored turns and turns without an answer', () => {
    const turns = [
      turn('1'),
      turn('2', { state: 'stopped', answer: 'partial' }),
      turn('3', { state: 'error', answer: 'half', error: 'HTTP 500' }),
      turn('4', { state: 'stopped', answer: '' }),
      turn('5', { state: 'interrupted', answer: '' }),
    ];
    assert.deepEqual(turnsForPrompt(turns, 2, 10_000).map((kept) => kept.id), ['1', '2']);
  });

  it('stops at maxChars, counting questions and answers, keeping the most recent', () => {
    const long = (id: string) => turn(id, { question: 'q'.repeat(40), answer: 'a'.repeat(60) }); // 100 characters each
    const turns = [long('1'), long('2'), long('3'), long('4')];
    assert.deepEqual(turnsForPrompt(turns, 10, 250).map((kept) => kept.id), ['3', '4']);
    assert.deepEqual(turnsForPrompt(turns, 10, 300).map((kept) => kept.id), ['2', '3', '4']);
    assert.deepEqual(turnsForPrompt(turns, 10, 99), []);
    // A long recent turn does not let older ones jump over it: the prompt's history stays contiguous.
    const withHuge = [long('1'), turn('2', { answer: 'x'.repeat(1000) }), long('3')];
    assert.deepEqual(turnsForPrompt(withHuge, 10, 250).map((kept) => kept.id), ['3']);
  });

  it('never changes the saved conversation', () => {
    const storage = new MemoryStore();
    const store = new ConversationStore(storage);
    for (let index = 1; index <= 6; index++) {
      store.add({ id: `t${index}`, question: `q${index}`, lang: 'en' });
      store.update(`t${index}`, { answer: `answer ${index}`, state: index === 3 ? 'error' : 'done' });
    }
    const before = JSON.stringify(store.all);
    const writes = storage.writes;
    const saved = storage.values.get(STORAGE_KEY);

    const kept = turnsForPrompt(store.all, 2, 4000);
    assert.deepEqual(kept.map((entry) => entry.id), ['t5', 't6']);
    assert.equal(JSON.stringify(store.all), before);
    assert.equal(store.all.length, 6);
    assert.equal(storage.writes, writes);
    assert.equal(storage.values.get(STORAGE_KEY), saved);
    assert.deepEqual(new ConversationStore(storage).all.map((entry) => entry.id), ['t1', 't2', 't3', 't4', 't5', 't6']);
  });
});
