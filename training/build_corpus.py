#!/usr/bin/env python3
"""Build the training corpus and the held-out evaluation set from the glossary.

    python3 training/build_corpus.py [--glossary glossary/concepts] [--out training/data]
                                     [--eval-out training/eval/heldout.jsonl] [--per-concept 110]

Writes <out>/train.jsonl and <out>/val.jsonl, one example a line:
    {"prompt": ..., "answer": ..., "kind": ..., "lang": ..., "answer_lang": ..., "concept_ids": [...]}
The model is trained on prompt + answer + <|endoftext|> (see PROMPT_FORMAT.md).

Every question template below was written for this project. Templates are split in two disjoint
sets: TRAIN (training and validation examples) and EVAL (held-out evaluation questions only), so
the held-out set measures phrasings the model has never seen.
"""
import argparse
import collections
import json
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from prompt_format import REFUSAL, build_prompt, one_line, other  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# ---------------------------------------------------------------------------------------------
# Question templates. {t}: the concept as the user writes it; {t2}: the second concept of a
# "difference" question. French: {le_t} adds the article with elision (l'affinage, le réseau,
# la couche, les paramètres), {du_t} the partitive (de l'affinage, du réseau, de la couche, des
# paramètres); same with {le_t2} and {du_t2}.
# ---------------------------------------------------------------------------------------------
TRAIN = {
    "en": {
        "what": [
            "What is {t}?", "what's {t}", "What does {t} mean?", "What is meant by {t}?", "Tell me about {t}.",
            "{t}?", "{t}", "Can you tell me what {t} is?", "I keep seeing {t}, what is it?", "What exactly is {t}?",
            "Explain {t}.", "Could you explain {t}?", "what is {t} in machine learning", "{t}: what is that?",
            "Any idea what {t} refers to?", "what is {t}??", "So, {t}?", "Explain {t} to me please.",
            "Hi! What is {t}?", "what does {t} refer to in AI",
        ],
        "define": [
            "Define {t}.", "Definition of {t}", "Give me a definition of {t}.", "{t} definition",
            "What is the definition of {t}?", "Define {t} in one sentence.", "def {t}", "Meaning of {t}?",
            "define {t} please", "Short definition of {t}?",
        ],
        "simple": [
            "Explain {t} simply.", "Explain {t} like I'm five.", "{t} in simple words?",
            "Can you explain {t} in plain English?", "What is {t}, in simple terms?", "ELI5 {t}",
            "Give me an easy explanation of {t}.", "I'm a beginner: what is {t}?", "Simple explanation of {t}?",
            "Explain {t} without the maths.",
        ],
        "why": [
            "Why does {t} matter?", "Why is {t} important?", "What is {t} used for?", "Why should I care about {t}?",
            "What's the point of {t}?", "Why do people use {t}?", "What problem does {t} solve?",
            "why {t}", "What is the use of {t}?",
        ],
        "how": [
            "How does {t} work?", "How does {t} work in practice?", "Explain how {t} works.",
            "What is the idea behind {t}?", "How is {t} done?", "Walk me through {t}.", "What happens inside {t}?",
            "how {t} works", "Can you explain the principle of {t}?",
        ],
        "example": [
            "Give an example of {t}.", "Example of {t}?", "Can you give me an example of {t}?",
            "Show me an example of {t}.", "{t} example", "What's a concrete example of {t}?", "Any analogy for {t}?",
            "example {t} please", "Give me an analogy for {t}.",
        ],
        "diff": [
            "What is the difference between {t} and {t2}?", "{t} vs {t2}", "Difference between {t} and {t2}?",
            "How is {t} different from {t2}?", "{t} or {t2}: what's the difference?", "Compare {t} and {t2}.",
            "Are {t} and {t2} the same thing?", "{t} versus {t2}?", "difference {t} {t2}",
        ],
        "translate": [
            "How do you say {t} in French?", "What is {t} in French?", "French word for {t}?", "{t} in French",
            "Translate {t} into French.", "What's the French term for {t}?", "How do French speakers say {t}?",
        ],
    },
    "fr": {
        "what": [
            "C'est quoi {t} ?", "c'est quoi {le_t}", "Qu'est-ce que {le_t} ?", "Qu'est-ce que c'est, {le_t} ?",
            "{t} ?", "{t}", "Que veut dire {t} ?", "Que signifie {t} ?", "Parle-moi {du_t}.", "Explique-moi {le_t}.",
            "Tu peux m'expliquer {le_t} ?", "{le_t}, c'est quoi ?", "Je ne comprends pas {le_t}, c'est quoi ?",
            "Peux-tu expliquer {t} ?", "c koi {le_t}", "Bonjour, c'est quoi {le_t} ?", "qu'est ce que {le_t}",
            "{t} : c'est quoi exactement ?", "Explique {le_t} stp", "Ça veut dire quoi, {t} ?",
        ],
        "define": [
            "Définis {t}.", "Définition {du_t}", "Donne-moi la définition {du_t}.", "{t} définition",
            "Quelle est la définition {du_t} ?", "Définition de {t} en une phrase ?", "déf {t}",
            "definition {du_t}", "Tu peux définir {le_t} ?", "Donne une définition courte {du_t}.",
        ],
        "simple": [
            "Explique {le_t} simplement.", "Explique-moi {t} comme à un enfant.", "{t} en termes simples ?",
            "{le_t} expliqué simplement", "Je débute : c'est quoi {le_t} ?", "Tu peux vulgariser {le_t} ?",
            "Explique {t} avec des mots simples.", "Version simple : {t} ?", "Explique {le_t} sans maths.",
        ],
        "why": [
            "Pourquoi {le_t} est important ?", "À quoi sert {le_t} ?", "A quoi ça sert, {le_t} ?",
            "Quel est l'intérêt {du_t} ?", "Pourquoi utilise-t-on {le_t} ?", "Quel problème résout {le_t} ?",
            "pourquoi {le_t}", "Ça sert à quoi {le_t} ?", "Pourquoi on parle autant {du_t} ?",
        ],
        "how": [
            "Comment fonctionne {le_t} ?", "Comment ça marche, {le_t} ?", "Explique le fonctionnement {du_t}.",
            "Quelle est l'idée derrière {le_t} ?", "Comment marche {t} ?", "Que se passe-t-il dans {le_t} ?",
            "comment marche {le_t}", "Quel est le principe {du_t} ?", "Explique-moi comment fonctionne {le_t}.",
        ],
        "example": [
            "Donne un exemple {du_t}.", "Un exemple de {t} ?", "Tu as un exemple {du_t} ?", "Exemple {du_t}",
            "Montre-moi un exemple de {t}.", "Une analogie pour {le_t} ?", "exemple de {t} stp",
            "Donne-moi une analogie pour {le_t}.", "Un exemple concret {du_t} ?",
        ],
        "diff": [
            "Quelle est la différence entre {le_t} et {le_t2} ?", "{t} vs {t2}", "Différence entre {t} et {t2} ?",
            "En quoi {le_t} diffère {du_t2} ?", "{t} ou {t2} : quelle différence ?", "Compare {le_t} et {le_t2}.",
            "{le_t} et {le_t2}, c'est pareil ?", "difference entre {le_t} et {le_t2}", "{t} contre {t2} ?",
        ],
        "translate": [
            "Comment dit-on {t} en anglais ?", "{t} en anglais ?", "Quel est le terme anglais pour {t} ?",
            "Traduis {t} en anglais.", "Comment on dit {le_t} en anglais ?", "{t}, ça se dit comment en anglais ?",
            "C'est quoi {le_t} en anglais ?",
        ],
    },
}

