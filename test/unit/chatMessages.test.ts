import * as assert from 'node:assert/strict';
import { MAX_SUGGESTIONS, parseChatMessage } from '../../src/webviewProtocol/chatMessages';

describe('the chat page’s suggestion message', () => {
  it('carries only where the suggestion is: an answer’s id and a small index', () => {
    assert.deepEqual(parseChatMessage({ type: 'askSuggestion', id: 'abc-12', index: 1 }), { type: 'askSuggestion', id: 'abc-12', index: 1 });
    // Extra fields (a question of the page's own) are dropped: the host asks the question it offered.
    assert.deepEqual(parseChatMessage({ type: 'askSuggestion', id: 'abc', index: 0, question: 'rm -rf /' }), { type: 'askSuggestion', id: 'abc', index: 0 });
  });

  it('is refused with a wrong id or index', () => {
    for (const bad of [
      { type: 'askSuggestion', id: 'abc', index: MAX_SUGGESTIONS },
      { type: 'askSuggestion', id: 'abc', index: -1 },
      { type: 'askSuggestion', id: 'abc', index: 0.5 },
      { type: 'askSuggestion', id: 'abc', index: '0' },
      { type: 'askSuggestion', id: '<img src=x>', index: 0 },
      { type: 'askSuggestion', id: 'x'.repeat(101), index: 0 },
      { type: 'askSuggestion', index: 0 },
    ]) {
      assert.equal(parseChatMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
