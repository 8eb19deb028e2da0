"""The prompt format shared by the corpus builder and the TypeScript runtime (see PROMPT_FORMAT.md).

Any change here must be mirrored in PROMPT_FORMAT.md and in the runtime.
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

MAX_CONTEXT_ENTRIES = 3

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


def context_line(entry, answer_lang):
    """`[<id>] <term in answer lang> (<term in the other lang>) : <definition in answer lang>\\n`"""
    a = entry[answer_lang]
    o = entry[other(answer_lang)]
    return "[%s] %s (%s) : %s\n" % (entry["id"], one_line(a["term"]), one_line(o["term"]), one_line(a["definition"]))


def build_prompt(answer_lang, entries, question):
    """Everything the model is given; the model continues after <|answer|>."""
    assert answer_lang in LANG
    assert len(entries) <= MAX_CONTEXT_ENTRIES
    ctx = "".join(context_line(e, answer_lang) for e in entries)
    return LANG[answer_lang] + CONTEXT + ctx + QUESTION + normalize_question(question) + "\n" + ANSWER


def full_text(prompt, answer):
    return prompt + answer + EOT