EVAL = {
    "en": {
        "what": ["Could you clarify what {t} stands for?", "I'd like to understand {t}.", "So what is this {t} thing?",
                 "what do people mean when they say {t}", "Help me make sense of {t}."],
        "define": ["Please provide a short definition for {t}.", "Write the definition of {t}.",
                   "In a nutshell, how would you define {t}?"],
        "simple": ["Break down {t} for a newcomer.", "Describe {t} without jargon.",
                   "How would you put {t} for someone who never studied AI?"],
        "why": ["In what way is {t} useful?", "What makes {t} valuable?", "What is {t} good for?"],
        "how": ["What are the mechanics of {t}?", "Describe the workings of {t}.", "By what steps does {t} proceed?"],
        "example": ["Illustrate {t} with a real case.", "Could you show {t} in action with an example?",
                    "What would {t} look like in a real project?"],
        "diff": ["Contrast {t} with {t2}.", "What sets {t} apart from {t2}?", "Where does {t} end and {t2} begin?",
                 "I mix up {t} and {t2}, help?"],
        "translate": ["Which French expression corresponds to {t}?", "If I speak French, what do I call {t}?"],
    },
    "fr": {
        "what": ["J'aimerais comprendre ce qu'est {le_t}.", "Dis-m'en plus sur {le_t}.", "Éclaire-moi sur {le_t}.",
                 "On parle souvent {du_t}, de quoi s'agit-il ?", "Je voudrais savoir ce que désigne {t}."],
        "define": ["Rédige une courte définition {du_t}.", "Propose une définition de {t}.",
                   "En deux mots, comment définir {le_t} ?"],
        "simple": ["Décris {le_t} sans jargon.", "Résume {le_t} pour un débutant.",
                   "Comment présenter {le_t} à quelqu'un qui n'a jamais fait d'IA ?"],
        "why": ["En quoi {le_t} est-il utile ?", "Qu'apporte {le_t} ?", "Quel avantage offre {le_t} ?"],
        "how": ["Décris le mécanisme {du_t}.", "Par quelles étapes passe {le_t} ?", "Comment procède {le_t} ?"],
        "example": ["Illustre {le_t} par un cas concret.", "Montre {le_t} en action avec un exemple.",
                    "À quoi ressemble {le_t} dans un vrai projet ?"],
        "diff": ["Oppose {le_t} à {le_t2}.", "Qu'est-ce qui distingue {le_t} {du_t2} ?",
                 "Je confonds {le_t} et {le_t2}, tu m'aides ?"],
        "translate": ["Quelle expression anglaise correspond à {t} ?", "Si je parle anglais, comment j'appelle {le_t} ?"],
    },
}

