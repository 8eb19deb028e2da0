"""The prompt format shared by the corpus builder and the TypeScript runtime (see PROMPT_FORMAT.md).

Any change here must be mirrored in PROMPT_FORMAT.md and in src/core/pipeline/prompt.ts.
"""
import re

EOT = "<|endoftext|>"
PAD = "<|pad|>"
LANG = {"fr": "<|lang_fr|>", "en": "<|lang_en|>"}
CONTEXT = "<|context|>"
QUESTION = "<|question|>"
ANSWER = "<|answer|>"

# Fixed ids: special tokens come first in the vocabulary, in this order.
SPECIAL_TOKENS = [EOT, PAD, LANG["fr"], LANG["en"], CONTEXT, QUESTION, ANSWER]

REFUSAL = {
    "en": "I only know machine-learning concepts, and this question is not about one of them.",
    "fr": "Je ne connais que les concepts d'apprentissage automatique, et cette question n'en fait pas partie.",
}

# The parts of an entry a passage can hold, besides its definition (glossary "sections", plus the example).
PARTS = ("how", "why", "causes", "limits", "history", "intuition", "example", "overview")

MAX_PASSAGES = 8

_WS = re.compile(r"\s+")


def one_line(text):
    """Collapse every run of whitespace (newlines included) into one space and trim."""
    return _WS.sub(" ", text).strip()


def normalize_question(text):
    """The question as it goes into the prompt: typographic apostrophes (U+2019, U+02BC) become ASCII
    ' (the corpus uses ASCII), then whitespace is collapsed."""
    return one_line(text.replace("\u2019", "'").replace("\u02bc", "'"))


def other(lang):
    return "en" if lang == "fr" else "fr"


def definition_passage(entry_id, term, other_term, definition):
    """`[<id>] <term> (<term in the other language>) : <definition>\\n`"""
    return "[%s] %s (%s) : %s\n" % (entry_id, one_line(term), one_line(other_term), one_line(definition))


def part_passage(entry_id, part, text):
    """`[<id>/<part>] <text>\\n`, part one of PARTS."""
    assert part in PARTS, part
    return "[%s/%s] %s\n" % (entry_id, part, one_line(text))


def contrast_passage(first_id, second_id, text):
    """`[<id>|<id>] <text>\\n`: what tells two concepts apart."""
    return "[%s|%s] %s\n" % (first_id, second_id, one_line(text))


def build_prompt(answer_lang, passages, question):
    """Everything the model is given; the model continues after <|answer|>. `passages` are lines built by
    the three functions above, most relevant first."""
    assert answer_lang in LANG
    assert len(passages) <= MAX_PASSAGES
    return LANG[answer_lang] + CONTEXT + "".join(passages) + QUESTION + normalize_question(question) + "\n" + ANSWER


def full_text(prompt, answer):
    return prompt + answer + EOT
