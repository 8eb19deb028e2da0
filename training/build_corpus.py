#!/usr/bin/env python3
"""Build the training corpus and the held-out evaluation set from the glossary.

    python3 training/build_corpus.py [--glossary glossary/concepts] [--out training/data] [--per-concept 24]
                                     [--eval-out FILE] [--exclude FILE...]

Writes <out>/train.jsonl and <out>/val.jsonl, one example a line:
    {"prompt": ..., "answer": ..., "kind": ..., "lang": ..., "answer_lang": ..., "concept_ids": [...]}
The model is trained on prompt + answer + <|endoftext|> (see PROMPT_FORMAT.md).

The held-out set the evaluation reads (training/eval/heldout.jsonl and conversations.jsonl) is fixed: the
builder never rewrites it (--eval-out writes a newly generated one to FILE), and no question of it, nor of
the files given to --exclude, enters training or validation, with any case, accents or punctuation.

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
from prompt_format import (MAX_PASSAGES, REFUSAL, build_prompt, contrast_passage, definition_passage,  # noqa: E402
                           one_line, other, part_passage)

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

# New kinds of questions (same split: TRAIN for training, EVAL for the held-out set only).
TRAIN["en"].update({
    "limits": ["What are the limits of {t}?", "What's the catch with {t}?", "What are the drawbacks of {t}?",
               "Pitfalls of {t}?", "When does {t} go wrong?", "What are the downsides of {t}?",
               "Is there a problem with {t}?", "{t} limitations", "What should I watch out for with {t}?"],
    "history": ["Where does {t} come from?", "Who invented {t}?", "History of {t}?", "When was {t} introduced?",
                "What is the origin of {t}?", "Who came up with {t}?", "{t} history"],
    "several": ["What are {t} and {t2}?", "Explain {t} and {t2}.", "Tell me about {t} and {t2}.",
                "Define {t} and {t2}.", "{t} and {t2}?", "Can you explain both {t} and {t2}?"],
    "several3": ["What are {t}, {t2} and {t3}?", "Explain {t}, {t2} and {t3}.", "Define {t}, {t2} and {t3}."],
})
TRAIN["fr"].update({
    "limits": ["Quelles sont les limites {du_t} ?", "Quel est le piège avec {le_t} ?", "Quels sont les inconvénients {du_t} ?",
               "Les pièges {du_t} ?", "Quand {le_t} échoue-t-il ?", "Quels sont les défauts {du_t} ?",
               "Y a-t-il un problème avec {le_t} ?", "limites {du_t}", "À quoi faire attention avec {le_t} ?"],
    "history": ["D'où vient {le_t} ?", "Qui a inventé {le_t} ?", "Historique {du_t} ?", "Quand est apparu {le_t} ?",
                "Quelle est l'origine {du_t} ?", "Qui a eu l'idée {du_t} ?", "histoire {du_t}"],
    "several": ["C'est quoi {le_t} et {le_t2} ?", "Explique {le_t} et {le_t2}.", "Parle-moi {du_t} et {du_t2}.",
                "Définis {le_t} et {le_t2}.", "{t} et {t2} ?", "Tu peux m'expliquer {le_t} et {le_t2} ?"],
    "several3": ["C'est quoi {le_t}, {le_t2} et {le_t3} ?", "Explique {le_t}, {le_t2} et {le_t3}.",
                 "Définis {le_t}, {le_t2} et {le_t3}."],
})
# "Why does it happen?": the entry's causes (only the entries that have a causes section get these questions).
TRAIN["en"]["cause"] = ["What causes {t}?", "What are the causes of {t}?", "Why does {t} occur?", "How come {t} happens?",
                        "What is the cause of {t}?", "Why do models suffer from {t}?"]
TRAIN["fr"]["cause"] = ["Qu'est-ce qui cause {le_t} ?", "Quelles sont les causes {du_t} ?", "Pourquoi {le_t} se produit-il ?",
                        "Qu'est-ce qui provoque {le_t} ?", "À cause de quoi {le_t} survient-il ?", "Quelle est la cause {du_t} ?"]
EVAL["en"].update({
    "limits": ["What are the weak points of {t}?", "Where does {t} fall short?", "What risks come with {t}?"],
    "history": ["How did {t} appear?", "What is the backstory of {t}?"],
    "several": ["Could you describe {t} as well as {t2}?", "I need both {t} and {t2} explained."],
    "several3": ["Give me a quick tour of {t}, {t2} and {t3}."],
})
EVAL["fr"].update({
    "limits": ["Quels sont les points faibles {du_t} ?", "Où {le_t} montre-t-il ses limites ?", "Quels risques avec {le_t} ?"],
    "history": ["Comment est né {le_t} ?", "Raconte l'histoire {du_t}."],
    "several": ["Décris-moi {le_t} ainsi que {le_t2}.", "J'ai besoin qu'on m'explique {le_t} et {le_t2}."],
    "several3": ["Fais-moi un petit tour {du_t}, {du_t2} et {du_t3}."],
})

# Follow-ups: a question with no term of its own, about the previous turn's concept.
FOLLOWUP = {
    "train": {
        "en": {"how": ["And how does it work?", "How does that work?", "How?", "And concretely?", "How does it do that?"],
               "why": ["Why?", "And why does it matter?", "Why is that useful?", "Why does it work?"],
               "limits": ["What's the catch?", "Any downsides?", "What are its limits?", "Is there a catch?"],
               "history": ["Where does it come from?", "Who invented it?", "And its history?"],
               "example": ["Give me an example.", "An example?", "Can you show an example?"],
               "simple": ["Explain it more simply.", "In simpler words?", "Simpler please."],
               "what": ["What is it exactly?", "Tell me more.", "What is that?"],
               "cause": ["What causes it?", "What are its causes?", "Why does it occur?"]},
        "fr": {"how": ["Et comment ça marche ?", "Comment ça fonctionne ?", "Comment ?", "Et concrètement ?",
                       "Comment fait-il ?"],
               "why": ["Pourquoi ?", "Et pourquoi c'est important ?", "À quoi ça sert ?", "Pourquoi ça marche ?"],
               "limits": ["Quel est le piège ?", "Des inconvénients ?", "Quelles sont ses limites ?", "Il y a un piège ?"],
               "history": ["D'où ça vient ?", "Qui l'a inventé ?", "Et son histoire ?"],
               "example": ["Donne-moi un exemple.", "Un exemple ?", "Tu peux montrer un exemple ?"],
               "simple": ["Explique plus simplement.", "Avec des mots plus simples ?", "Plus simple stp."],
               "what": ["C'est quoi exactement ?", "Dis-m'en plus.", "C'est-à-dire ?"],
               "cause": ["Qu'est-ce qui cause ça ?", "Quelles en sont les causes ?", "Pourquoi ça se produit ?"]},
    },
    "eval": {
        "en": {"how": ["And what are the mechanics?", "So how is it done?"], "why": ["What makes it useful?"],
               "limits": ["And the drawbacks?", "Where does it fail?"], "history": ["And where did it start?"],
               "example": ["Could you illustrate that?"], "simple": ["Can you put that more plainly?"],
               "what": ["Could you clarify?"]},
        "fr": {"how": ["Et ça se passe comment ?", "Concrètement, ça marche comment ?"], "why": ["Ça apporte quoi ?"],
               "limits": ["Et les défauts ?", "Où ça coince ?"], "history": ["Et ça a commencé où ?"],
               "example": ["Tu peux illustrer ?"], "simple": ["Tu peux dire ça plus simplement ?"],
               "what": ["Tu peux préciser ?"]},
    },
}

# Small talk: a short polite reply in the question's language, never the refusal.
SMALLTALK = {
    "train": {
        "en": {"thanks": ["Thanks!", "Thank you", "thanks a lot", "Great, thanks!", "Thank you for explaining all that!",
                          "cheers", "Thanks, that helps."],
               "greeting": ["Hello", "hi", "Hi there!", "Good morning", "Hey", "hello!"],
               "bye": ["Bye", "Goodbye!", "See you", "bye for now"],
               "ack": ["OK", "I see.", "Cool!", "Got it.", "Makes sense.", "Interesting!", "Nice."]},
        "fr": {"thanks": ["Merci !", "merci beaucoup", "Super, merci !", "Merci d'avoir expliqué tout ça !", "Merci bien",
                          "Merci, ça m'aide."],
               "greeting": ["Bonjour", "salut", "Salut !", "Bonsoir", "Coucou", "bonjour !"],
               "bye": ["Au revoir", "À bientôt !", "Salut, à plus", "bonne journée"],
               "ack": ["D'accord.", "Je vois.", "Cool !", "Compris.", "Ça a du sens.", "Intéressant !", "Ok"]},
    },
    "eval": {
        "en": {"thanks": ["Many thanks!", "thx"], "greeting": ["Hiya!", "Good evening"], "bye": ["See you later!"],
               "ack": ["Alright.", "That makes sense."]},
        "fr": {"thanks": ["Merci mille fois !", "merci infiniment"], "greeting": ["Bonjour à toi"], "bye": ["À plus tard !"],
               "ack": ["Ah d'accord.", "C'est plutôt sympa."]},
    },
}
SMALLTALK_REPLY = {
    "en": {"thanks": "You're welcome! Ask me about any other machine-learning concept whenever you like.",
           "greeting": "Hello! Ask me about a machine-learning concept, such as self-attention or fine-tuning.",
           "bye": "Goodbye! Come back whenever a machine-learning concept puzzles you.",
           "ack": "Glad it helps. Ask me a follow-up question, or about another concept, whenever you like."},
    "fr": {"thanks": "Avec plaisir ! Posez-moi une question sur un autre concept d'apprentissage automatique quand vous voulez.",
           "greeting": "Bonjour ! Posez-moi une question sur un concept d'apprentissage automatique, comme l'auto-attention ou l'affinage.",
           "bye": "Au revoir ! Revenez quand un concept d'apprentissage automatique vous intrigue.",
           "ack": "Content que cela vous aide. Posez-moi une autre question, ou une suite, quand vous voulez."},
}

for lang in ("en", "fr"):  # greetings and thanks are small talk now, no longer refused
    drop = {q for qs in SMALLTALK["train"][lang].values() for q in qs} | {"Hello", "hi", "Thanks!", "Bonjour", "salut", "Merci !"}
    OOD_TRAIN_FIXED[lang] = [q for q in OOD_TRAIN_FIXED[lang] if q not in drop]

# Answer scaffolding, per answer language.
A = {
    "en": {
        "in_other": "in French", "simple": "In simple terms", "ex_of": "An example of {t}",
        "translate": "In French, {t} is called \u00ab {o} \u00bb{al}.", "also": " (also: {a})", "colon": ":",
    },
    "fr": {
        "in_other": "en anglais", "simple": "En termes simples", "ex_of": "Un exemple pour {t}",
        "translate": "En anglais, {t} se dit \u00ab {o} \u00bb{al}.", "also": " (aussi : {a})", "colon": " :",
    },
}

# The parts of an entry each intent's answer rests on, besides the definition (mirrored in
# src/core/pipeline/passages.ts).
INTENT_PARTS = {"what": ["how"], "define": [], "simple": ["intuition"], "why": ["why"], "cause": ["causes"], "how": ["how"],
                "example": ["example"], "limits": ["limits"], "history": ["history"], "translate": []}

KINDS_WEIGHTS = [("what", 14), ("define", 6), ("simple", 8), ("why", 10), ("how", 10), ("example", 8),
                 ("limits", 9), ("history", 6), ("translate", 5), ("contrast", 14), ("several", 6),
                 ("followup", 12), ("cause", 8)]
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


_LIMITS_WORDS = re.compile(r"pi[eè]ge|pitfall|limit|risque|risk|co[uû]t|cost|inconv|drawback|danger", re.I)


class Concept:
    def __init__(self, d):
        self.d = d
        self.id = d["id"]
        self.related = [r for r in d.get("related", []) + d.get("prerequisites", [])]
        self.parts = {lang: self._parts(lang) for lang in ("fr", "en")}

    def _parts(self, lang):
        loc = self.d[lang]
        paras = strip_markdown(loc.get("explanation", ""))
        parts = {"overview": take_chars(sentences(paras[0]), 400) if paras else ""}
        example = " ".join(one_line(p) for p in strip_markdown(loc.get("example", "")))
        if example:
            parts["example"] = take_chars(sentences(example), 400)
        sections = loc.get("sections")
        if sections:
            parts.update({k: one_line(v) for k, v in sections.items()})
            return parts
        # An entry written before sections existed: its paragraphs stand in for them.
        flat = [take_chars(sentences(p), 400) for p in paras]
        if len(flat) > 1:
            parts["how"] = flat[1]
            parts["why"] = flat[2] if len(flat) > 2 else flat[1]
            parts["limits"] = next((p for p in flat[1:] if _LIMITS_WORDS.search(p)), flat[-1])
            parts["history"] = flat[0]
        if example:
            parts["intuition"] = parts["example"]
        return parts

    def term(self, lang):
        return one_line(self.d[lang]["term"])

    def aliases(self, lang):
        return [one_line(a) for a in self.d[lang].get("aliases", []) if one_line(a)]

    def definition(self, lang):
        return one_line(self.d[lang]["definition"])

    def part(self, lang, name):
        return self.parts[lang].get(name, "")

    def def_passage(self, lang):
        return definition_passage(self.id, self.term(lang), self.term(other(lang)), self.definition(lang))

    def part_passage(self, lang, name):
        text = self.part(lang, name)
        return part_passage(self.id, name, text) if text else None


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


def load_contrasts(path, ids):
    """{(a, b): {"fr": text, "en": text}} for the pairs whose two concepts are loaded."""
    out = {}
    if not os.path.isdir(path):
        return out
    for name in sorted(os.listdir(path)):
        if not name.endswith(".json"):
            continue
        try:
            with open(os.path.join(path, name), encoding="utf-8") as f:
                d = json.load(f)
            a, b = d["concepts"]
            if a in ids and b in ids and d["fr"].strip() and d["en"].strip():
                out[(a, b)] = {"fr": one_line(d["fr"]), "en": one_line(d["en"])}
        except Exception as e:
            print("skipping contrast %s: %s" % (name, e), file=sys.stderr)
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
# Answers: composed from the passages in the prompt, nothing else
# ---------------------------------------------------------------------------------------------
def head(c, al):
    a = A[al]
    return "%s (%s%s %s)%s %s" % (cap(c.term(al)), a["in_other"], a["colon"], c.term(other(al)), a["colon"],
                                  c.definition(al))


def labelled(c, al):
    return "%s%s %s" % (cap(c.term(al)), A[al]["colon"], c.definition(al))


def single_answer(kind, c, al, overview_only=False):
    """The answer to a one-concept question, and the part passages it needs (besides the definition).
    An entry without the part asked for (a user's entry with no sections) answers from its overview."""
    a = A[al]
    part = lambda name: c.part(al, name)  # noqa: E731
    wanted = INTENT_PARTS.get(kind, [])
    if wanted and (overview_only or not part(wanted[0])):
        if part("overview") and kind != "example":
            return head(c, al) + "\n\n" + part("overview"), ["overview"]
        return head(c, al), []
    if kind == "define":
        return head(c, al), []
    if kind == "what":
        if c.d.get("level") == "beginner" and part("intuition"):
            # A beginner gets the intuition before the mechanism (src/core/pipeline/passages.ts, singlePassages).
            return "%s\n\n%s%s %s\n\n%s" % (head(c, al), a["simple"], a["colon"], part("intuition"), part("how")), \
                ["intuition", "how"]
        return head(c, al) + "\n\n" + part("how"), ["how"]
    if kind == "simple":
        return "%s%s %s\n\n%s" % (a["simple"], a["colon"], part("intuition"), c.definition(al)), ["intuition"]
    if kind in ("why", "how", "limits", "history", "cause"):
        return part(wanted[0]) + "\n\n" + labelled(c, al), [wanted[0]]
    if kind == "example":
        return "%s%s %s" % (a["ex_of"].format(t=c.term(al)), a["colon"], part("example")), ["example"]
    if kind == "translate":
        ol = other(al)
        als = [x for x in c.aliases(ol) if x.lower() != c.term(ol).lower()][:2]
        al_part = a["also"].format(a=", ".join(als)) if als else ""
        return a["translate"].format(t=c.term(al), o=c.term(ol), al=al_part) + "\n\n" + c.definition(al), []
    raise ValueError(kind)


def contrast_answer(c, c2, al, text):
    body = "\n\n".join([labelled(c, al), labelled(c2, al)])
    return (text + "\n\n" + body) if text else body


# ---------------------------------------------------------------------------------------------
# Example generation
# ---------------------------------------------------------------------------------------------
class Builder:
    def __init__(self, concepts, contrasts, rng):
        self.concepts = concepts
        self.by_id = {c.id: c for c in concepts}
        self.contrasts = contrasts
        self.pairs = sorted(contrasts)
        self.rng = rng

    @staticmethod
    def en_words(*cs):
        """Lowercased English forms of the concepts that are not also French forms."""
        out = set()
        for c in cs:
            fr = {x.lower() for x in [c.term("fr")] + c.aliases("fr")}
            out |= {x.lower() for x in [c.term("en")] + c.aliases("en")} - fr
        return out

    def other_concept(self, targets, related_first=True):
        rng = self.rng
        ids = {c.id for c in targets}
        rel = [r for c in targets for r in c.related if r in self.by_id and r not in ids]
        for _ in range(50):
            if related_first and rel and rng.random() < 0.6:
                cand = self.by_id[rng.choice(rel)]
            else:
                cand = rng.choice(self.concepts)
            if cand.id not in ids:
                return cand
        return None

    def distractors(self, targets, needed, al):
        """Passages the answer must not use: other parts of the same concepts, other concepts' definitions
        and parts. The model learns to pick the passages the question asks for."""
        rng = self.rng
        r = rng.random()
        n = 0 if r < 0.4 else 1 if r < 0.8 else 2
        out = []
        for _ in range(n * 3):
            if len(out) >= n:
                break
            if rng.random() < 0.45:
                c = rng.choice(targets)
                p = c.part_passage(al, rng.choice(["how", "why", "causes", "limits", "history", "intuition", "example"]))
            else:
                c = self.other_concept(targets)
                if c is None:
                    continue
                p = c.def_passage(al) if rng.random() < 0.6 else c.part_passage(al, rng.choice(["how", "why", "limits"]))
            if p and p not in needed and p not in out:
                out.append(p)
        return out

    def passages(self, needed, targets, al):
        ps = list(needed) + self.distractors(targets, needed, al)
        ps = ps[:MAX_PASSAGES]
        if self.rng.random() < 0.35:
            self.rng.shuffle(ps)
        else:  # the runtime's order: what the answer needs first, then the rest
            tail = ps[len(needed):]
            self.rng.shuffle(tail)
            ps = ps[:len(needed)] + tail
        return ps

    def record(self, prompt, ans, q, kind, form, qlang, al, ids, intent=None):
        return {"prompt": prompt, "answer": ans, "question": one_line(q), "kind": kind, "intent": intent or kind,
                "form": form, "lang": qlang, "answer_lang": al, "concept_ids": ids}

    def single(self, c, kind, qlang, al, templates, noise=True, force_form=None, question=None):
        rng = self.rng
        t, form = surface(c, qlang, rng, force_form)
        if kind == "translate":
            t, form = surface(c, qlang, rng, rng.choice(["term", "term", "alias", "lower", "typo"]))
            al = qlang
        q = question or fill(rng.choice(templates[qlang][kind]), qlang, t, None, self.en_words(c))
        if question is None:
            q, qn = question_noise(q, qlang, rng, noise)
            form = qn or form
        overview_only = rng.random() < 0.08  # as a user's entry: a definition and an overview, no sections
        ans, parts = single_answer(kind, c, al, overview_only)
        # The passages in the order the answer uses them (the runtime's order): the part asked for first, but
        # for "what" (the definition, then how it works) and an entry answered from its overview.
        part_passages = [c.part_passage(al, p) for p in parts]
        first_def = kind in ("what", "define", "translate") or parts == ["overview"]
        needed = [c.def_passage(al)] + part_passages if first_def else part_passages + [c.def_passage(al)]
        prompt = build_prompt(al, needed if overview_only else self.passages(needed, [c], al), q)
        return self.record(prompt, ans, q, kind, form, qlang, al, [c.id])

    def contrast(self, qlang, al, templates, noise=True, pair=None):
        rng = self.rng
        if pair is None and self.pairs and rng.random() < 0.8:
            pair = rng.choice(self.pairs)
        if pair:
            c, c2 = self.by_id[pair[0]], self.by_id[pair[1]]
            text = self.contrasts[pair][al]
        else:
            c = rng.choice(self.concepts)
            c2 = self.other_concept([c])
            key = tuple(sorted((c.id, c2.id)))
            text = self.contrasts.get(key, {}).get(al, "")
            pair = key
        if rng.random() < 0.5:
            c, c2 = c2, c
        t, _ = surface(c, qlang, rng, rng.choice(["term", "term", "term", "alias", "lower", "typo"]))
        t2, _ = surface(c2, qlang, rng, rng.choice(["term", "term", "term", "alias", "lower"]))
        q = fill(rng.choice(templates[qlang]["diff"]), qlang, t, t2, self.en_words(c, c2))
        q, qn = question_noise(q, qlang, rng, noise)
        needed = [c.def_passage(al), c2.def_passage(al)]
        if text:
            needed.insert(0, contrast_passage(pair[0], pair[1], text))
        prompt = build_prompt(al, self.passages(needed, [c, c2], al), q)
        return self.record(prompt, contrast_answer(c, c2, al, text), q, "contrast", qn or "term", qlang, al, [c.id, c2.id])

    def several(self, qlang, al, templates, noise=True):
        rng = self.rng
        n = 3 if rng.random() < 0.3 else 2
        cs = [rng.choice(self.concepts)]
        while len(cs) < n:
            c = self.other_concept(cs)
            if c is None:
                break
            cs.append(c)
        forms = [surface(c, qlang, rng, rng.choice(["term", "term", "alias", "lower"]))[0] for c in cs]
        tpl = rng.choice(templates[qlang]["several3" if len(cs) == 3 else "several"])
        q = fill_many(tpl, forms, self.en_words(*cs))
        q, qn = question_noise(q, qlang, rng, noise)
        needed = [c.def_passage(al) for c in cs]
        prompt = build_prompt(al, self.passages(needed, cs, al), q)
        ans = "\n\n".join(labelled(c, al) for c in cs)
        return self.record(prompt, ans, q, "several", qn or "term", qlang, al, [c.id for c in cs])

    def followup(self, c, qlang, al, pool):
        """A follow-up without a term: the runtime gives it the part asked for alone, without the definition the
        conversation showed already (passages.ts, singlePassages), and the answer is that part."""
        rng = self.rng
        intent = rng.choice(sorted(pool[qlang]))
        if intent == "cause" and not c.part(al, "causes"):
            intent = "why"
        q = rng.choice(pool[qlang][intent])
        part = INTENT_PARTS[intent][0]
        text = c.part(al, part)
        if not text:  # an entry without that part: answered as a first question about it
            ex = self.single(c, intent, qlang, al, TRAIN, question=q)
        else:
            a = A[al]
            ans = ("%s%s %s" % (a["simple"], a["colon"], text) if intent == "simple" else
                   "%s%s %s" % (a["ex_of"].format(t=c.term(al)), a["colon"], text) if intent == "example" else text)
            ex = self.record(build_prompt(al, [c.part_passage(al, part)], q), ans, q, "followup", "no_term", qlang, al,
                             [c.id])
        ex["kind"], ex["intent"], ex["form"] = "followup", intent, "no_term"
        return ex

    def smalltalk(self, lang, pool):
        rng = self.rng
        sub = rng.choice(sorted(pool[lang]))
        q = rng.choice(pool[lang][sub])
        return self.record(build_prompt(lang, [], q), SMALLTALK_REPLY[lang][sub], q, "smalltalk", sub, lang, lang, [])

    def ood(self, lang, al, pool_templates, pool_fixed):
        rng = self.rng
        if rng.random() < 0.5:
            spec = pool_templates[lang]
            tpl = rng.choice(spec["templates"])
            q = re.sub(r"\{(\w+)\}", lambda m: rng.choice(spec[m.group(1)]), tpl)
        else:
            q = rng.choice(pool_fixed[lang])
        q, qn = question_noise(q, lang, rng)
        return self.record(build_prompt(al, [], q), REFUSAL[al], q, "ood", qn or "plain", lang, al, [])

    def example(self, c, kind, qlang, al, templates):
        if kind == "contrast":
            return self.contrast(qlang, al, templates)
        if kind == "several":
            return self.several(qlang, al, templates)
        if kind == "followup":
            return self.followup(c, qlang, al, FOLLOWUP["train"])
        if kind == "cause" and not c.part(al, "causes"):
            kind = "why"
        return self.single(c, kind, qlang, al, templates)


def fill_many(template, forms, en_words):
    names = ["t", "t2", "t3"]
    vals = {}
    for name, t in zip(names, forms):
        le, du = fr_article(t, t.lower() in en_words)
        vals.update({name: t, "le_" + name: le, "du_" + name: du})
    return template.format(**vals)


def weighted_kinds(rng, n):
    kinds = [k for k, w in KINDS_WEIGHTS for _ in range(w)]
    return [rng.choice(kinds) for _ in range(n)]


def build_split(concepts, contrasts, per_concept, seed, ood_frac=0.05, smalltalk_frac=0.03):
    rng = random.Random(seed)
    b = Builder(concepts, contrasts, rng)
    out = []
    for c in concepts:
        for qlang in ("fr", "en"):
            for kind in weighted_kinds(rng, per_concept):
                al = qlang if rng.random() >= 0.1 else other(qlang)
                out.append(b.example(c, kind, qlang, al, TRAIN))
    for _ in range(max(2, int(len(out) * ood_frac))):
        lang = rng.choice(["fr", "en"])
        al = lang if rng.random() >= 0.1 else other(lang)
        out.append(b.ood(lang, al, OOD_TRAIN, OOD_TRAIN_FIXED))
    for _ in range(max(2, int(len(out) * smalltalk_frac))):
        out.append(b.smalltalk(rng.choice(["fr", "en"]), SMALLTALK["train"]))
    rng.shuffle(out)
    return out


# ---------------------------------------------------------------------------------------------
# Held-out set: questions and dialogues, in phrasings never used in training
# ---------------------------------------------------------------------------------------------
SINGLE_KINDS = ["what", "define", "simple", "why", "how", "example", "limits", "history", "translate"]


def turn(ex):
    return {"question": ex["question"], "intent": ex["intent"], "concept_ids": ex["concept_ids"],
            "answer_lang": ex["answer_lang"]}


def heldout_dialogue(b, c, lang, rng, n_turns):
    """A first question naming the concept, then follow-ups without a term (and sometimes small talk)."""
    first = b.single(c, rng.choice(["what", "what", "simple", "how"]), lang, lang, EVAL, noise=False, force_form="term")
    turns = [turn(first)]
    pool = FOLLOWUP["eval"][lang]
    intents = [i for i in sorted(pool) if i != first["intent"]]
    rng.shuffle(intents)
    for intent in intents[: n_turns - 1]:
        if rng.random() < 0.2:
            sub = rng.choice(sorted(SMALLTALK["eval"][lang]))
            turns.append({"question": rng.choice(SMALLTALK["eval"][lang][sub]), "intent": "smalltalk", "concept_ids": [],
                          "answer_lang": lang})
        turns.append({"question": rng.choice(pool[intent]), "intent": intent, "concept_ids": [c.id], "answer_lang": lang})
    return {"kind": "dialogue", "lang": lang, "turns": turns[:n_turns]}


def build_heldout(concepts, contrasts, seed, per_concept_lang=1, ood_per_lang=15):
    rng = random.Random(seed)
    b = Builder(concepts, contrasts, rng)
    out = []
    forms = ["term", "term", "term", "alias", "lower", "identifier", "typo", "other_lang"]

    def single(ex, kind):
        out.append({"kind": kind, "lang": ex["lang"], "form": ex["form"], "turns": [turn(ex)]})

    for ci, c in enumerate(concepts):
        for qlang in ("fr", "en"):
            for j in range(per_concept_lang):
                kind = SINGLE_KINDS[(ci * 2 + j + (qlang == "fr") * 3) % len(SINGLE_KINDS)]
                al = qlang if (ci + j) % 9 else other(qlang)
                single(b.single(c, kind, qlang, al, EVAL, noise=(ci % 3 == 0), force_form=rng.choice(forms)), kind)
    for i, pair in enumerate(sorted(contrasts)):
        qlang = "fr" if i % 2 else "en"
        single(b.contrast(qlang, qlang, EVAL, noise=False, pair=pair), "contrast")
    for i in range(60):
        qlang = "fr" if i % 2 else "en"
        single(b.several(qlang, qlang, EVAL, noise=False), "several")
    for i in range(40):
        lang = "fr" if i % 2 else "en"
        out.append(heldout_dialogue(b, rng.choice(concepts), lang, rng, 3 + i % 4))
    for lang in ("fr", "en"):
        for sub, qs in sorted(SMALLTALK["eval"][lang].items()):
            for q in qs:
                out.append({"kind": "smalltalk", "lang": lang, "form": sub,
                            "turns": [{"question": q, "intent": "smalltalk", "concept_ids": [], "answer_lang": lang}]})
        for q in OOD_EVAL[lang][:ood_per_lang]:
            out.append({"kind": "ood", "lang": lang, "form": "plain",
                        "turns": [{"question": q, "intent": "ood", "concept_ids": [], "answer_lang": lang}]})
    return out


def user_heldout(user_concepts, contrasts, seed):
    """Questions about concepts of a user's glossary: the model never saw them, it reads them in the prompt."""
    rng = random.Random(seed)
    b = Builder(user_concepts, contrasts, rng)
    out = []
    for ci, c in enumerate(user_concepts):
        for qlang in ("fr", "en"):
            for kind in ("what", "why", "how", "limits"):
                ex = b.single(c, kind, qlang, qlang, EVAL, noise=False, force_form="term")
                out.append({"kind": "user", "lang": qlang, "form": kind, "turns": [turn(ex)]})
    return out


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
    ap.add_argument("--contrasts", default=None, help="folder of contrast files, default <glossary>/../contrasts")
    ap.add_argument("--out", default=os.path.join(HERE, "data"))
    ap.add_argument("--eval-out", default="",
                    help="write a newly generated held-out set there (default: none; the committed "
                         "training/eval/heldout.jsonl stays as it is)")
    ap.add_argument("--user-glossary", default=os.path.join(HERE, "eval", "user-glossary.json"),
                    help="a user's glossary file (array of concepts) whose concepts get held-out questions only")
    ap.add_argument("--exclude", nargs="*", default=[os.path.join(HERE, "eval", "heldout.jsonl"),
                                                      os.path.join(HERE, "eval", "conversations.jsonl")],
                    help="held-out files (jsonl of items with turns) whose questions never enter training or "
                         "validation, as written or with other case, accents or punctuation")
    ap.add_argument("--per-concept", type=int, default=60, help="training examples per concept and question language")
    ap.add_argument("--val-per-concept", type=int, default=2)
    ap.add_argument("--max-concepts", type=int, default=None)
    ap.add_argument("--seed", type=int, default=1234)
    args = ap.parse_args()

    concepts = load_glossary(args.glossary, args.max_concepts)
    if len(concepts) < 2:
        sys.exit("need at least 2 concepts in %s, found %d" % (args.glossary, len(concepts)))
    contrasts = load_contrasts(args.contrasts or os.path.join(os.path.dirname(os.path.abspath(args.glossary)), "contrasts"),
                               {c.id for c in concepts})
    print("concepts: %d, contrasts: %d, with sections: %d" % (
        len(concepts), len(contrasts), sum(1 for c in concepts if c.d["en"].get("sections"))))

    heldout = build_heldout(concepts, contrasts, args.seed + 2) if args.eval_out else []
    if args.eval_out and args.user_glossary and os.path.exists(args.user_glossary):
        with open(args.user_glossary, encoding="utf-8") as f:
            heldout += user_heldout([Concept(d) for d in json.load(f)], {}, args.seed + 3)
    banned = {norm_q(t["question"]) for h in heldout for t in h["turns"]}
    for path in args.exclude or []:
        if path and os.path.exists(path):  # read before --eval-out may rewrite it
            with open(path, encoding="utf-8") as f:
                banned |= {norm_q(t["question"]) for line in f if line.strip() for t in json.loads(line)["turns"]}
    train = [e for e in build_split(concepts, contrasts, args.per_concept, args.seed) if norm_q(e["question"]) not in banned]
    seen = {e["prompt"] for e in train}
    val = [e for e in build_split(concepts, contrasts, args.val_per_concept, args.seed + 1)
           if e["prompt"] not in seen and norm_q(e["question"]) not in banned]

    write_jsonl(os.path.join(args.out, "train.jsonl"), train)
    write_jsonl(os.path.join(args.out, "val.jsonl"), val)
    if args.eval_out:
        write_jsonl(args.eval_out, heldout)
    stats = {
        "concepts": len(concepts), "contrasts": len(contrasts), "train_examples": len(train),
        "val_examples": len(val), "heldout_items": len(heldout),
        "train_chars": sum(len(e["prompt"]) + len(e["answer"]) for e in train),
        "train_kinds": dict(collections.Counter(e["kind"] for e in train)),
        "train_cross_lang": sum(e["lang"] != e["answer_lang"] for e in train),
        "heldout_kinds": dict(collections.Counter(h["kind"] for h in heldout)),
        "seed": args.seed,
    }
    with open(os.path.join(args.out, "corpus_stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, ensure_ascii=False, indent=1)
    print(json.dumps(stats, ensure_ascii=False))


if __name__ == "__main__":
    main()