# Out-of-domain questions: templates x fillers; the EVAL ones share neither with TRAIN.
OOD_TRAIN = {
    "en": {
        "templates": ["How do I cook {food}?", "What's a good recipe for {food}?", "Who won the last {event}?",
                      "What are the rules of {sport}?", "How do I {task} in {plang}?", "What is the capital of {country}?",
                      "What's the weather like in {city} today?", "How many players are there in a {sport} team?",
                      "Can you recommend a good book about {hobby}?", "How do I get better at {hobby}?",
                      "Where should I travel in {country}?", "What time is it in {city}?"],
        "food": ["pancakes", "a risotto", "lasagna", "a chocolate cake", "pad thai", "crêpes", "a vegetable soup"],
        "event": ["World Cup", "Tour de France", "Super Bowl", "Wimbledon final", "Champions League"],
        "sport": ["rugby", "handball", "cricket", "volleyball", "water polo", "basketball"],
        "task": ["reverse a string", "read a CSV file", "sort a list", "open a file", "parse a date", "center a div"],
        "plang": ["Python", "JavaScript", "Rust", "Go", "Java", "C++", "CSS"],
        "country": ["Japan", "Peru", "Canada", "Portugal", "Kenya", "Norway"],
        "city": ["Lyon", "Montreal", "Tokyo", "Dakar", "Berlin", "Quebec"],
        "hobby": ["gardening", "chess", "photography", "knitting", "running", "guitar"],
    },
    "fr": {
        "templates": ["Comment cuisiner {food} ?", "Tu as une recette de {food} ?", "Qui a gagné la dernière {event} ?",
                      "Quelles sont les règles du {sport} ?", "Comment {task} en {plang} ?", "Quelle est la capitale du {country} ?",
                      "Quel temps fait-il à {city} aujourd'hui ?", "Combien de joueurs dans une équipe de {sport} ?",
                      "Tu me conseilles un livre sur {hobby} ?", "Comment progresser en {hobby} ?",
                      "Où voyager au {country} ?", "Quelle heure est-il à {city} ?"],
        "food": ["des crêpes", "un risotto", "des lasagnes", "un gâteau au chocolat", "un pot-au-feu", "une ratatouille"],
        "event": ["Coupe du monde", "finale de Roland-Garros", "Ligue des champions", "Coupe d'Europe"],
        "sport": ["rugby", "handball", "cricket", "volley-ball", "water-polo", "basket"],
        "task": ["inverser une chaîne", "lire un fichier CSV", "trier une liste", "ouvrir un fichier", "centrer une div"],
        "plang": ["Python", "JavaScript", "Rust", "Go", "Java", "C++", "CSS"],
        "country": ["Japon", "Pérou", "Canada", "Portugal", "Kenya", "Maroc"],
        "city": ["Lyon", "Montréal", "Tokyo", "Dakar", "Bruxelles", "Genève"],
        "hobby": ["jardinage", "échecs", "photographie", "tricot", "course à pied", "guitare"],
    },
}
OOD_TRAIN_FIXED = {
    "en": ["Hello", "hi", "Thanks!", "Tell me a joke.", "What is the meaning of life?", "Write a poem about the sea.",
           "How do I fix a flat bicycle tire?", "What is 17 times 23?", "Who painted the Mona Lisa?",
           "How do I install git on Windows?", "What is a Docker volume?", "How does HTTPS work?",
           "What is a SQL join?", "How do I undo a git commit?", "What is Kubernetes?", "Who are you?",
           "What is the boiling point of water?", "How tall is Mount Everest?", "Can you book a flight for me?",
           "What's the best pizza topping?", "How do plants make oxygen?", "What is a mortgage?"],
    "fr": ["Bonjour", "salut", "Merci !", "Raconte-moi une blague.", "Quel est le sens de la vie ?",
           "Écris un poème sur la mer.", "Comment réparer un pneu de vélo crevé ?", "Combien font 17 fois 23 ?",
           "Qui a peint la Joconde ?", "Comment installer git sous Windows ?", "C'est quoi un volume Docker ?",
           "Comment marche HTTPS ?", "C'est quoi une jointure SQL ?", "Comment annuler un commit git ?",
           "C'est quoi Kubernetes ?", "Qui es-tu ?", "À quelle température bout l'eau ?",
           "Quelle est la hauteur de l'Everest ?", "Tu peux me réserver un vol ?", "Quelle est la meilleure pizza ?",
           "Comment les plantes produisent-elles de l'oxygène ?", "C'est quoi un prêt immobilier ?"],
}
OOD_EVAL = {
    "en": ["How long should I boil an egg?", "Which team has won the most NBA titles?", "How do I write a for loop in Bash?",
           "What is the population of Brazil?", "Suggest a name for my cat.", "How do I change a car battery?",
           "What is the tallest building in Europe?", "How do I make a git branch?", "What rhymes with orange?",
           "Is it going to rain tomorrow in Paris?", "How do I configure nginx as a reverse proxy?",
           "What year did the Berlin Wall fall?", "How many calories are in an apple?",
           "What is the offside rule in football?", "How do I convert Celsius to Fahrenheit?"],
    "fr": ["Combien de temps faut-il cuire un œuf dur ?", "Quelle équipe a gagné le plus de titres en NBA ?",
           "Comment écrire une boucle for en Bash ?", "Quelle est la population du Brésil ?",
           "Propose un nom pour mon chat.", "Comment changer la batterie d'une voiture ?",
           "Quel est le plus haut immeuble d'Europe ?", "Comment créer une branche git ?",
           "Quel mot rime avec orange ?", "Va-t-il pleuvoir demain à Paris ?",
           "Comment configurer nginx en proxy inverse ?", "En quelle année le mur de Berlin est-il tombé ?",
           "Combien de calories dans une pomme ?", "C'est quoi la règle du hors-jeu au football ?",
           "Comment convertir des degrés Celsius en Fahrenheit ?"],
}

# Answer scaffolding, per answer language.
A = {
    "en": {
        "in_other": "in French", "example": "For example", "how": "How it works", "why": "Why it matters",
        "simple": "In simple terms", "ex_of": "An example of {t}", "source": "Source", "sources": "Sources",
        "translate": "In French, {t} is called \u00ab {o} \u00bb{al}.", "also": " (also: {a})",
        "diff_end": "These are two different concepts: {t} and {t2}.", "colon": ":",
    },
    "fr": {
        "in_other": "en anglais", "example": "Par exemple", "how": "Fonctionnement", "why": "Pourquoi c'est important",
        "simple": "En termes simples", "ex_of": "Un exemple pour {t}", "source": "Source", "sources": "Sources",
        "translate": "En anglais, {t} se dit \u00ab {o} \u00bb{al}.", "also": " (aussi : {a})",
        "diff_end": "Ce sont deux notions distinctes : {t} et {t2}.", "colon": " :",
    },
}

KINDS_WEIGHTS = [("what", 22), ("define", 10), ("simple", 11), ("why", 10), ("how", 12), ("example", 12),
                 ("translate", 8), ("diff", 15)]


# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------
def strip_markdown(md):
    md = re.sub(r"```.*?```", " ", md, flags=re.S)
    md = re.sub(r"\$\$.*?\$\$", " ", md, flags=re.S)
    lines = []
    for line in md.split("\n"):
        s = line.strip()
        if s.startswith("|") or re.fullmatch(r"[-=*_ ]{3,}", s or "x"):
            continue
        s = re.sub(r"^#{1,6}\s*", "", s)
        s = re.sub(r"^>\s*", "", s)
        s = re.sub(r"^([-*+]|\d+[.)])\s+", "", s)
        lines.append(s)
    md = "\n".join(lines)
    md = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", md)
    md = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"\*\*(.+?)\*\*", r"\1", md)
    md = re.sub(r"__(.+?)__", r"\1", md)
    md = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", md)
    md = re.sub(r"(?<![\w])_(?!\s)([^_]+?)(?<!\s)_(?![\w])", r"\1", md)
    md = re.sub(r"`([^`]*)`", r"\1", md)
    md = re.sub(r"\$([^$]+)\$", r"\1", md)
    paras = [one_line(p) for p in re.split(r"\n\s*\n", md)]
    return [p for p in paras if p]


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«\"(`0-9])")


def sentences(paragraph):
    return [s.strip() for s in _SENT.split(paragraph) if s.strip()]


def take_chars(sents, limit):
    out = []
    n = 0
    for s in sents:
        if out and n + len(s) > limit:
            break
        out.append(s)
        n += len(s) + 1
    return " ".join(out)


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


class Concept:
    def __init__(self, d):
        self.d = d
        self.id = d["id"]
        self.related = [r for r in d.get("related", []) + d.get("prerequisites", [])]
        self.expl = {}
        for lang in ("fr", "en"):
            paras = strip_markdown(d[lang]["explanation"])
            self.expl[lang] = [sentences(p) for p in paras]

    def term(self, lang):
        return one_line(self.d[lang]["term"])

    def aliases(self, lang):
        return [one_line(a) for a in self.d[lang].get("aliases", []) if one_line(a)]

    def definition(self, lang):
        return one_line(self.d[lang]["definition"])

    def example(self, lang):
        return " ".join(one_line(p) for p in strip_markdown(self.d[lang]["example"]))

    def expl_first(self, lang, limit=260):
        paras = self.expl[lang]
        return take_chars(paras[0], limit) if paras else ""

    def expl_how(self, lang, limit=300):
        paras = self.expl[lang]
        if len(paras) >= 2:
            return take_chars(paras[1], limit)
        flat = [s for p in paras for s in p]
        return take_chars(flat, limit)

    def expl_why(self, lang, limit=260):
        paras = self.expl[lang]
        if len(paras) >= 3:
            return take_chars(paras[2], limit)
        flat = [s for p in paras for s in p]
        return take_chars(flat[1:] or flat, limit)


def load_glossary(path, max_concepts=None):
    out = []
    for name in sorted(os.listdir(path)):
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(path, name), encoding="utf-8") as f:
                d = json.load(f)
            for lang in ("fr", "en"):
                for k in ("term", "definition", "explanation", "example"):
                    assert isinstance(d[lang][k], str) and d[lang][k].strip()
            out.append(Concept(d))
        except Exception as e:  # a file being written right now, or a broken one
            print("skipping %s: %s" % (name, e), file=sys.stderr)
    if max_concepts:
        out = out[:max_concepts]
    return out


# ---------------------------------------------------------------------------------------------
# Surface forms of a term, as a user might type it
# ---------------------------------------------------------------------------------------------
FEM_ENDINGS = ("tion", "sion", "té", "ence", "ance", "ure", "ie", "ée", "ise", "ude", "elle", "ette", "che",
               "ive", "euse", "rice", "ique", "ine", "ogie", "ouche", "ade", "esse", "ité", "trice", "ère")
MASC_WORDS = {"modèle", "graphique", "biais", "vecteur", "réseau", "apprentissage", "paramètre", "jeton",
              "neurone", "nœud", "motif", "entraînement", "pré-entraînement", "alignement", "affinage",
              "classement", "surapprentissage", "gradient", "lot", "corpus", "prompt", "transformer",
              "processus", "taux", "mécanisme", "système", "problème", "domaine", "contexte"}
FEM_WORDS = {"couche", "attention", "auto-attention", "architecture", "fonction", "donnée", "perte", "rétropropagation",
             "descente", "intelligence", "puissance", "échelle", "fenêtre", "tête", "norme", "température",
             "classification", "régression", "régularisation", "hallucination", "tokenisation", "valeur",
             "matrice", "époque", "couche", "sortie", "entrée", "requête", "clé", "distillation", "quantification"}
PLURAL_EXCEPT = {"biais", "corpus", "processus", "taux", "gras", "poids"}


def is_identifier(s):
    return "_" in s or re.search(r"[a-z][A-Z]", s) is not None


def fr_article(s, english=False):
    """Return (le_form, du_form) for a French noun phrase (heuristic gender and number).
    English words used in French ("le fine-tuning", "le machine learning") are masculine."""
    if not s or is_identifier(s) or s[0].isupper() or s[0] in "«\"'(" or s[0].isdigit():
        return s, "de " + s
    first = s.split()[0].lower()
    base = strip_accents(first)
    plural = first.endswith(("s", "x")) and first not in PLURAL_EXCEPT and len(first) > 3
    if plural:
        return "les " + s, "des " + s
    if base[:1] in "aeiouyh":
        return "l'" + s, "de l'" + s
    if english or first in MASC_WORDS:
        fem = False
    elif first in FEM_WORDS:
        fem = True
    else:
        fem = first.endswith(FEM_ENDINGS)
    return ("la " + s, "de la " + s) if fem else ("le " + s, "du " + s)


def identifier_forms(term):
    words = re.findall(r"[A-Za-z0-9]+", strip_accents(term))
    if not words:
        return [term]
    lw = [w.lower() for w in words]
    forms = ["_".join(lw), lw[0] + "".join(w.capitalize() for w in lw[1:]), "".join(w.capitalize() for w in lw),
             "-".join(lw), "_".join(lw).upper()]
    return [f for f in forms if f]


KEYB = "azertyuiopqsdfghjklmwxcvbn"


def typo(s, rng):
    letters = [i for i, c in enumerate(s) if c.isalpha()]
    if len(letters) < 5:
        return s
    op = rng.randrange(5)
    i = rng.choice(letters[1:-1])
    if op == 0 and i + 1 < len(s) and s[i + 1].isalpha():  # swap
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    if op == 1:  # drop
        return s[:i] + s[i + 1:]
    if op == 2:  # double
        return s[:i] + s[i] + s[i:]
    if op == 3:  # neighbour key
        k = KEYB.find(s[i].lower())
        if k >= 0:
            return s[:i] + KEYB[(k + rng.choice([-1, 1])) % len(KEYB)] + s[i + 1:]
    sa = strip_accents(s)
    if sa != s:
        return sa
    return s[:i] + s[i + 1:]


def surface(concept, qlang, rng, force=None):
    """Pick how the user writes the concept. Returns (text, form)."""
    lang = qlang
    if force is None:
        r = rng.random()
        form = ("term" if r < 0.50 else "alias" if r < 0.64 else "lower" if r < 0.73 else "identifier" if r < 0.80
                else "typo" if r < 0.90 else "other_lang")
    else:
        form = force
    if form == "other_lang":
        lang = other(qlang)
        form_t = concept.term(lang)
        return (form_t if rng.random() < 0.6 else rng.choice([form_t] + concept.aliases(lang))), "other_lang"
    term = concept.term(lang)
    aliases = concept.aliases(lang)
    if form == "alias":
        if not aliases:
            return term, "term"
        return rng.choice(aliases), "alias"
    if form == "lower":
        base = rng.choice([term] + aliases)
        low = base.lower()
        return (low, "lower") if low != base else (base, "term")
    if form == "identifier":
        base = rng.choice([concept.term("en")] + concept.aliases("en"))
        return rng.choice(identifier_forms(base)), "identifier"
    if form == "typo":
        t = typo(term, rng)
        return (t, "typo") if t != term else (term, "term")
    return term, "term"


def fill(template, qlang, t, t2=None, en_words=()):
    vals = {"t": t, "t2": t2 or ""}
    le, du = fr_article(t, t.lower() in en_words)
    vals.update(le_t=le, du_t=du)
    if t2 is not None:
        le2, du2 = fr_article(t2, t2.lower() in en_words)
        vals.update(le_t2=le2, du_t2=du2)
    q = template.format(**vals)
    # "de le"/"à le" never happen thanks to fr_article; fix "que l'" after "Qu'est-ce que" is fine as is
    return q


def question_noise(q, qlang, rng, allow=True):
    if not allow:
        return q, None
    r = rng.random()
    if r < 0.10:
        return q.lower(), "lowercase"
    if r < 0.16:
        return q.rstrip(" ?.!"), "nopunct"
    if r < 0.21 and qlang == "fr":
        return strip_accents(q), "noaccents"
    if r < 0.25:
        words = q.split(" ")
        idx = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if idx:
            i = rng.choice(idx)
            words[i] = typo(words[i], rng)
            return " ".join(words), "typo"
    return q, None


# ---------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------
def source_line(al, ids):
    a = A[al]
    if len(ids) == 1:
        return "\n\n%s%s [%s]" % (a["source"], a["colon"], ids[0])
    return "\n\n%s%s %s" % (a["sources"], a["colon"], " ".join("[%s]" % i for i in ids))


def answer(kind, c, al, c2=None):
    a = A[al]
    col = a["colon"]
    t = c.term(al)
    head = "%s (%s%s %s)%s %s" % (cap(t), a["in_other"], col, c.term(other(al)), col, c.definition(al))
    if kind == "define":
        body = head
    elif kind == "what":
        extra = c.expl_first(al)
        body = head + ("\n\n" + extra if extra else "")
    elif kind == "simple":
        body = "%s%s %s\n\n%s%s %s" % (a["simple"], col, c.definition(al), a["example"], col, c.example(al))
    elif kind == "how":
        body = "%s%s %s\n\n%s%s %s" % (cap(t), col, c.definition(al), a["how"], col, c.expl_how(al))
    elif kind == "why":
        body = "%s%s %s\n\n%s%s %s" % (cap(t), col, c.definition(al), a["why"], col, c.expl_why(al))
    elif kind == "example":
        body = "%s%s %s" % (a["ex_of"].format(t=t), col, c.example(al))
    elif kind == "translate":
        # the term in the other language than the answer; al is the question's language here
        ol = other(al)
        als = [x for x in c.aliases(ol) if x.lower() != c.term(ol).lower()][:2]
        al_part = a["also"].format(a=", ".join(als)) if als else ""
        body = a["translate"].format(t=t, o=c.term(ol), al=al_part) + "\n\n" + c.definition(al)
    elif kind == "diff":
        t2 = c2.term(al)
        body = "%s%s %s\n\n%s%s %s\n\n%s" % (cap(t), col, c.definition(al), cap(t2), col, c2.definition(al),
                                             a["diff_end"].format(t=t, t2=t2))
        return body + source_line(al, [c.id, c2.id])
    else:
        raise ValueError(kind)
    return body + source_line(al, [c.id])


# ---------------------------------------------------------------------------------------------
# Example generation
# ---------------------------------------------------------------------------------------------
class Builder:
    def __init__(self, concepts, rng):
        self.concepts = concepts
        self.by_id = {c.id: c for c in concepts}
        self.rng = rng

    @staticmethod
    def en_words(*cs):
        """Lowercased English forms of the concepts that are not also French forms."""
        out = set()
        for c in cs:
            fr = {x.lower() for x in [c.term("fr")] + c.aliases("fr")}
            out |= {x.lower() for x in [c.term("en")] + c.aliases("en")} - fr
        return out

    def distractors(self, targets, n):
        rng = self.rng
        ids = {c.id for c in targets}
        rel = [r for c in targets for r in c.related if r in self.by_id and r not in ids]
        out = []
        while len(out) < n:
            if rel and rng.random() < 0.5:
                cand = self.by_id[rng.choice(rel)]
            else:
                cand = rng.choice(self.concepts)
            if cand.id in ids or cand in out:
                if len(self.concepts) <= len(ids) + len(out):
                    break
                continue
            out.append(cand)
        return out

    def context(self, targets):
        rng = self.rng
        room = 3 - len(targets)
        r = rng.random()
        n = 0 if r < 0.22 else 1 if r < 0.55 else 2
        n = min(n, room, len(self.concepts) - len(targets))
        entries = list(targets) + self.distractors(targets, n)
        rng.shuffle(entries)
        return entries

    def pick_diff_partner(self, c):
        rng = self.rng
        rel = [self.by_id[r] for r in c.related if r in self.by_id and r != c.id]
        if rel and rng.random() < 0.7:
            return rng.choice(rel)
        while True:
            c2 = rng.choice(self.concepts)
            if c2.id != c.id:
                return c2

    def example(self, c, kind, qlang, al, templates, noise=True, force_form=None):
        rng = self.rng
        t, form = surface(c, qlang, rng, force_form)
        if kind == "translate":
            # ask for the term in the other language: the user writes the term in their own language
            t, form = surface(c, qlang, rng, rng.choice(["term", "term", "alias", "lower", "typo"]))
            al = qlang
        if kind == "diff":
            c2 = self.pick_diff_partner(c)
            t2, _ = surface(c2, qlang, rng, rng.choice(["term", "term", "term", "alias", "lower"]))
            q = fill(rng.choice(templates[qlang]["diff"]), qlang, t, t2, self.en_words(c, c2))
            targets = [c, c2]
            ans = answer("diff", c, al, c2)
        else:
            q = fill(rng.choice(templates[qlang][kind]), qlang, t, None, self.en_words(c))
            targets = [c]
            ans = answer(kind, c, al)
        q, qn = question_noise(q, qlang, rng, noise)
        entries = self.context(targets)
        return {
            "prompt": build_prompt(al, [e.d for e in entries], q),
            "answer": ans,
            "question": one_line(q),
            "kind": kind,
            "form": qn or form,
            "lang": qlang,
            "answer_lang": al,
            "concept_ids": [x.id for x in targets],
        }

    def ood(self, lang, al, pool_templates, pool_fixed):
        rng = self.rng
        if rng.random() < 0.5:
            spec = pool_templates[lang]
            tpl = rng.choice(spec["templates"])
            q = re.sub(r"\{(\w+)\}", lambda m: rng.choice(spec[m.group(1)]), tpl)
        else:
            q = rng.choice(pool_fixed[lang])
        q, qn = question_noise(q, lang, rng)
        return {"prompt": build_prompt(al, [], q), "answer": REFUSAL[al], "question": one_line(q), "kind": "ood",
                "form": qn or "plain", "lang": lang, "answer_lang": al, "concept_ids": []}

    def unknown_ml(self, lang, al):
        """An ML-sounding question whose concept the glossary lacks: nothing retrieved -> refusal."""
        rng = self.rng
        words = ["GAN", "Mamba", "state space model", "capsule network", "Boltzmann machine", "XGBoost",
                 "random forest", "k-means", "SVM", "LoRA adapters", "Hopfield network", "diffusion sampler"]
        tpl = rng.choice(TRAIN[lang]["what"])
        q = fill(tpl, lang, rng.choice(words))
        return {"prompt": build_prompt(al, [], q), "answer": REFUSAL[al], "question": one_line(q), "kind": "ood",
                "form": "unknown_ml", "lang": lang, "answer_lang": al, "concept_ids": []}


def weighted_kinds(rng, n):
    kinds = [k for k, w in KINDS_WEIGHTS for _ in range(w)]
    return [rng.choice(kinds) for _ in range(n)]


def build_split(concepts, per_concept, seed, ood_frac=0.06):
    rng = random.Random(seed)
    b = Builder(concepts, rng)
    out = []
    for c in concepts:
        for qlang in ("fr", "en"):
            for kind in weighted_kinds(rng, per_concept):
                al = qlang if rng.random() >= 0.12 else other(qlang)
                out.append(b.example(c, kind, qlang, al, TRAIN))
    n_ood = max(2, int(len(out) * ood_frac))
    for i in range(n_ood):
        lang = rng.choice(["fr", "en"])
        al = lang if rng.random() >= 0.12 else other(lang)
        out.append(b.unknown_ml(lang, al) if rng.random() < 0.15 else b.ood(lang, al, OOD_TRAIN, OOD_TRAIN_FIXED))
    rng.shuffle(out)
    return out


def build_heldout(concepts, seed, per_concept_lang=2, ood_per_lang=15):
    rng = random.Random(seed)
    b = Builder(concepts, rng)
    out = []
    kinds = [k for k, _ in KINDS_WEIGHTS]
    forms = ["term", "term", "term", "alias", "lower", "identifier", "typo", "other_lang"]
    for ci, c in enumerate(concepts):
        for qlang in ("fr", "en"):
            for j in range(per_concept_lang):
                kind = kinds[(ci * 2 + j + (qlang == "fr") * 3) % len(kinds)]
                al = qlang if (ci + j) % 9 else other(qlang)
                if kind == "translate":
                    al = qlang
                ex = b.example(c, kind, qlang, al, EVAL, noise=(j == 1), force_form=rng.choice(forms))
                out.append(ex)
    for lang in ("fr", "en"):
        for q in OOD_EVAL[lang][:ood_per_lang]:
            out.append({"question": q, "kind": "ood", "form": "plain", "lang": lang, "answer_lang": lang,
                        "concept_ids": []})
    return [{"question": e["question"], "lang": e["lang"], "answer_lang": e["answer_lang"],
             "concept_ids": e["concept_ids"], "kind": e["kind"], "form": e["form"]} for e in out]


def norm_q(q):
    return re.sub(r"[^\w]+", " ", strip_accents(q.lower())).strip()


def write_jsonl(path, rows):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--glossary", default=os.path.join(ROOT, "glossary", "concepts"))
    ap.add_argument("--out", default=os.path.join(HERE, "data"))
    ap.add_argument("--eval-out", default=os.path.join(HERE, "eval", "heldout.jsonl"),
                    help="held-out questions; empty string to skip")
    ap.add_argument("--per-concept", type=int, default=110, help="training examples per concept and question language")
    ap.add_argument("--val-per-concept", type=int, default=4)
    ap.add_argument("--max-concepts", type=int, default=None)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    concepts = load_glossary(args.glossary, args.max_concepts)
    if len(concepts) < 2:
        sys.exit("need at least 2 concepts in %s, found %d" % (args.glossary, len(concepts)))
    print("concepts: %d" % len(concepts))

    heldout = build_heldout(concepts, args.seed + 2) if args.eval_out else []
    banned = {norm_q(h["question"]) for h in heldout}
    train = [e for e in build_split(concepts, args.per_concept, args.seed) if norm_q(e["question"]) not in banned]
    seen = {e["prompt"] for e in train}
    val = [e for e in build_split(concepts, args.val_per_concept, args.seed + 1)
           if e["prompt"] not in seen and norm_q(e["question"]) not in banned]

    write_jsonl(os.path.join(args.out, "train.jsonl"), train)
    write_jsonl(os.path.join(args.out, "val.jsonl"), val)
    if args.eval_out:
        write_jsonl(args.eval_out, heldout)
    stats = {
        "concepts": len(concepts), "concept_ids": [c.id for c in concepts], "train_examples": len(train),
        "val_examples": len(val), "heldout_questions": len(heldout),
        "train_chars": sum(len(e["prompt"]) + len(e["answer"]) for e in train),
        "train_kinds": dict(collections.Counter(e["kind"] for e in train)),
        "train_forms": dict(collections.Counter(e["form"] for e in train)),
        "train_cross_lang": sum(e["lang"] != e["answer_lang"] for e in train),
        "heldout_kinds": dict(collections.Counter(e["kind"] for e in heldout)),
        "seed": args.seed,
    }
    with open(os.path.join(args.out, "corpus_stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, ensure_ascii=False, indent=1)
    print(json.dumps({k: v for k, v in stats.items() if k != "concept_ids"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
