import type { Glossary } from '../glossary/glossary';
import type { Concept } from '../glossary/types';
import { foldCase } from '../matching/normalize';
import { plainQuestion } from './intent';
import type { Retriever } from './retrieval';

// What learners tell of their own work before they know the names: a project ("my manager wants a model that flags
// suspicious claims, where do I start?"), a rare class ("only 1 in 200 are fraud"), a model good on its training
// data and bad elsewhere. A tutor answers with the concept the situation is a case of.

/** The entry that says how a machine learning project is carried out, step by step. */
export const WORKFLOW_ID = 'machine-learning-workflow';

/** What every project does after framing its prediction, in this order: its plan always holds them. */
export const EVERY_PROJECTS_STEPS: readonly string[] = ['train-validation-test-split', 'baseline-model'];

/**
 * What a project on a table of records does next (not one on images, sound or text): build its features, then train
 * a first model, the one the conversation met if it has a step, else a random forest.
 */
export const TABLE_PROJECT_STEPS: readonly string[] = ['feature-engineering'];
/** The models a table's plan may start with, the default first. */
export const FIRST_TABLE_MODELS: readonly string[] = ['random-forest', 'gradient-boosting', 'logistic-regression', 'decision-tree'];

/**
 * The kinds of task a project can be, as the glossary names them: what "predict tomorrow's sales" or "sort reviews
 * into happy and unhappy" turns into. Only these are weighed, so that a project's everyday words (claims, shops,
 * customers) cannot land on an unrelated entry that happens to use them.
 */
const TASK_TYPE_IDS = [
  'anomaly-detection', 'binary-classification', 'multiclass-classification', 'multi-label-classification', 'regression',
  'clustering', 'image-classification', 'image-segmentation', 'object-detection', 'optical-character-recognition',
  'named-entity-recognition', 'machine-translation', 'text-summarization', 'question-answering', 'recommender-system',
  'semantic-search', 'sentiment-analysis', 'speech-recognition', 'time-series-forecasting', 'reinforcement-learning',
  'retrieval-augmented-generation', 'classification', 'information-extraction',
];

/**
 * A task type is named when its entry's text holds this much of the project's description, and this many times more
 * than the next task type's. Measured on 25 project openings written for the purpose (banks, bakeries, dashcams,
 * meeting notes...): 17 cleared both bars, 16 on the right task; below 14 the top task was wrong as often as right in
 * learners' conversations (no-shows at a vet's: recommender system 12.4; flagging suspicious claims: sentiment analysis
 * 13.9), and close calls (urgent support tickets: semantic search 12.8 against sentiment analysis 11.6) get the steps
 * without a guess.
 */
const TASK_SCORE = 14;
const TASK_MARGIN = 1.2;

/** A project told in a few words is no description: "where do I start?" alone asks about the topic in play. */
const MIN_PROJECT_WORDS = 10;

/** "where do I start?", "how should I approach this?", « par où commencer ? », « comment s'y prendre ? ». */
const ASKS_HOW_TO_START = / where (do|should|can|would) (i|we|you|one) ([a-z']+ ){0,4}(start|begin)\b| where to (start|begin)| par ou ([a-z']+ ){0,4}(commencer|demarrer|debuter|commence|commences|commencez|commencons)\b| (commencer|commence|demarrer|debuter) par (ou|quoi)\b| (start|begin) with what\b| what (should|do) (i|we) (start|begin) with\b| how (do|should|can|would) (i|we) (get started|start|begin|approach|tackle|go about)| (first|1st) step| how (would|should|do) (i|we|you) go about | how (would|should|do|can|could) (i|we) do (that|this|it) (with|using) | comment (commencer|demarrer|debuter|s'y prendre|m'y prendre|je m'y prends|on s'y prend|on demarre|je demarre|je commence|on commence|aborder|faire)\b| premiere etape| premieres etapes /;

/** A wish for something a model would do: "my boss wants a model that...", « on voudrait repérer... ». */
const WISHES = /[ '](would|d) love to | aimerais bien | can (i|we) (really |actually )?(predict|forecast|detect|estimate|tell|spot|use|build|train|see)\b| (je peux|on peut|peut on|puis je|pourrait on|pourrais je|pouvons nous) (vraiment )?(predire|prevoir|detecter|estimer|reperer|utiliser|construire|entrainer)\b|[ '](want|wants|wanted|would like|d like|need|needs|hope|hoping|asked me|asks me|asked to|planning|trying to|have to|has to|must|tasked with|building|on me demande|on nous demande|je dois|nous devons|on doit) | should (be able to )?(suggest|predict|tell|flag|detect|spot|sort|recognize|recognise|find|answer|estimate|ask|use|search|query|get|read|extract|classify|summari[sz]e|generate|write|draft|route|triage) |[ '](voudrais|voudrait|voudrions|voulons|voulez|veut|veux|aimerais|aimerait|aimerions|souhaite|souhaitons|souhaiterais|cherche a|cherchons a|doit|devrait|dois|besoin d) | (je|nous|on) (developpe|developpons|construis|construisons|monte|montons|cree|creons|prepare|preparons|mets en place|mettons en place) /;

/** "Where do I even start?", « Par où commencer ? »: how to begin, whatever with. */
export function asksHowToStart(question: string): boolean {
  return ASKS_HOW_TO_START.test(plainQuestion(question));
}

/** The project's opening: a wish told in a sentence or more, then a question on how to begin. */
export function asksHowToStartAProject(question: string): boolean {
  const plain = plainQuestion(question);
  return plain.trim().split(' ').length >= MIN_PROJECT_WORDS && ASKS_HOW_TO_START.test(plain) && WISHES.test(plain);
}

/**
 * A conversation's first words that tell a project and ask nothing else ("I log the brine temperature every 5 minutes;
 * I want to predict an hour ahead when the ice gets too soft", « je voudrais utiliser un LLM pour en extraire la
 * date »): a tutor takes it as "where do I start?".
 */
export function opensAProject(question: string): boolean {
  const plain = plainQuestion(question);
  return plain.trim().split(' ').length >= MIN_OPENING_WORDS && WISHES.test(plain) && WANTS_A_MODEL_TO.test(plain);
}

/** A told project is longer than a question that mentions one: "I want to predict sales, what is a lag?" is a question. */
const MIN_OPENING_WORDS = 16;

/** What a project wants done: predict, forecast, detect, sort, extract, answer, build... */
const WANTS_A_MODEL_TO = / (predict|predicting|forecast|forecasting|anticipate|estimate|detect|detecting|spot|flag|catch|catching|classify|sort|route|extract|extracting|pull|summari[sz]e|answer|recommend|build|building|automate|prevoir|predire|anticiper|estimer|detecter|reperer|signaler|classer|trier|extraire|resumer|repondre|recommander|construire|automatiser|use an? (llm|language model|model)|utiliser un (llm|modele)|know (when|which|whether|if|how much|how many)|see ([a-z']+ ){0,2}coming|voir venir|savoir (quand|quel|quelle|quels|quelles|si|combien))\b/;

/** The kind of task the project describes, when one stands clearly above the others. */
export function projectTaskType(question: string, retriever: Retriever, glossary: Glossary, named: readonly Concept[]): Concept | undefined {
  const taskTypes = new Set(TASK_TYPE_IDS.filter((id) => glossary.get(id)));
  // "I want to build a classifier for my emails, where do I start?": the learner said which task it is.
  const namedTask = named.find((concept) => taskTypes.has(concept.id));
  const plain = plainQuestion(question);
  // « Extraire le nom, l'âge et le niveau des fiches »: names among fields to fill are extraction, not only entity recognition.
  // (Text already OCR'd, « des actes déjà transcrits »: reading it is done, pulling its fields is the task.)
  if ((namedTask?.id === NER_ID || namedTask?.id === OCR_ID) && EXTRACTS_FIELDS.test(plain) && glossary.get(EXTRACTION_ID)) return glossary.get(EXTRACTION_ID);
  // "An assistant that answers drivers' questions from our SOPs", « retrouver les décisions pertinentes dans notre base »:
  // answers drawn from the learner's own documents, or those documents searched by meaning.
  // "8 years of show transcripts... producers can ask things like 'when did we last cover X?'": questions on documents.
  const asksOfDocuments = ANSWERS_FROM_DOCUMENTS.test(plain) || ASSISTANT_ON_THEIR_OWN_TEXTS.test(plain) || ((ASKS_THINGS_LIKE.test(plain) || ANSWERS_QUESTIONS_LIKE.test(plain)) && OWN_DOCUMENTS.test(plain));
  // "Scanned logbooks, many are OCR of handwriting, and an assistant that answers questions like...": reading the scans
  // is one step of a project that answers from them.
  if (namedTask?.id === OCR_ID && asksOfDocuments) return glossary.get(RAG_ID);
  if (namedTask) return namedTask;
  const fromDocuments = asksOfDocuments ? glossary.get(RAG_ID) : FINDS_IN_DOCUMENTS.test(plain) ? glossary.get(SEMANTIC_SEARCH_ID) : undefined;
  if (fromDocuments) return fromDocuments;
  // « Prédire le temps de retour d'un pigeon », "estimate the price of each lot": a number for each record.
  if (!READINGS_OVER_TIME.test(plain) && / (predict|predicting|estimate|estimating|predire|prevoir|estimer) (the |le |la |l'|un |une |a |an )?(time|duration|price|amount|number|weight|length|temps|duree|prix|montant|nombre|poids|longueur|taille) (of|to|de|du|des|d')\b/.test(plain) && glossary.get(REGRESSION_ID)) return glossary.get(REGRESSION_ID);
  // « Prédire l'acidité avant d'envoyer au labo », "predict the moisture of each batch": a measured quantity, a number.
  if (/ (predict|predicting|estimate|estimating|predire|prevoir|estimer) (the |l'|le |la |its |their |son |sa |leur )?(acidity|acidite|ph|yield|rendement|concentration|density|densite|moisture|humidite|viscosity|viscosite|sugar content|taux de sucre|alcohol content|degre d'alcool|taux|protein content|fat content|hardness|durete|strength|resistance|thickness|epaisseur|weight|poids|grade|note)\b/.test(plain) && glossary.get(REGRESSION_ID)) return glossary.get(REGRESSION_ID);
  // "Predict bad sheds before they happen", « prévoir les refus de repas avant qu'ils arrivent »: will it happen, yes or no.
  if (/ (predict|predicting|anticipate|forecast|prevoir|predire|anticiper|detecter|detect|spot|reperer) ([a-z'-]+ ){1,4}(before (they|it) (happen|happens|occur|occurs|start|starts)|avant qu'(ils|elles|il|elle) (n')?(arrivent|arrive|surviennent|survienne|se produisent|se produise))\b/.test(plain) && glossary.get(YES_OR_NO_ID)) return glossary.get(YES_OR_NO_ID);
  // "Predict the yield of a block from the sensor readings", « prédire combien de grammes chaque sac va donner »: a
  // number for each item, however often its readings were taken.
  if ((QUANTITY_OF_EACH_ITEM.test(plain) || OWN_QUANTITY.test(plain)) && !FORECASTS_AHEAD.test(plain) && glossary.get(REGRESSION_ID)) return glossary.get(REGRESSION_ID);
  // "Predict when a blade is about to crack", « prévoir quand la lame va casser »: will it happen soon, yes or no, for
  // each moment of the readings (however often they are taken).
  if (/ (predict|predicting|know|anticipate|tell|prevoir|predire|savoir|anticiper) (when|quand) ([a-z'-]+ ){1,4}(is|are|va|vont|risque de|risquent de) (about to |going to |sur le point de |en train de )?(crack|break|fail|snap|burst|leak|break down|jam|casser|lacher|rompre|ceder|tomber en panne|fuir|se fendre|se fissurer|se bloquer|gripper)\b/.test(plain) && glossary.get(YES_OR_NO_ID)) return glossary.get(YES_OR_NO_ID);
  // "We log the ice temperature every 5 minutes and want to know an hour ahead when it gets too soft", « des sondes
  // toutes les 15 minutes [...] prévoir les crues quelques heures à l'avance »: the readings themselves, forecast.
  if (READINGS_OVER_TIME.test(plain) && FORECASTS_AHEAD.test(plain) && !TELLS_BREAKDOWNS.test(plain) && !DUE_FOR_REPLACING.test(plain) && !asksWhichOnes(question)) return glossary.get(FORECASTING_ID);
  // « prédire les pannes de nos tunnels de lavage », "predict breakdowns of our presses": will each machine fail, yes or no.
  if (/ (predict|predicting|anticipate|forecast|prevoir|predire|anticiper) (the |les |des |nos |our )?([a-z]+ )?(failures?|breakdowns?|breaks|breakages?|cracking|cracks|cracked (pieces|parts|firings|batches)|fissures?|pannes?|defaillances?|casses?|ruptures?|jams?|bourrages?|cancellations?|annulations?|no shows?|outbreaks?|episodes?|mortality|mortalite|deaths?|deces|die offs?|outages?|coupures?|epidemics?|infestations?|attacks?|incidents?|accidents?|floods?|fires?|frosts?|flare ups?|epidemies?|infestations?|attaques?|crues?|incendies?|gelees?)\b/.test(plain)) return glossary.get(YES_OR_NO_ID);
  // "Predict who will leave next", « prédire quels clients vont partir »: each one leaves or stays.
  if (/ (predict|predicting|know|anticipate|spot|predire|prevoir|savoir|anticiper|reperer) (who|qui|which (customers?|clients?|members?|subscribers?|users?|employees?|students?|players?)|quels? (clients?|adherents?|abonnes?|membres?|salaries?|eleves?|joueurs?)) (will|is going to|are going to|might|va|vont|risque de|risquent de) (leave|quit|churn|stop|cancel|drop out|default|resign|partir|quitter|arreter|resilier|abandonner|decrocher|demissionner)\b/.test(plain)) return glossary.get(YES_OR_NO_ID);
  // "Predict whether a seed lot will pass the germination test": a yes or no for each item.
  if (/ (whether|if) (a|an|each|the|every) ([a-z']+ ){0,3}(will|would) (pass|fail|succeed|be accepted|be rejected|churn|default)\b/.test(plain)) return glossary.get(YES_OR_NO_ID);
  // "Predict which units will break down during a rental", « quelles pompes vont tomber en panne »: yes or no for each.
  // (« quels conduits risquent d'avoir du bistre »: the elided « d' » runs into its verb.)
  if (/ (quels?|quelles?) ([a-z'-]+ ){0,4}(risquent|risque|vont|va) (d'|de )?(avoir|presenter|developper|subir|tomber|casser|fuir|lacher)\b/.test(plain)) return glossary.get(YES_OR_NO_ID);
  if (/ (which|whether|if|quels?|quelles?|si) ([a-z'-]+ ){0,4}(will|would|might|are going to|is going to|vont|va|risquent de|risque de|pourraient|pourrait) (break down|break|fail|crash|burst|leak|stop working|go down|crack|split|warp|rot|spoil|go bad|have|get|develop|need|avoir|presenter|developper|subir|tomber en panne|casser|lacher|fuir|echouer|fendre|se fendre|fissurer|se fissurer|pourrir|gondoler|voiler)\b/.test(plain)) return glossary.get(YES_OR_NO_ID);
  // "A model that warns us a few days before a breakdown", « nous prévenir avant une panne »: will it break, yes or no.
  if (/ (warns?|warning|alerts?|alerting|flags?|previent|prevenir|avertir|alerter|signaler) ([a-z']+ ){0,6}(before|ahead of|avant) (a |an |the |une |un |la |le |each |chaque )?(breakdown|failure|panne|defaillance|casse|crash|outage|leak|fuite)s?\b/.test(plain)) return glossary.get(YES_OR_NO_ID);
  // "Predict when the disc cutters need changing", « savoir quand les filtres devront être remplacés »: due or not, for each.
  if (DUE_FOR_REPLACING.test(plain)) return glossary.get(YES_OR_NO_ID);
  // "Whether each seedling batch is still alive after two years", "predict survival": alive or not, yes or no.
  if (/ (whether|if|which) ([a-z']+ ){0,4}(is|was|are|were|will be|would be) still (alive|standing|there)\b| (predict|predicting|prevoir|predire) (the )?(survival|survie)\b| (whether|if|which) ([a-z']+ ){0,4}(will |would )?(survive|survives|die|dies)\b/.test(plain)) return glossary.get(YES_OR_NO_ID);
  // "Predict whether a road segment will ice over in the next 3 hours", « prévoir si un lot va blanchir »: yes or no.
  if (/ (predict|predicting|tell|know|forecast|anticipate|detect|prevoir|predire|savoir|anticiper|detecter) (in advance |early |a l'avance |a temps )?(whether|if|si) (a|an|each|the|every|our|this|any|un|une|chaque|le|la|l'|nos|les|ce|cette) ([a-z'-]+ ){0,3}(will|would|is going to|are going to|va|vont|risque de|risquent de|sera|seront)\b/.test(plain)) return glossary.get(YES_OR_NO_ID);
  // "Suggest HS tariff codes from product descriptions", « attribuer le bon code à chaque ligne »: one class among many for each.
  if (/ (suggest|suggests|suggesting|assign|assigns|assigning|pick|picks|choose|chooses|predict|predicts|attribuer|attribue|proposer|propose|suggerer|suggere|choisir|affecter) (the |a |an |le |la |un |une |les |des )?(right |correct |bon |bonne |bons |bonnes )?([a-z-]+ ){0,2}(codes?|categories|category|classes?|labels?|categorie|categories|etiquettes?|rubriques?|nomenclatures?)\b/.test(plain)) return glossary.get(MESSAGE_SORTING_ID);
  // « trier les messages vers le bon service », "route incoming emails to the right team": one category per message.
  if (SORTS_MESSAGES.test(plain)) return glossary.get(MESSAGE_SORTING_ID);
  // "Read supplier invoices and fill in our accounting table", « extraire les montants des courriels »: fields out of text.
  if (EXTRACTS_FIELDS.test(plain) && glossary.get(EXTRACTION_ID)) return glossary.get(EXTRACTION_ID);
  // "Detect abnormal situations automatically", « repérer les comportements inhabituels »: odd ones out, unlabelled.
  if (/ (detect|detecting|flag|flagging|spot|spotting|find|finding|catch|detecter|reperer|signaler|trouver|identifier) ([a-z']+ ){0,4}(anomal[a-z]*|abnormal|unusual|odd|strange|anormale?s?|inhabituel(le)?s?|etranges?|aberrante?s?|leaks?|clogs?|blockages?|fuites?|bouchages?|colmatages?)\b/.test(plain) && !asksWhichOnes(question) && glossary.get(ANOMALY_DETECTION_ID)) return glossary.get(ANOMALY_DETECTION_ID);
  // "Can I predict a failed print early from the vibrations?", « détecter une boiterie avant que le vétérinaire ne la
  // voie »: caught in time or not, for each print or each horse.
  if ((PREDICTS_A_FAILED_ONE.test(plain) || CATCHES_IT_EARLY.test(plain) || ABOUT_TO_FAIL.test(plain)) && glossary.get(YES_OR_NO_ID)) return glossary.get(YES_OR_NO_ID);
  // "Predict which water mains will burst next winter", "which orders will need a remake": which ones, a
  // classification, however much of time or amounts it speaks.
  if (asksWhichOnes(question)) for (const quantity of QUANTITY_TASK_IDS) taskTypes.delete(quantity);
  const [first, second] = retriever.closestEntries(question, taskTypes);
  if (!first || first.score < TASK_SCORE || first.score < TASK_MARGIN * (second?.score ?? 0)) return undefined;
  return first.concept;
}

/** "Predict a failed print", "detect faulty welds", « prédire les impressions ratées »: a bad one among the others. */
const PREDICTS_A_FAILED_ONE = / (predict|predicting|detect|detecting|spot|spotting|flag|flagging|catch|catching|prevoir|predire|detecter|reperer|signaler) (a |an |the |which |each |un |une |les |des |quelles |chaque )?(failed|failing|faulty|bad|defective|broken|sour|burnt|burned|spoiled|spoilt|rotten|ratee?s?|defectueu(x|se|ses)|mauvaise?s?|rate|aigres?|brulee?s?|gatee?s?) [a-z]+/;
/** « détecter une boiterie avant que le vétérinaire ne la voie », "spot lameness early": caught before it shows. */
/** "Predict when a drum bearing is about to fail", « savoir quand la pompe va lâcher »: about to fail or not, for each. */
const ABOUT_TO_FAIL = / (predict|predicting|prevoir|predire|anticipate|anticiper|know|savoir|tell) (when|quand) ([a-z'-]+ ){1,5}(is|are|va|vont) (about to|going to|sur le point de|pres de) (fail|break|break down|lacher|casser|tomber en panne)\b| see (the |our |their )?(breakdowns?|failures?|faults?) coming\b| voir venir (les |nos )?(pannes|casses|defaillances)\b/;
const CATCHES_IT_EARLY = / (detect|detecting|spot|spotting|catch|catching|flag|flagging|detecter|reperer|signaler|depister) ([a-z'-]+ ){1,4}(early|earlier|early on|in time|before (the |a |an |it |they |anyone |someone )?([a-z]+ )?(sees?|notices?|shows?|see|notice|show)|avant que|avant qu'|plus tot|a temps|tot)\b/;

export const FORECASTING_ID = 'time-series-forecasting';
const REGRESSION_ID = 'regression';
const CONSTRAINED_DECODING_ID = 'constrained-decoding';
/** A forecast that only repeats the last reading, and so comes one horizon late. */
const COPIES_THE_LAST_VALUE = / (copies|copying|repeats|repeating|recopie|recopient|reprend|reprennent|repete|repetent) ([a-z']+ ){0,3}(last|latest|previous|derniere|precedente) (value|reading|observation|measurement|valeur|mesure|observation)s?\b| (an hour|a day|a week|one step|a step|a few hours|\d+ (minutes?|hours?|days?)) (too late|late|behind)\b| (shifted|lagging|lags) (by|behind by) (one|an?) (step|hour|day|horizon)\b| (decalee?s?|en retard) d'(un|une) (pas|heure|jour|horizon)\b| avec un decalage\b/;
/** "Do I need rainfall, or is the level alone enough?", « j'ai besoin de la pluie, ou le niveau seul suffit ? ». */
const ASKS_WHETHER_AN_INPUT_IS_NEEDED = / (need|needs) ([a-z']+ ){1,6}or ([a-z']+ ){1,6}(alone|by itself|on its own|only) (is |be |will be )?(enough|sufficient|do|suffice)\b| (besoin|faut il|dois je) ([a-z']+ ){1,8}ou ([a-z']+ ){1,6}(seule?s?|tout seul|toute seule) (suffit|suffisent|suffira|suffirait|fait l'affaire)\b/;
/** "How does the model output valid JSON?", « comment un LLM fait pour sortir du JSON valide ? ». */
const ASKS_HOW_IT_WRITES_JSON = / (how|comment) ([a-z']+ ){0,7}(output|outputs|produce|produces|return|returns|write|writes|give|gives|sortir|sort|produire|produit|rendre|rend|ecrire|ecrit|generer|genere|renvoyer|renvoie) (du |des |a |an |only |always |toujours |que )*(valid |valide |bien forme |clean |propre )?json\b/;
/** Measures taken at a steady pace: "every 5 minutes", "hourly", « toutes les 15 minutes ». */
const READINGS_OVER_TIME = / (every|each) (\d+ |few |couple of )?(seconds?|minutes?|mins?|hours?|days?)\b| (hourly|half hourly|minute by minute)\b| toutes les (\d+ |quelques )?(secondes|minutes|min|heures|h)\b| (chaque|par) (minute|heure|quart d'heure)\b| (time series|series temporelles?|serie temporelle)\b/;
/** A forecast with a horizon: "an hour ahead", "when it will be full", « à l'avance », « savoir quand ». */
const FORECASTS_AHEAD = / (ahead|in advance|beforehand|a l'avance|d'avance|en avance)\b| (predict|forecast|anticipate|know|tell|prevoir|predire|anticiper|savoir) ([a-z']+ ){0,3}(when|quand)\b/;
/** A quantity for each item rather than for each moment: "the yield of a block", « combien de grammes chaque sac ». */
const QUANTITY_OF_EACH_ITEM = / (predict|predicting|estimate|estimating|predire|prevoir|estimer) (the |le |la |l'|un |une )?(yield|harvest|weight|output|rendement|recolte|poids) (of|de|du|d') ?(a|an|each|every|one|un|une|chaque)\b| (predict|predicting|estimate|estimating|predire|prevoir|estimer|savoir) (how much|how many|combien) ([a-z'-]+ ){0,4}(each|every|per|chaque|par) (?!(day|week|hour|month|year|minute|jour|semaine|heure|mois|an|annee)s?\b)/;
/** "Predict my 2k test time", « prédire son temps au semi-marathon »: a number the learner's own records lead to. */
const OWN_QUANTITY = / (predict|predicting|estimate|estimating|predire|prevoir|estimer) (my|our|his|her|their|mon|ma|notre|son|sa|leur) ([a-z0-9-]+ ){0,3}(time|duration|price|weight|score|yield|temps|duree|prix|poids|rendement|chrono)\b/;
/** Breakdowns told: whether each machine fails is a yes or no, however often its sensors are read. */
const TELLS_BREAKDOWNS = / (failures?|breakdowns?|break down|breaks down|(about|going) to (fail|break)|pannes?|defaillances?|casses?|tomber en panne|lacher)\b/;
/** "Predict when the disc cutters need changing", « savoir quand les filtres devront être remplacés ». */
const DUE_FOR_REPLACING = / (predict|predicting|know|tell|anticipate|forecast|prevoir|predire|savoir|anticiper) (when|which|whether|if|quand|quels?|quelles?|si) ([a-z'-]+ ){0,5}(need|needs|will need|would need|doivent|devront|devra|doit|faut) (changing|replacing|replacement|servicing|cleaning|to be (changed|replaced|serviced|cleaned)|etre (changee?s?|remplacee?s?|revisee?s?|nettoyee?s?)|changer|remplacer|reviser|nettoyer)\b| (predict|predicting|know|tell|anticipate|prevoir|predire|savoir|anticiper) (when|quand) ([a-z'-]+ ){0,4}(will|is going to|are going to|va|vont) (clog|get clogged|foul|get dirty|s'encrasser|se boucher|s'obstruer|se colmater|s'entartrer)\b/;
export const RAG_ID = 'retrieval-augmented-generation';
/** "Ask things like...", « poser des questions comme... »: questions the learner's users will put. */
const ASKS_THINGS_LIKE = / (ask|asking|type|typing|poser|demander|taper) (things|questions|stuff|des questions|des choses|of it|it) (like|such as|comme|du genre|du type)\b/;
/** "An assistant that answers volunteers' questions like...", « qui réponde aux questions du genre... ». */
const ANSWERS_QUESTIONS_LIKE = / (answers?|answering|repond|repondre|reponde|repondent) ([a-z']+ ){0,3}questions? ([a-z']+ ){0,2}(like|such as|comme|du genre|du type)\b/;
/** The learner's own written documents, named as such. */
const OWN_DOCUMENTS = / ((our|my|their|of|nos|mes|leurs|les|de|d') ?)?([a-z0-9']+ ){0,3}(transcripts|transcriptions|documents|docs|manuals|manuels|reports|rapports|archives?|notes|memos|pdfs?|files|fichiers|logs|journaux|contracts|contrats|procedures|wiki|emails|courriels|articles|minutes|comptes rendus|logbooks|notebooks|carnets|registres|bulletins|rulebooks|reglements|circulaires|fiches|guides|notices|handbooks)\b/;
export const SEMANTIC_SEARCH_ID = 'semantic-search';
/** Projects built on the learner's documents with a language model: no labelled table, no test split of rows. */
export const DOCUMENT_TASK_IDS: readonly string[] = [RAG_ID, SEMANTIC_SEARCH_ID];

/**
 * "How does it find the right pages?", « comment trouve-t-il les bons passages ? »: how a search over documents picks
 * what it returns, which is semantic search's mechanism in a conversation on documents.
 */
export function asksHowItFindsPassages(question: string): boolean {
  // « Comment fonctionne la recherche des passages pertinents ? », "how does the search for the right chunks work?"
  if (/ (how|comment) ([a-z']+ ){0,3}(does|do|fonctionne|marche|works?|se fait) ([a-z']+ ){0,2}(search|recherche|retrieval|recuperation|lookup) (of |for |des |du |de |d')?(the |les |la )?(relevant |right |pertinents? |pertinentes? |bons? |bonnes? )?(passages?|chunks?|documents?|pages?|extraits?|morceaux|sections?)\b/.test(plainQuestion(question))) return true;
  // "How does the system pick which memos to show the model?": whatever the documents are called.
  if (/ (how|comment) ([a-z']+ ){0,4}(find|finds|pick|picks|choose|chooses|select|selects|decide|decides|know|knows|trouve|choisit|choisir|selectionne|decide|sait) (which|what|quels?|quelles?) ([a-z']+ ){1,2}(to (show|give|send|pass|feed|put)|go into|goes into|(a|au) (montrer|donner|envoyer|passer|fournir)|vont dans)\b/.test(plainQuestion(question))) return true;
  return / (how|comment) ([a-z']+ ){0,4}(find|finds|pick|picks|choose|chooses|select|selects|know|knows|retrieve|retrieves|fetch|fetches|get|gets|locate|locates|trouve|trouver|retrouve|retrouver|choisit|choisir|selectionne|selectionner|sait|recupere|recuperer|repere|reperer)( out| t il| t elle| t on)? (the |which |les |quels? |quelles? |la |le |l'|les bons |les bonnes |le bon |la bonne )?(right |relevant |correct |best |good |bons |bonnes |bon |bonne |pertinents |pertinentes |pertinent |pertinente )?(part|parts|partie|parties|pages?|passages?|chunks?|paragraphs?|documents?|notes|sections?|extraits?|morceaux|paragraphes?|sources?)\b/.test(plainQuestion(question));
}
/** ... whose plan, whatever else gives way, keeps a set of real questions to measure every change against. */
export const DOCUMENT_PROJECT_STEPS: readonly string[] = ['retrieval-evaluation'];
/**
 * Applications built on a language model but not on the learner's documents (sorting or reading e-mails with an LLM):
 * their plan keeps a fixed set of real inputs with expected outputs, rerun at every change of prompt or model (no
 * baseline "before training anything": nothing is trained).
 */
export const LANGUAGE_MODEL_PROJECT_STEPS: readonly string[] = ['prompt-regression-testing'];
/** The steps a project's opening gives after its task's own, if it gives any (see `projectPassages`). */
export function openingSteps(taskId: string, onALanguageModel: boolean | undefined): readonly string[] | undefined {
  if (DOCUMENT_TASK_IDS.includes(taskId)) return DOCUMENT_PROJECT_STEPS;
  return onALanguageModel ? (NEXT_STEP_ON_A_LANGUAGE_MODEL[taskId] ?? LANGUAGE_MODEL_PROJECT_STEPS.slice(0, 1)) : undefined;
}

/** Concepts that say a conversation is about an application built on a language model. */
export const LANGUAGE_MODEL_IDS: readonly string[] = ['large-language-model', 'language-model', 'gpt', 'chatgpt', 'openai', 'hallucination', 'prompt', 'prompt-engineering', 'structured-output', 'information-extraction', 'constrained-decoding', 'temperature', 'model-version-pinning', 'prompt-regression-testing', 'system-prompt', 'few-shot-learning', 'zero-shot-classification'];
/** Questions answered from the learner's documents: "answers questions from our SOPs", « répond aux questions sur nos procédures ». */
/**
 * "An assistant that suggests translations using our past translated patents", « un assistant qui réponde aux questions
 * des restaurateurs à partir de nos 20 ans de constats d'état »: an assistant drawing on the organisation's own texts.
 */
const ASSISTANT_ON_THEIR_OWN_TEXTS = / (assistant|chatbot|chat bot|bot|copilot|copilote)\b[^?.]{0,80}? (answers?|answering|replies|respond|responds|suggests?|suggesting|drafts?|drafting|repond|reponde|repondre|repondent|propose|proposer|suggere|suggerer|redige|rediger)\b[^?.]{0,80}? (from|using|based on|drawing on|out of|a partir de|a partir d'|en s'appuyant sur|en utilisant|sur la base de|grace a) (our|my|their|its|nos|notre|mes|leurs|ses) /;
const ANSWERS_FROM_DOCUMENTS = / (answers?|answering) ([a-z']+ ){1,4}(from|using|based on) ([a-z0-9']+ ){0,6}(docs|documents?|documentation|manuals?|handbooks?|pdfs?|reports|procedures|guides?|wiki|policies|rulebooks?|sops)\b| (answers?|answering|replies|replying) (them |it |questions )?(only )?(from|using|based on) (our|my|their|its|the) ([a-z0-9']+ ){0,5}(docs|documents|documentation|manuals?|handbooks?|guides?|wiki|knowledge base|procedures|policies|rulebooks?|pdfs?|files|reports|faqs?|contracts|guidelines|notes|records|archives?|articles|transcripts|specs|datasheets|catalogues?|catalogs?|papers)\b| (ask|asking|poser) ([a-z']+ ){0,2}questions (about|on|sur|a propos d'un|a propos de|from|a partir d'|a partir de|dans) ([a-z0-9']+ ){0,5}(pdfs?|documents?|docs|manuals?|manuels?|contracts?|contrats?|reports?|rapports?|guides?|notices?|logs|notes|records|archives?|memos|emails|tickets|files|sheets|datasheets|specs|catalogues?|catalogs?|policies|procedures|faqs?|fiches|dossiers|journaux|comptes rendus|catalogues)\b| (answers?|answering|respond|responds) ([a-z']+ ){0,5}(questions?|queries) ([a-z']+ ){0,3}(from|using|based on|about|on|with) ([a-z0-9']+ ){0,8}(docs|documents|documentation|sops|manuals?|handbooks?|wiki|knowledge base|procedures|policies|policy binders?|binders?|rulebooks?|rules|regulations|timetables|pdfs?|files|reports|faqs?|contracts|guidelines|logs|notes|records|emails|tickets|memos|archives?|articles|letters|minutes|transcripts|specs|specifications|datasheets|sheets|catalogues?|catalogs?|papers|briefs|filings|case files)\b| (reads?|reading|searches|search) ([a-z0-9']+ ){0,4}(docs|documents|manuals?|logs|notes|records|reports)\b([^?]*) answers? ([a-z']+ ){0,3}questions\b| (repond|repondre|reponde|repondent) (aux|a des|a nos|a leurs) questions ([a-z0-9']+ ){0,7}(documents|documentation|procedures|manuels?|wiki|base de connaissances|rapports|faq|contrats|notes|politiques|reglements?|regles|classeurs?|emplois du temps|plannings?|pdf|dossiers|fichiers|memos|archives|articles|courriers|lettres|comptes rendus|fiches|notices|guides)\b/;
export const EXTRACTION_ID = 'information-extraction';
const NER_ID = 'named-entity-recognition';
export const OCR_ID = 'optical-character-recognition';
/** Fields read out of documents into a table: "pull the amounts out of invoices", « remplir notre tableau ». */
const EXTRACTS_FIELDS = / (extract|extracting|pull|pulling|capture|capturing|extraire|relever|recuperer)( [a-z0-9']+){0,5} (fields?|data|information|info|details|amounts?|dates?|names?|numbers?|totals?|addresses?|champs?|donnees|informations|montants?|noms?|prenoms?|numeros?|adresses?|references?)\b| (extract|extracts|pull|pulls|get|gets|turn|turns|tire|tirer|extraie|extraire|sorte|sortir|fasse|dresse|dresser)( [a-z']+){0,2} (out )?(a list|the list|une liste|la liste|un tableau)\b| (extract|extracting|pull|pulling|extraire)( (the|a|an|each|les|la|le|l'|each))? ([a-z]+ ){0,2}(year|denomination|serial|size|quantity|quantities|volume|price|condition|annee|quantite|prix|taille|etat)s?( ?,| and| et) | (fill|filling|populate|populating|remplir|alimenter|completer) (in |out )?(our |the |a |an |notre |nos |le |la |les |un |une )?([a-z']+ ){0,2}(table|tables|spreadsheet|database|crm|erp|form|forms|records?|tableau|tableur|base|fiches?|formulaires?)\b| (information|data|field|invoice|document) extraction\b| extraction (d'information|de donnees|de champs|des informations)\b| (turn|turns|turning|convert|converting|transform|transforming|transformer|convertir) ([a-z0-9'-]+ ){0,6}(into|to|en) (structured |clean )?(records|rows|fields|a table|tables|json|fiches structurees|enregistrements|lignes|champs|donnees structurees)\b/;
/** Messages sorted into categories: "route tickets to the right team", « trier les messages vers le bon service ». */
const SORTS_MESSAGES = / (suggests?|suggesting|proposes?|assigns?|assigning|propose|proposer|attribuer|attribue|affecter) (a |an |the |une |la |le )?([a-z']+ ){0,2}(category|categories|class|label|categorie|categories|classe|etiquette)\b| (sort|route|triage|classify|categori[sz]e|dispatch|trier|router|orienter|classer|categoriser|aiguiller|ventiler) (the |our |incoming |les |nos |des |ces )?([a-z0-9']+ ){0,4}(messages?|e ?mails?|tickets?|requests?|demandes?|courriels?|mails?|complaints?|reclamations?|plaintes?)\b| (sort|route|send|dispatch|trier|router|orienter|aiguiller|envoyer) ([a-z']+ ){0,3}(vers|to) (le bon|la bonne|les bons|the right|the correct) /;
const MESSAGE_SORTING_ID = 'multiclass-classification';
const YES_OR_NO_ID = 'binary-classification';
/** Documents searched by meaning: « retrouve les décisions pertinentes dans notre base », "find the relevant reports". */
const FINDS_IN_DOCUMENTS = / (find|finds|retrieve|retrieves|search|searches|surface|surfaces|retrouve|retrouver|retrouvent|recherche|rechercher|trouve|trouver) (the |les |des )?([a-z']+ ){0,4}(relevant|similar|pertinents?|pertinentes?|similaires|proches) /;

/** The kinds of task that predict a quantity, not which items: "which orders will need a remake" is neither. */
const QUANTITY_TASK_IDS = ['time-series-forecasting', 'regression'];

/**
 * "Which appointments will be no-shows", « quels clients vont partir », « les fournées à risque »: items to pick out,
 * not a quantity to forecast.
 */
function asksWhichOnes(question: string): boolean {
  return / which ([a-z']+ ){1,5}(will|would|are (likely|going) to|might|could|is (likely|going) to)\b| (quels|quelles|lesquels|lesquelles) ([a-z']+ ){1,3}(vont|risquent|vont probablement|pourraient|seront)\b| (at risk|at high risk|a risque|a haut risque|susceptibles? de)\b| (whether|if) (a|an|each|the|every) ([a-z']+ ){0,3}(will|would)\b| (si|quel|quelle) (un|une|chaque|le|la) ([a-z']+ ){0,3}(va|vont|sera|passera|echouera)\b| (within|in) (the )?(next )?\d+ (days|weeks|months|hours)\b| dans les \d+ (prochains |prochaines )?(jours|semaines|mois|heures)\b/.test(plainQuestion(question));
}

/**
 * Words any project is told with ("predict", "labels", "data", "a model"): naming them does not make the question
 * one about that concept.
 */
const PROJECT_WORD_IDS = [
  'prediction', 'label', 'dataset', 'training-data', 'machine-learning', 'artificial-intelligence', 'feature', 'model', 'algorithm', 'data',
  // "a support assistant on top of our docs using an LLM": the tool a project is built with.
  'large-language-model', 'language-model', 'chatbot', 'chatgpt', 'gpt', 'openai',
];

/**
 * Whether the concepts the question names by their terms are kinds of task or a project's everyday words: a project's
 * opening, not a question about a concept ("I want to try gradient boosting on my sales, where do I start?").
 */
export function namesOnlyTaskTypes(named: readonly Concept[]): boolean {
  return named.every((concept) => TASK_TYPE_IDS.includes(concept.id) || PROJECT_WORD_IDS.includes(concept.id));
}

/** The entry for a model too simple, or fed too little signal, to learn the pattern. */
const UNDERFITTING_ID = 'underfitting';

/** The entry for a class far rarer than the others. */
export const CLASS_IMBALANCE_ID = 'class-imbalance';

/** What a learner's results are told with besides a project's words: "97% accuracy on my test set", « les données d'entraînement ». */
const RESULT_WORD_IDS = [
  'accuracy', 'train-validation-test-split', 'evaluation-metric', 'training-data', 'model-training',
  // "an R² of 0.95 on the data I trained it on": the score a story is told with.
  'r-squared', 'f1-score', 'mean-absolute-error', 'mean-squared-error', 'root-mean-squared-error', 'roc-auc', 'precision-and-recall', 'training-loss', 'validation-loss',
  // "when OpenAI updates the LLM behind the API": the service a story about an application is told with.
  'openai', 'large-language-model',
];

/** Whether the concepts named are only a project's words and those its results are told with. */
export function namesOnlyAResultsSetting(named: readonly Concept[]): boolean {
  return named.every((concept) => RESULT_WORD_IDS.includes(concept.id) || namesOnlyTaskTypes([concept]));
}

/** A share this small of the examples is a rare class: one in twenty, or 5%. */
const RARE_SHARE = 0.05;

/** "Only about 8% of our lots fail": a share told as small, with the words that say it is few. */
const RARE_PERCENT_TOLD = 10;

/** Two classes counted apart are imbalanced when one is five times the other (150 against 1,200). */
const CLASS_RATIO = 0.2;

/**
 * Whether the question tells of a class this rare in the learner's data: "only about 1 in 200 of our claims turns out
 * to be fraud", "3% of our customers cancel", « 40 tricheurs sur 200 000 joueurs », « seulement 2 % de positifs »,
 * « 150 manuscrits jeunesse contre 1200 polars ».
 */
export function tellsOfARareClass(question: string): boolean {
  const text = question.toLowerCase().replace(/(\d)[\s\u00a0\u202f,.](?=\d{3}\b)/gu, '$1');
  // "Only 20 of the 400 hives died": a share of things counted, not "epoch 3 of 100".
  const share = /\b(\d+) of (?:the |our |my |these |those |all )?(\d+) \p{L}{3,}/u.exec(text);
  if (share && !COUNTERS.test(text.slice(Math.max(0, share.index - 12), share.index)) && Number(share[1]) / Number(share[2]) <= RARE_SHARE) return true;
  // "1 in 200", "40 confirmed cheaters out of 200,000", « un cas sur 500 »: what is counted may come between.
  // (« 30 cas de boiterie sur 2 ans pour environ 4000 séances »: each count against the next.)
  const ratios = /\b(\d+|one|an?|un|une)\s+(?:[\p{L}'-]+\s+){0,4}?(?:in|out of|of every|sur|pour|for|per)\s+(?:every\s+|chaque\s+|about\s+|around\s+|roughly\s+|environ\s+|a peu pres\s+|à peu près\s+)?(\d+)\b/gu;
  for (let ratio = ratios.exec(text); ratio; ratio = ratios.exec(text)) {
    const part = /^\d+$/u.test(ratio[1]!) ? Number(ratio[1]) : 1;
    const whole = Number(ratio[2]);
    if (whole > 0 && part > 0 && part / whole <= RARE_SHARE) return true;
    // The whole of one count may be the part of the next: « sur 2 ans pour 4000 séances ».
    ratios.lastIndex = ratio.index + ratio[1]!.length;
  }
  // « 150 manuscrits jeunesse contre 1200 polars », "80 defective parts vs 6,000 good ones": two classes counted.
  const counts = /\b(\d+)\s+(?:[\p{L}'-]+\s+){0,3}?(?:contre|vs\.?|versus|against|compared (?:to|with)|face à|as opposed to)\s+(?:[\p{L}'-]+\s+){0,2}?(\d+)\b/u.exec(text);
  if (counts && Math.min(Number(counts[1]), Number(counts[2])) / Math.max(Number(counts[1]), Number(counts[2])) <= CLASS_RATIO) return true;
  const percent = /\b(\d+(?:[.,]\d+)?)\s?(?:%|percent|pour ?cent)/u.exec(text);
  if (percent && Number(percent[1]!.replace(',', '.')) <= RARE_PERCENT_TOLD && RARE_WORDS.test(text)) return true;
  // "Only around 15% of our loans end up forfeited": a minority told as such, as a worry.
  if (percent && Number(percent[1]!.replace(',', '.')) <= MINORITY_PERCENT_TOLD && / (only|just|seulement|que|a peine) (around |about |some |environ |a peu pres )?\d/.test(plainQuestion(question))) return true;
  // « Nous n'avons eu que six pannes en trois ans »: a handful of events to learn from.
  if (FEW_EVENTS.test(plainQuestion(question))) return true;
  // « Les épisodes de mortalité sont rares, une quinzaine en trois ans »: a few events over years, told as rare.
  if ((FEW_OVER_YEARS.test(plainQuestion(question)) || FEW_A_PERIOD.test(plainQuestion(question))) && / (rare|rares|rarely|only|just|seulement|que|few|peu|a peine)\b/.test(plainQuestion(question))) return true;
  // "85% accuracy, but it never flags anyone": a score that high and a class never found.
  if (/\b[89]\d(?:[.,]\d+)?\s?%/u.test(text) && NEVER_FOUND.test(text)) return true;
  // « certaines espèces rares n'ont que trois ou quatre planches », "a few rare labels have only 5 examples".
  return FEW_OF_SOME.test(plainQuestion(question));
}

/** A share told with "only" that makes a minority class: "only 15% are forfeited". */
const MINORITY_PERCENT_TOLD = 20;

/** A handful of the events a model should predict: "we've only had six failures in three years". */
const FEW_EVENTS = / (only|just|que|seulement|a peine) (had |have |seen |recorded |eu |vu |enregistre |connu )?(\d|[12]\d|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|a handful of|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|une douzaine de|une poignee de|quelques) (real |actual |vraies? |confirmed |confirmees? )?(failures?|breakdowns?|faults?|incidents?|outages?|accidents?|frauds?|events?|positives?|pannes?|defaillances?|fraudes?|evenements?|cas positifs|sinistres?|claims?)\b/;

const FEW_OVER_YEARS = / (\d|[1-4]\d|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|fifteen|twenty|une dizaine|une quinzaine|une vingtaine|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt) ([a-z']+ ){0,2}(in|en|over|sur|across) (the last |les |ces )?(\d+|two|three|four|five|six|ten|deux|trois|quatre|cinq|six|dix) (years|ans|annees|seasons|saisons)\b/;

/** « Les casses sont rares, peut-être deux par semaine »: a few events a week or a month, in data logged far more often. */
const FEW_A_PERIOD = / (\d|one|two|three|four|five|un|une|deux|trois|quatre|cinq) (or \w+ |ou \w+ )?([a-z']+ )?(a|per|each|every|par|chaque) (day|week|month|year|jour|semaine|mois|an|annee)\b/;

/** Some classes told with a handful of examples each: « certaines espèces rares n'ont que trois planches ». */
const FEW_OF_SOME = / (rare|rares|some|certaines?|certains|a few|quelques) ([a-z']+ ){0,3}(have|has|get|n'ont|n'a|ont|only have) (only |just |que |seulement |a peine )?(\d|one|two|three|four|five|a handful|un|une|deux|trois|quatre|cinq|une poignee)\b( or \w+| ou \w+)? ([a-z']+ )?(examples?|images?|photos?|samples?|rows?|cases?|exemples?|planches?|cas|lignes?|echantillons?)\b/;

/** Words that number steps rather than count cases: "epoch 3 of 100", "page 2 of 40". */
const COUNTERS = /\b(epoch|step|layer|page|chapter|part|fold|iteration|item|row|line|question|turn|batch|run|trial)s?\s*$/u;

/**
 * Whether the question tells of a model that answers one class for nearly everything: « le modèle range presque
 * tout en roman, même des livres de cuisine », "it predicts the same class for almost every input".
 */
export function tellsOfADominantClass(question: string): boolean {
  const text = plainQuestion(question);
  // « Il prédit presque toujours la même valeur, autour de la moyenne »: a regression that learnt nothing, no class.
  if (PREDICTS_THE_MEAN.test(text)) return false;
  // « Le modèle va sûrement dire "pas de casse" tout le temps, non ? », "won't it just say 'no break' every time?":
  // the worry, before any score.
  if (/ (va|vont|risque de|will|would|won't it|is going to) ([a-z']+ ){0,3}(dire|predire|repondre|say|predict|answer) (no|not|nothing|pas de|pas d'|aucun|aucune|rien|non)\b([a-z' ]+ )?(every time|each time|always|all the time|a chaque fois|tout le temps|toujours)\b/.test(text)) return true;
  // "92% accuracy, but it basically says every single donor will show up", « il prédit que tout le monde viendra ».
  if (/ (says?|predicts?|answers?|outputs?|returns?|dit|predit|repond|renvoie) (no|not|nothing|pas de|aucun|aucune|rien) ([a-z']+ ){0,3}(basically |almost |nearly |pretty much |quasiment |presque )?(every time|each time|always|all the time|a chaque fois|tout le temps|toujours)\b/.test(text) && / (accuracy|exactitude|bonnes reponses|correct|right|juste)|\d\d ?%/.test(text)) return true;
  if (/ (says?|predicts?|thinks?|classifies|labels|marks|puts) (that )?(every single|every|all|each|all the|all our) [a-z]+ (will|would|is|are|as)\b| (dit|predit|pense|classe|met) (que )?(tous les|toutes les|tout le monde|chaque) /.test(text) && / (accuracy|exactitude|bonnes reponses|correct|right|juste)|\d\d ?%/.test(text)) return true;
  // "The model keeps predicting 'no bloom' every single day", « il prédit toujours "pas de panne" »: the frequent class only.
  if (/ (keeps|always|only ever|just keeps) (predicting|saying|answering|outputting|returning) (no|not|nothing|none)\b| (predit|repond|dit|renvoie) (toujours|tout le temps|systematiquement|a chaque fois) (pas de|aucun|aucune|non|rien)\b/.test(text)) return true;
  // "Couldn't the model just say 'pass' every time?": one answer for everything.
  // ("Why not just predict 'no failure' for everything?" proposes it: a baseline, not a model that does it.)
  if (/ (model|it|classifier|modele|il) ([a-z']+ ){0,2}(just|simply|always) (say|says|predict|predicts|answer|answers|output|outputs|dire|predire|repondre) ([a-z']+ ){1,2}(every time|each time|for everything|for everyone|all the time|a chaque fois|tout le temps|pour tout)\b/.test(text)) return true;
  return / (almost|nearly|pretty much|virtually) (everything|every (one|input|example|item|image|text)|all of them|always)\b| presque (tout|toujours|tous|toutes)\b| (always|toujours) (the same|la meme|le meme) /.test(text) && / (class|classes|category|categories|label|labels|predicts?|puts?|says|classifies|classe|categorie|etiquette|predit|met|range|repond) /.test(text);
}

/**
 * "98% accuracy but it almost never says a blade is about to fail", « 97 % de bonnes réponses mais jamais un seul
 * échauffement repéré »: a high accuracy that the rare class does not show in, or a model that always says the same.
 */
export function accuracyHidesTheRareClass(question: string): boolean {
  const text = plainQuestion(question);
  const highAccuracy = / (9\d|100)( [0-9]+)? ?%? (accuracy|d'exactitude|de bonnes reponses|correct|right|juste|de reussite)| (accuracy|exactitude) ([a-z']+ ){0,3}(9\d|100)\b/.test(text);
  return tellsOfADominantClass(question) || (highAccuracy && NEVER_FOUND.test(text));
}

/** "It predicts about the average whatever the input", « la même valeur, autour de la moyenne »: underfitting. */
const PREDICTS_THE_MEAN = / (same|constant) (value|number)| (the|about the|around the|close to the) (mean|average)\b| (meme|constante) valeur| (la|de la|autour de la|proche de la|pres de la) moyenne\b/;

/** « Mon modèle prédit presque toujours la même valeur, autour de la moyenne »: a regression that learnt nothing. */
function predictsTheMean(question: string): boolean {
  const text = plainQuestion(question);
  return PREDICTS_THE_MEAN.test(text) && / (predicts?|predit|predisent|returns?|renvoie|gives?|donne|outputs?|sort) /.test(text);
}

/** The entry for examples that may have several labels at once. */
const MULTI_LABEL_ID = 'multi-label-classification';

/** « Un livre peut être à la fois jeunesse et histoire », "a photo can have several tags at once". */
export function tellsOfSeveralLabels(question: string): boolean {
  const text = plainQuestion(question);
  return / can (be|belong to|have) (both|several|multiple|two|more than one)\b| (both|several|multiple|more than one) (labels|categories|classes|tags|genres) (at once|at the same time)| (peut|peuvent) (etre|appartenir|avoir) (a la fois|a plusieurs|plusieurs|deux)| a la fois [a-z']+ et [a-z']+ | plusieurs (etiquettes|categories|classes|genres|rayons|tags) (a la fois|en meme temps)/.test(text);
}

const MODEL_VERSION_PINNING_ID = 'model-version-pinning';
const IRREDUCIBLE_ERROR_ID = 'irreducible-error';

/**
 * "Most late deliveries come from accidents and sick drivers, and we never record either", « la plupart des annulations
 * viennent de maladies qu'on ne note nulle part »: the outcome's causes are missing from the data.
 */
function tellsOfUnrecordedCauses(question: string): boolean {
  const text = plainQuestion(question);
  const unrecorded = / (never|don'?t|do not|can'?t|cannot|aren'?t|isn'?t|are not|is not|not|no one|nobody) (ever |really |even )?(record|recorded|log|logged|track|tracked|capture|captured|measure|measured|collect|collected|store|stored|write down|written down|see)\b| (not|never|nowhere) in (our|the|any) (data|records|database|logs|system)\b| (n'est|ne sont|n'est jamais|ne sont jamais|jamais|pas) (enregistre|enregistree|enregistres|enregistrees|note|notee|notes|notees|saisi|saisie|saisis|mesure|mesuree|mesures|collecte|collectee)s?\b| (qu'on|que nous|que l'on|qu'on ne|on ne) (n'enregistre|ne note|ne mesure|ne saisit|ne voit|enregistre|note|mesure|saisit) (jamais|pas|nulle part)\b| (ne|n') ([a-z']+ )?(figure|figurent|apparait|apparaissent) (nulle part|jamais|pas) dans (nos|les) (donnees|fichiers|bases?)\b/;
  const causes = / (come from|comes from|coming from|due to|because of|caused by|depends? on|driven by|reasons?|viennent|vient|dues? a|du a|a cause de|raisons?|causes?|provoquees?|s'expliquent)\b/;
  return unrecorded.test(text) && causes.test(text);
}
export const HALLUCINATION_ID = 'hallucination';
export const STRUCTURED_OUTPUT_ID = 'structured-output';

/**
 * After the task's own step, in a project on a language model: what extraction answers in, and which model writes the
 * prompts (each step already holding a set of test inputs); any other task, the set of real inputs itself.
 */
export const NEXT_STEP_ON_A_LANGUAGE_MODEL: Readonly<Record<string, readonly string[]>> = {
  [EXTRACTION_ID]: [STRUCTURED_OUTPUT_ID],
  'prompt-engineering': ['large-language-model'],
};
const BROKEN_JSON = / (valid|clean|proper) (json|yaml|xml)\b[^?]*(fragile|risky|what if|what happens|doesn'?t|does not|isn'?t|is not|fails|echoue|fragile|n'est pas|ne l'est pas)| (json|yaml|xml) (valide|correct)\b[^?]*(fragile|et si|que se passe|n'est pas|ne l'est pas)| (broken|invalid|malformed|truncated|cut off|half|incomplete|unparseable|bad|casse|cassee|invalide|mal forme|tronque|incomplet) (json|yaml|xml)\b| (json|yaml|xml) ([a-z']+ ){0,3}(breaks|is broken|is invalid|fails to parse|won'?t parse|doesn'?t parse|casse|invalide|mal forme|tronque)\b/;
/** "Make the model return JSON", « obliger le modèle à renvoyer du JSON », "always answer in valid JSON". */
const WANTS_JSON_BACK = / (force|forcing|make|making|get|getting|ensure|guarantee|oblige|obliger|forcer|contraindre|garantir|faire)\b[^?]{0,40} (return|returns|answer|answers|reply|output|respond|give|send|renvoyer|renvoie|repondre|reponde|rendre|sortir|produire|donner) ([a-z']+ ){0,8}(json|yaml|xml|format structure|structured format)\b| (always|toujours|uniquement|only|seulement) (return|answer|reply|respond|renvoyer|repondre|renvoie|reponde)s? ([a-z']+ ){0,2}(json|yaml|xml)\b/;
const LONG_CONTEXT_ID = 'long-context';
const CONTEXT_WINDOW_ID = 'context-window';
const IGNORES_THE_END = / (ignore|ignores|ignoring|ignored|miss|misses|missing|skips?|skipping|forgets?|forgetting|loses?|drops?|cuts? off|ignorer|ignore|oublie|oublier|rate|saute|perd|coupe|tronque)\b ([a-z']+ ){0,6}(the end|the last (part|pages?|paragraphs?|lines?)|la fin|les dernieres? (pages?|lignes?|parties?|paragraphes?)|la derniere partie)\b/;
const METADATA_FILTERING_ID = 'metadata-filtering';
const INDEX_FRESHNESS_ID = 'index-freshness';
/** "Answers with the old version of the procedure", « l'ancienne version du protocole », "a policy we withdrew". */
const ANSWERS_FROM_AN_OLD_VERSION = /[ '](old|older|previous|outdated|former|superseded|obsolete|ancienne|vieille|precedente|obsolete|perimee?) (version|edition|release|revision)s?\b| (withdrew|withdrawn|retired|replaced|deleted|removed|supprime|supprimee|retire|retiree|remplace|remplacee)\b[^?]* (still|encore|toujours) (shows?|appears?|comes? back|quoted|cited|ressort|apparait|revient|cite)\b| (still|encore|toujours) ([a-z']+ ){0,3}(quotes?|cites?|uses?|answers? (with|from)|cite|utilise|repond avec) ([a-z']+ ){0,3}(we|que nous|qu'on) ([a-z']+ ){0,2}(withdrew|replaced|updated|changed|retire|remplace|mis a jour|modifie)\b/;
const SHORTCUT_LEARNING_ID = 'shortcut-learning';
const ANOMALY_DETECTION_ID = 'anomaly-detection';
/** An anomaly flagged at the same hour every day: a normal cycle taken for an anomaly. */
const FLAGS_A_DAILY_PATTERN = / (flags?|flagged|raises?|signale|signalent|detecte|detectent|leve|levent) (an? |une |des )?(anomal[a-z]*|alerts?|alarms?|alertes?|alarmes?) ([a-z']+ ){0,3}(every|each|chaque|tous les|toutes les) (morning|evening|night|day|monday|weekend|matin|soir|nuit|jour|lundi|week end)s?\b| (flags?|flagged|alerts? on|signale|signalent|leve des alertes|levent des alertes) ([a-z']+ ){0,4}(every time|each time|whenever|chaque fois que|a chaque fois que|toutes les fois que) [^.?!]*(even though|although|though|when|alors qu|bien qu|meme si)[^.?!]*(nothing is wrong|nothing's wrong|there is no|there's no|no fault|fine|aucune?|rien d'anormal|tout va bien)\b| (flags?|flagged|signale|signalent) (almost |nearly |presque |quasiment )?(every|all|chaque|tous les|toutes les) [a-z']+ (on|at|le|les|chaque|every|each) (saturday|sunday|monday|weekend|morning|evening|night|samedi|dimanche|lundi|matin|soir|nuit)s?\b/;
/** Every item of one group flagged, good ones included: the group, not the item, is what the model reads. */
const FLAGS_A_WHOLE_GROUP = / (flags?|flagged|marks?|predicts?|classifies?|labels?|calls?|rejects?|signale|signalent|classe|classent|predit|predisent|rejette|rejettent) (almost |nearly |practically |virtually |presque |quasiment |pratiquement )?(every|all|each|tous|toutes|chaque) ([a-z']+ ){0,4}(from|of|in|on|at|during|taken in|made in|made on|du|de|des|en|pendant|par|pris en|faits? en|prises? en) (the )?([a-z']+ ){0,2}(winter|summer|autumn|spring|season|month|site|camera|supplier|batch|line|shift|night|hiver|ete|automne|printemps|saison|mois|site|camera|fournisseur|lot|ligne|equipe|nuit)s?\b.* (even|meme)\b/;
/** Two editions or versions of the same documents mixed in one answer. */
const MIXES_EDITIONS = / (mix|mixes|mixing|mixed|blend|blends|confuse|confuses|melange|melanger|melangent|confond|confondre|confondent) ([a-z']+ ){0,3}(l'|the )?(edition|version|release|annee|year)s? [^?]*(\d{4}|previous|last year's|old|new|precedente?|ancienne?|nouvelle?)\b/;
/** The answer depends on a scope the documents carry: the town, the site, the customer, the product's version. */
const RULES_DIFFER_BY_SCOPE = / (rules?|answers?|procedures?|instructions?|guidelines?|prices?|regles?|consignes?|reponses?|procedures?|tarifs?|conditions?) ([a-z']+ ){0,3}(change|changes|differ|differs|vary|varies|depend|depends|changent|change|different|differe|varient|varie|dependent|depend) (selon|by|per|with|depending on|from one|according to|d'une|en fonction d[eu']s?|suivant) ([a-z']+ ){0,2}(commune|city|cities|town|site|country|client|customer|region|store|branch|product|version|department|agence|ville|pays|magasin|produit|departement|contract|contrat|market|marche)s?\b/;
/** Right on ordinary days, wrong on the busy or special ones: the model lacks what makes them different. */
const GOOD_ON_ORDINARY_DAYS_ONLY = / (well|good|fine|bien|correct|juste) ([a-z']+ ){0,4}(weekdays?|week days?|jours? de (la )?semaine|en semaine|normal days|ordinary days|jours normaux|jours ordinaires)\b.* (weekends?|week end|holidays?|jours? feries?|vacances|busy|crowded|beaucoup de monde|affluence|events?|evenements?|festivals?)\b/;
const ANSWERS_FROM_THE_WRONG_DOCUMENT = / (infos?|informations?|details?|passages?|elements?|donnees|facts|information) (d'un|d'une|from|of|about) (autre|another|a different|the wrong|un autre|une autre) [a-z]+\b| (from|for|of) (the |a )?(wrong|another|different|other) (manufacturer|brand|maker|vendor|product|model|client|customer|version|site|supplier|country|commune|town)\b| (du|d'un|d'une) (mauvais|mauvaise|autre) (fabricant|marque|constructeur|produit|modele|client|version|site|fournisseur|pays|commune)\b| (right|correct|same) (kind|type|sort) of ([a-z]+ ){0,2}(just |but )?(for |from |of )?(the )?wrong [a-z]+\b| (turns?|turned) out to (be|come) from (the|another|a different) ([a-z0-9']+ ){0,2}(manual|document|file|sheet|report|catalogue|catalog|notice|model|product|bike|car|machine|site|client|contract)s?\b| (mixes|mixed|mixing|blends|blended|pulls|pulled|brings|brought) in (the )?(rules|details|facts|passages|steps|parts|bits|information|content|text|answers|procedures|prices|clauses|terms) (from|of)\b| (melange|melangent|mele|melent|confond|confondent) (les |des )?(regles|details|informations|passages|etapes|procedures|clauses|prix|conditions) (d'un|d'une|de|du|des|avec)\b| (even though|although|though|while|alors que|bien que|meme si) (the|le|la|l') ?(right|correct|relevant|good|bon|bonne) ([a-z]+ ){0,2}(exists|existe)\b| (answers?|answered|responds?|replies|replied|gives?|gave|returns?|returned|quotes?|repond|donne|renvoie|cite) ([a-z'.-]+ ){0,6}(from|of|for|with|d'|de|du|pour|avec) ?(another|a different|the wrong|une autre|un autre|la mauvaise|le mauvais) (week|month|year|day|season|semaine|mois|annee|journee|saison)('s)?\b| (pulls?|pulled|retrieves?|retrieved|fetch(es)?|fetched|finds?|found|picks?|picked|grabs?|grabbed|returns?|returned|uses?|used|brings? (up|back)|ramene|recupere|trouve|prend|choisit|utilise) (up )?(the |a |le |la |un |une )?(wrong|incorrect|mauvais|mauvaise) (manual|document|file|version|contract|report|catalogue|catalog|product sheet|manuel|fichier|notice|fiche|contrat|rapport|dossier)s?\b| (even though|although|though|while|alors que|bien que|meme si) (the|le|la|l') ?(right|correct|relevant|good|bon|bonne|bons|bonnes) ([a-z]+ ){0,2}(is|was|are|est|sont|etait|exists|existe) (bien |really |actually |definitely )?(in there|there|indexed|in the (index|archive|database|corpus|base)|bien la|dans la base|dans l'index|indexee?s?)\b| (mixes|mixed|mixing|confuses|confused|blends|blended|merges|merged) up (two|several|different|the|our) ([a-z']+ ){0,3}(years?|episodes?|documents?|reports?|clients?|customers?|cases?|files?|shows?|versions?|products?|models?|contracts?|sites?)\b| (melange|melangent|confond|confondent|mele|melent) (deux|plusieurs|les|des) ([a-z']+ ){0,3}(annees|episodes|documents|rapports|clients|dossiers|versions|produits|modeles|contrats|sites|emissions)\b| (answers?|answered|replies|replied|responds?|responded|repond|repondu|reponse|answer|gives?|gave|returns?|returned|quotes?|quoted|donne|renvoie|cite) ([a-z'.()-]+ ){0,8}(from|of|in|with|for|de|du|dans|d'un|d'une|d'|pour|avec) ?(a |an |the |un |une |l'|le |la )?(completely |totally |entirely |tout |completement )?(different|other|wrong|unrelated|another|autre|mauvais|mauvaise)( [a-z'-]+){0,2}('s [a-z]+|('s)? (reports?|documents?|files?|pages?|pdfs?|manuals?|contracts?|sheets?|records?|notes?|memos?|sections?|passages?|chunks?|entry|entries|tables?|paragraphs?|chapters?|rapports?|fichiers?|manuels?|contrats?|fiches?|dossiers?|paragraphes?|tableaux|chapitres?|notices?|models?|machines?|products?|versions?|procedures?|clients?|customers?|modeles?|produits?|parts?|pieces?|components?|composants?|items?|units?))\b| (details?|information|facts|passages?|details|informations|passages?) (that )?(come|comes|came|taken|pulled|viennent|tires?|tirees?|venant) (from|de|d'un|d'une|d') ?(a |another |the |un |une )?(completely |totally |tout )?(different|other|wrong|autre|mauvais|mauvaise)\b/;
/**
 * « ... la valeur du CV29 pour un décodeur ESU, il me répond avec la valeur d'un décodeur Zimo », "for a Pfaff 130
 * it answers with the setting of a Pfaff 260": asked of one thing, answered from another of the same kind.
 */
const ANSWERS_FOR_ANOTHER_OF_THE_KIND = / (?:pour|for|about|sur|on) (?:un|une|le|la|l'|a|an|the|my|our|mon|ma|notre) ?([a-z]{3,}) ([a-z0-9-]+)\b.{0,80} (?:repond|repondu|answers?|answered|gives?|gave|donne|renvoie|replies|replied|returns?|cite|quotes?)\b.{0,50} (?:d'un|d'une|de la|du|of a|of an|of the|from a|from an|from the|for a|for an|for the) \1 (?!\2\b)([a-z0-9-]+)\b/;

const CHUNKING_ID = 'chunking';
export const DOCUMENT_PARSING_ID = 'document-parsing';
/** Tables whose rows or columns come out mixed up: "gives the value from the next row", « il mélange les lignes ». */
const MIXES_UP_TABLE_ROWS = / (neighbouring|neighboring|adjacent|next|wrong|other|voisine|d'a cote|suivante|precedente) (row|line|column|cell|ligne|colonne|cellule) (of|in|from|du|de la|dans le|dans la) (the |a |le |la )?([a-z-]+ ){0,2}(table|spreadsheet|grid|tableau|grille)\b| (ligne|colonne|cellule) (voisine|d'a cote|suivante|precedente) (du|de la|dans le|dans la) ([a-z-]+ ){0,2}(tableau|grille)\b| (tables?|tableaux?|tableau)\b([a-z' ]{0,30}) (come out|comes out|are|is|get|gets|sortent|sont|ressortent) (garbled|mangled|broken|scrambled|jumbled|a mess|illisibles?|casses?|en vrac|melanges?)\b| (columns?|rows?|cells?|colonnes?|lignes?|cellules?) (are |get |sont )?(merged|mixed|jumbled|glued|fusionnee?s?|melangee?s?|collee?s?)( together| ensemble)?\b| (tables?|tableaux?|tableau|spreadsheets?|grids?|grilles?)\b.* (mix(es|ed|ing)? up|confus(es|ed|ing)|swaps?|melange|melangent|confond|confondent|inverse|inversent)( up)? (the )?(les |des )?(rows?|lines?|columns?|lignes?|colonnes?|cells?|cellules?)\b| (tables?|tableaux?|tableau)\b.* (next|adjacent|neighbouring|neighboring|wrong|other) (row|line|column|cell)\b| (tables?|tableaux?|tableau)\b.* (d'a cote|voisine?s?|de la ligne (suivante|precedente|d'a cote))\b/;
const MISSING_DATA_ID = 'missing-data';
const OUTLIER_ID = 'outlier';
/** A sensor that fails, goes offline or stops sending: gaps in what the model reads. */
const SENSOR_DOWN = / (sensors?|probes?|gauges?|meters?|stations?|loggers?|data loggers?|links?|wifi|wi fi|network|connection|internet|reseau|connexion|capteurs?|sondes?|compteurs?|jauges?|enregistreurs?) ([a-z']+ ){0,3}(fails|failed|drops? out|dropped out|cuts? out|breaks down|broke down|goes (down|offline|dead|dark|silent)|went (down|offline|dead|dark|silent)|stops? (sending|reporting|working)|dies|tombe en panne|tombent en panne|lache|lachent|ne remonte plus|ne remontent plus|n'envoie plus|n'envoient plus|s'arrete|s'arretent)\b/;
/** A sensor that freezes, sticks or sends garbage: readings no model should trust as they are. */
const FAULTY_SENSOR = / (sensors?|probes?|gauges?|meters?|stations?|capteurs?|sondes?|compteurs?|jauges?) ([a-z']+ ){0,3}(freezes?|frozen|gets stuck|is stuck|stuck|drops? to zero|reads? zero|gets clogged|is clogged|clogged|tombe a zero|est bouchee?|bouchee?|encrassee?|sends? garbage|sends? junk|sends? nonsense|outputs? garbage|glitch(es)?|goes haywire|reads? wrong|gele|gelent|bloque|bloquent|fige|figent|envoie n'importe quoi|envoient n'importe quoi|deraille|deraillent|affiche n'importe quoi)\b| (garbage|junk|absurd|impossible|aberrantes?|absurdes?) (readings|values|measurements|valeurs|mesures|releves)\b/;
const GAPS_IN_THE_DATA = / (data|logs?|readings|records|series|measurements|releves|donnees|journaux|mesures) (have|has|show|shows|contain|contains|ont|a|contiennent|presentent) (some |des |quelques |a few |big |long |de longs |de gros )?(gaps|holes|trous|lacunes)\b| (gaps?|holes?|trous?|lacunes?) (of|de|d') (several|a few|many|plusieurs|quelques|\d+) (hours|days|weeks|months|heures|jours|semaines|mois)\b| (interpolate|interpolating|interpoler|interpole) ([a-z']+ ){0,3}(over|across|between|them|the gaps|les trous|dessus|entre)\b| (il )?manque (des |plusieurs |quelques )?(heures|jours|semaines|mesures|valeurs|releves|lignes)( entieres?)?\b| (hours|days|weeks|readings|values|rows) (are |were )?missing\b| (gaps?|holes?|blanks?|trous?|lacunes?) (in|dans) (the |our |my |its |their |les |nos |mes |ses |leurs )?(data|dataset|readings|records|series|time series|logs|measurements|donnees|releves|series|mesures|historiques?|journaux)\b| (leaving|leaves|left|leave|leaving us with|laissant|laisse|laissent) ([a-z']+ )?(gaps|holes|trous|lacunes)\b| (missing|manquantes?) (values|readings|days|hours|data|records|measurements|valeurs|releves|jours|heures|donnees|mesures)\b/;
const PASTES_EVERYTHING = / (paste|pasting|copy|copying|put|putting|stuff|stuffing|dump|dumping|send|sending|include|including|give|giving|feed|feeding|coller|copier|recopier|mettre|envoyer|inclure|balancer|donner|fournir) (it |him |lui |leur )?(all|every|the whole|the entire|whole|entire|all of|tous|toutes|tout|toute|l'integralite|l'ensemble)( the| our| my| of| de| des| nos| mes| les| le| la)* ([a-z0-9']+ ){0,4}(in|into|to|dans|au|a) (the |a |one |each |every |le |un |chaque )?([a-z']+ )?(prompt|prompts|context|contexte|context window|fenetre de contexte|model|modele|llm|conversation|chat|discussion)\b/;

/**
 * "It returns a VAT number that is not on the invoice", « il cite un article qui n'existe dans aucun de nos contrats »:
 * a value given that the source does not hold.
 */
function tellsOfAMadeUpValue(question: string): boolean {
  const text = plainQuestion(question);
  const gives = / (returns?|returned|gives?|gave|outputs?|lists?|listed|mentions?|mentioned|includes?|included|shows?|showed|produces?|produced|generates?|generated|spits? out|comes? back with|extracts?|extracted|pulls? out|writes?|wrote|adds?|added|inserts?|inserted|ajoute|ajoutait|insere|invents?|invented|makes? up|made up|comes? up with|quotes?|cites?|puts?|fills? in|says|said|claims?|claimed|answers?|answered|states?|stated|replies|replied|tells|told|names?|named|renvoie|renvoyait|donne|invente|sort|ecrit|cite|met|remplit|produit|fabrique|repond|repondu|affirme|affirmait|annonce|dit|indique|propose|nomme)\b/;
  const notInTheSource = / (that|which|who|qui|que) ([a-z']+ ){0,3}(is not|isn't|are not|aren't|does not|doesn't|do not|don't|never|nowhere|n'est|ne sont|n'apparait|n'apparaissent|n'existe|n'existent|ne figure|ne figurent|ne se trouve|nulle part|pas)\b[^?]* (in|on|anywhere in|dans|sur|de) (the|our|any|its|le|la|les|l'|notre|nos|aucun|aucune|ce|cette|ces)\b/;
  const source = / (invoices?|e ?mails?|emails?|documents?|docs|sources?|texts?|pages?|pdfs?|contracts?|letters?|tickets?|logs?|notes|records?|registers?|transcriptions?|transcripts?|database|manuals?|files?|courriels?|factures?|contrats?|lettres?|textes?|fichiers?|base|manuels?|notices?|comptes rendus|rapports?|reports?|forms?|formulaires?|actes?|registres?|fiches?|sheets?|datasheets?|memos?|archives?|notices?|specs?|passages?|chunks?|extraits?|morceaux|segments?|context|contexte|results|resultats|logbooks?|notebooks?|carnets?|bulletins?|rulebooks?|reglements?|circulaires?)\b/;
  // "My script writes rows that are not in the database": a bug in code, no model's invention.
  // (A discount or postal code is data: "code" alone counts when it is the learner's own.)
  const code = / (script|function|query|sql|program|job|bug|fonction|requete|programme)\b| (my|our|the|this|mon|notre|le|ce) code\b/;
  if (code.test(text)) return false;
  // "What if it makes stuff up?", « il invente des dates »; "says he served in the Navy when the form says nothing like that".
  // "The model keeps inventing a remediation deadline": whatever it invents.
  if (A_MODEL_MAKES_UP_SOMETHING.test(text)) return true;
  if (MAKES_THINGS_UP.test(text) || SOURCE_SAYS_NOTHING.test(text) || DOES_NOT_EXIST.test(text) || A_MODEL_INVENTS.test(text) || INVENTED_THING.test(text) || NAMED_FROM_NO_SOURCE.test(text)) return true;
  // "... a rodenticide that the technician never mentioned in the note": a value no one wrote.
  if (gives.test(text) && / (that|which|qui|que) (the |le |la |l')?([a-z']+ ){0,2}(never|jamais|didn'?t|did not|n'a jamais|n'a pas) (mentioned|mention|said|say|wrote|write|noted|note|mentionne|dit|ecrit|note)\b/.test(text)) return true;
  // "... adds a species nobody mentioned", « une espèce que personne n'a citée ».
  if (gives.test(text) && / (nobody|no one|no body|personne n'a|personne n'avait) (ever |jamais )?(mentioned|said|wrote|saw|noted|reported|asked for|mentionne|mentionnee|dit|ecrit|vu|vue|note|notee|signale|signalee|cite|citee)\b/.test(text)) return true;
  return gives.test(text) && notInTheSource.test(text) && source.test(text);
}

/**
 * "When I run the same form twice I get different obituaries", « deux entraînements identiques ne donnent pas le même
 * score »: outputs that vary for the same input, from sampling (a generated text) or from randomness in training.
 */
function varyingOutputs(question: string): string | undefined {
  const text = plainQuestion(question);
  const sameTwice = / (same|identical|exact same) ([a-z']+ ){0,3}(twice|again|two times|several times|more than once)\b| (twice|two times|several times) (with |on |for )?(the )?(same|identical)\b| (meme|memes|identique|identiques) ([a-z']+ ){0,3}(deux fois|plusieurs fois|a nouveau|encore)\b| (deux fois|plusieurs fois) (de suite |d'affilee )?(la meme|le meme|les memes)\b| (run|ask|send|give|generate|regenerate|relance|relancer|relancant|pose|poser|reposant|envoie|envoyer)s? ([a-z']+ ){0,5}(twice|again|deux fois|a nouveau)\b/;
  const differs = / (different|differently|differ|differs|varies|vary|varying|changes|not the same|another|differente?s?|change|changent|varie|varient|(pas|jamais|plus) (la|le|les) memes?|autre)\b/;
  // "A different number each time I ask", « une réponse différente à chaque fois »: the same question asked again.
  const eachTime = / (a |an |une |un )?(different|another|new|differente?|autre|nouvelle?) (number|answer|result|value|count|figure|total|reply|output|chiffre|reponse|resultat|valeur|nombre|total|sortie) (each|every) (time|run)\b| (different|another|new|differente?|autre|nouvelle?) (number|answer|result|value|count|figure|total|reply|output|chiffre|reponse|resultat|valeur|nombre|sortie) a chaque (fois|essai|appel)\b| (changes?|varies|change|varie) (each|every) time (i|we) (ask|run|call|try)\b| (change|varie) a chaque (fois|essai|appel)\b/;
  if (eachTime.test(text)) return / (train|training|trained|retrain|entrainement|entraine|entrainer)\b/.test(text) ? 'random-seed' : 'temperature';
  if (!sameTwice.test(text) || !differs.test(text)) return undefined;
  return / (train|training|trained|retrain|accuracy|score|scores|loss|epoch|weights|entrainement|entraine|entrainer|exactitude|perte|poids)\b/.test(text) ? 'random-seed' : 'temperature';
}

/** "A reference to a report that does not exist", « un article de loi qui n'existe pas »: a citation made up. */
/** "Names a person who isn't in any newsletter", « donne un nom qui n'est dans aucun bulletin »: said from no source. */
const NAMED_FROM_NO_SOURCE = / (names?|gives?|cites?|quotes?|returns?|mentions?|nomme|donne|cite|renvoie|mentionne) (a |an |the |un |une |le |la )?([a-z0-9'-]+ ){0,3}(who|that|which|qui|que) (isn'?t|is not|aren'?t|are not|wasn'?t|was not|doesn'?t appear|does not appear|never appears|n'est|ne figure|n'apparait|n'existe)( [a-z']+){0,2} (in|dans) (any|none of|aucun|aucune)\b/;
const DOES_NOT_EXIST = / (references?|citations?|sources?|articles?|rules?|regles?|reports?|rapports?|papers?|studies|study|etudes?|urls?|links?|liens?|laws?|lois?|cases?|arrets?|numbers?|numeros?|subsections?|sections?|paragraphs?|paragraphes?) ([a-z0-9'.()]+ ){0,3}(that|which|qui) (don'?t|doesn'?t|does not|do not|never) exist| (references?|citations?|sources?|articles?|rules?|regles?|reports?|rapports?|papers?|etudes?|liens?|lois?|arrets?|decisions?|numeros?|paragraphes?|fonctions?) ([a-z0-9'.()]+ ){0,3}qui n'(existe|existent) pas\b| (non existent|nonexistent|inexistante?s?|fictives?|fake) (references?|citations?|sources?|articles?|rules?|regles?|reports?|rapports?|papers?|laws?|lois?)\b/;

/**
 * "What if the model just makes up a washing instruction?", « si le modèle invente une référence » : a model that
 * invents, whatever it invents; not "the rare class makes up a small share" nor « inventé par Rosenblatt ».
 */
const A_MODEL_INVENTS = / (model|it|llm|assistant|bot|chatbot|gpt|ai|ia|modele|il|elle) (just |simply |sometimes |often |still |confidently |happily |might |could |will |would |may |can |ever |parfois |souvent |encore |meme |simplement |tranquillement |peut |pourrait |va )*(makes?|made|making) up (a|an|some|the|its own|his own|new|fake) (?!(small|large|tiny|big|huge|fair|good|significant|fraction|share|part|portion|percentage|third|quarter|half|majority|minority|proportion|bulk)\b)| (model|it|llm|assistant|bot|chatbot|gpt|ai|modele|il|elle|ia) (just |simply |sometimes |often |still |confidently |happily |might |could |will |would |may |can |ever |parfois |souvent |encore |meme |simplement |tranquillement |peut |pourrait |va |se met a |risque d' |risque de )*(l'|le |la |les )?(invente|inventer|inventait|inventera|invents|invented|fabricates|fabricated|hallucine|hallucines|hallucinate|hallucinates|hallucinated) (?!par |by )/;
/** « une référence inventée », "a made-up part number", "fabricated figures": what a model wrote without a source. */
const INVENTED_THING = / (references?|numbers?|numeros?|figures?|chiffres?|values?|valeurs?|dates?|names?|noms?|quotes?|citations?|facts?|faits?|details?|instructions?|codes?|prices?|prix|amounts?|montants?|answers?|reponses?|informations?|steps?|etapes?) (inventee?s?|fictives?|bidons?|fabricated|invented)\b| (made up|invented|fabricated|fake|bogus) (references?|part numbers?|numbers?|figures?|values?|dates?|names?|quotes?|citations?|facts?|details?|instructions?|codes?|prices?|amounts?|answers?|steps?)\b/;

const MAKES_THINGS_UP = / (makes?|making|made) (stuff|things|something|facts|details|it all|things|names|numbers|quotes|sources|references) up\b| (makes?|making|made) up (a |an |some |the )?([a-z]+ )?(count|number|figure|date|name|price|amount|value|reference|quote|citation|fact|detail|answer|measurement|size)s?\b| (makes?|making|made) up (stuff|things|facts|details|names|dates|numbers|quotes|sources|references|an answer|answers)\b| (invents?|inventing|invented|fabricates?|fabricating|fabricated) (some |whole |entire |fake )?(stuff|things|facts|details|names|dates|numbers|figures|quotes|sources|references|citations)\b| (invents?|inventing|invented|fabricates?|fabricating|fabricated) (a|an|fake|false) ([a-z]+ )?(rule|answer|fact|name|date|number|value|reference|source|law|regulation|policy|figure|detail|measurement|person|quote|citation|procedure|price|step)s?\b| (invente|inventer|inventent|fabrique|fabriquent) (parfois |souvent |meme |carrement |aussi )?(des |un |une |de fausses |de faux )?(choses|faits|details|noms|dates|chiffres|numeros|references|sources|citations|informations|souvenirs|regles?|reponses?|articles?|mesures?|valeurs?|prix|lois?|procedures?|personnes?)\b| raconte n'importe quoi\b/;
/** "The model keeps inventing a deadline", « l'assistant invente une date »: a model or assistant making up any value. */
const A_MODEL_MAKES_UP_SOMETHING = / (model|llm|it|assistant|bot|chatbot|gpt|modele|il|elle|l'assistant) (keeps |sometimes |often |always |still |just |then |continue d'|continue a |parfois |souvent |toujours )?(inventing|invents|invented|fabricates|fabricated|fabricating|makes up|made up|making up|invente|inventait|a invente|fabrique) (a|an|some|fake|false|its own|un|une|des|de faux|de fausses)\b/;
/** "... when the form says nothing like that", « alors que le formulaire n'en dit rien »: written without a source. */
const SOURCE_SAYS_NOTHING = / (alors que|while|whereas|although|even though|but) (la |le |les |l'|the |our |notre |nos )?(notice|fiche|document|manuel|contrat|source|page|manual|sheet|contract|datasheet|policy|email|e mail|mail|courriel) ([a-z']+ ){0,3}(dit|indique|precise|affiche|mentionne|says|states|shows|gives|lists|clearly says|dit clairement|indique clairement)\b| (lists?|listed|adds?|added|gives?|gave|returns?|returned|includes?|included|writes?|wrote|puts?|invents?|ajoute|liste|donne|renvoie|met|indique|inclut)\b[^.?!]{0,60} (never|jamais) (mentioned|mentions|asked for|wrote|said|says|mentionne|mentionnee?s?|demande|demandee?s?|ecrit|dit)\b| (que|qu'|which|that) ([a-z']+ ){0,3}(n'a|n'ont|n'avait|n'avaient|never|did not|didn't|has not|hasn't|have not|haven't) (jamais |ever |even )?(mentionnee?s?|mentioned|ecrite?s?|wrote|written|demandee?s?|asked for|cite|citee?s?|listed|listee?s?)\b| (n'apparait|n'apparaissent|ne figure|ne figurent|n'est ecrite?|n'est mentionnee?) nulle part\b| (appears?|is|are) nowhere in\b| (isn't|is not|aren't|are not) anywhere in (the|my|our|its)\b| (when|while|but|whereas|although|even though) (the |our |my )?(form|document|email|e mail|source|sources|input|text|record|file|notes|invoice|report|prompt|context|ticket|message|letter|transcript|call|article|page|contract|policy|manual) (says|said|has|had|contains|contained|mentions|mentioned) (nothing|no such thing)\b| (when|while|but|whereas|although|even though) (the |our |my )?(form|document|email|e mail|source|sources|input|text|record|file|notes|invoice|report|prompt|context|ticket|message|letter|transcript|call|article|page|contract|policy|manual) (does not|doesn't|did not|didn't|never) (says?|mentions?|contains?|includes?)\b| alors que (le |la |les |l'|notre |nos )?(formulaire|document|courriel|mail|source|sources|texte|fiche|dossier|facture|rapport|prompt|contexte|ticket|message|lettre|article|page|contrat|reglement|manuel|compte rendu) (n'en dit rien|ne dit rien|ne mentionne rien|ne mentionne pas|ne contient rien|ne contient pas|n'en parle pas|ne parle pas)/;

/**
 * « Si le fournisseur change de version du modèle... », "when OpenAI updates the model behind the API": a language model
 * called as a service changes under the application.
 */
function changesTheModelsVersion(question: string): boolean {
  const text = plainQuestion(question);
  const versionOfTheModel = / (new |nouvelle |another |autre |next |prochaine |latest |derniere )?(version|versions|update|updates|upgrade|mise a jour|mises a jour) (of |du |de |d'|to )(the |their |its |leur |son |l'|la )?(model|modele|llm|api|gpt)\b| (model|llm|api|gpt) (version|update|upgrade)s?\b| (change|changes|changent|changer|switch|switches) (de |of )?(version|model|modele)\b| (updates?|upgrades?|changes?|replaces?|swaps?|retires?|met a jour|remplace) (the |their |its |le |leur |son )?(underlying )?(model|modele|llm)\b/;
  const provider = / (provider|providers|vendor|openai|anthropic|mistral|google|fournisseur|fournisseurs|editeur|api)\b/;
  return versionOfTheModel.test(text) && (provider.test(text) || CHANGING.test(text) || /\b(overnight|du jour au lendemain|silently|sans prevenir)\b/.test(text));
}

/**
 * « Si les éditeurs changent leur façon d'écrire les résumés, tout s'effondre ? », "what if customers' habits
 * change?": the data the model will meet drifting from what it learnt on.
 */
/**
 * "What if it makes up a dose?", « si l'assistant invente une contre-indication », "enough to stop it making up a
 * deferral period?": a failure feared, not one seen.
 */
export function worriesItMightHappen(question: string): boolean {
  return FEARED_FAILURE.test(plainQuestion(question));
}

const FEARED_FAILURE = / (if|what if|et si|si|in case|au cas ou) (the |l'|le |la |it |il |elle |our |notre |my |mon |ma |a |an |un |une )?([a-z']+ ){0,2}(invents?|invente|inventait|makes? up|made up|hallucinates?|hallucine|hallucinait|gets? ([a-z]+ )?wrong|se trompe|se trompait|gives? ([a-z]+ )?wrong|donne (une |un )?(mauvaise|mauvais|fausse|faux))\b| (stop|prevent|keep) (it|them|the model|the assistant|the bot) (from )?(making (things |stuff )?up|inventing|hallucinating)\b| (l'|les )?(empecher|empeche) d'(inventer|halluciner)\b/;

export function worriesAboutChangingData(question: string): boolean {
  const text = plainQuestion(question);
  // "What if people behave differently next season?", « si on change l'éclairage de l'atelier, tout est à refaire ? »:
  // a change to come, told as a worry.
  if (FEARS.test(text) && / (if|when|what if|si|quand|et si) ([a-z']+ ){0,7}(change|changes|changed|changent|changeons|changez|changer|evolue|evoluent|shift|shifts|replace|replaces|remplace|remplacent|remplacons|switch|switches|swap|upgrade|move to|behave differently|act differently|se comportent autrement|differemment|autrement)\b/.test(text)) return true;
  // "Sounds fragile, the geology changes every few hundred metres": conditions that keep changing, told as a worry.
  if ((FEARS.test(text) || / (cope|handle|deal) with (that|this|it)\b| (s'adapter|suivre)\b/.test(text)) && / (changes?|changing|varies|vary|varying|shifts?|changent|change|varie|varient|evolue|evoluent) (every|all the time|constantly|a lot|often|from one|tout le temps|souvent|beaucoup|sans cesse|constamment|d'un|d'une|selon)\b/.test(text)) return true;
  // "Will a model trained on last summer even work next summer?": whether it lasts into a season to come.
  if (/ (trained|built|fit|entraine|appris) (on|sur) (last|l'|the previous|la derniere|le dernier) ?([a-z']+ ){0,2}(summer|winter|season|year|ete|hiver|saison|annee|an)\b/.test(text) && / (work|still work|hold|marcher|fonctionner|tenir|valoir)\b/.test(text)) return true;
  // "What if we get a heatwave like nothing in the history?", « une crue jamais vue »: conditions the data never held.
  if (/ (if|when|what if|si|quand|et si) ([a-z']+ ){0,8}(jamais vue?s?|never (been )?seen|unseen|unprecedented|inedite?s?|sans precedent|record|hors norme|like nothing in)\b/.test(text)) return true;
  // "How do I know the model will still work next winter, when the water gets harder?": whether it lasts into a season
  // or a year to come ("we can't know next winter's weather" asks for no such thing).
  if (/ (still|keep) (work|working|hold|holding|be (good|valid|accurate|reliable|right))| (encore|toujours) (marcher|fonctionner|valable|bon|juste)| (break|breaks|casser|cassera)\b/.test(text) && / (next|coming|following) (winter|summer|spring|autumn|fall|year|season|month)| (l'hiver|l'ete|l'automne|la saison|l'annee|l'an|le printemps|le mois) (prochaine?|suivante?|d'apres)| (gets?|getting|becomes?|turns?) (harder|softer|colder|warmer|hotter|drier|wetter|different)\b/.test(text)) return true;
  // "Won't it break when we install new door models?", « ça ne va pas casser avec les nouveaux modèles ? »
  if (BREAKS_OR_LASTS.test(text) && (CHANGING.test(text) || / (unusual|unusually|exceptional|exceptionally|record|abnormal|atypical|inhabituel|inhabituelle|exceptionnel|exceptionnelle|atypique)\b/.test(text))) return true;
  return / (if|when|once) (the |our |my |their |its )?([a-z']+ ){0,3}(data|inputs?|users?|customers?|clients?|habits?|behaviou?rs?|style|distribution|patterns?|publishers?|suppliers?|market|trends?|schedules?|timetables?|seasons?|weather|prices?|demand|products?|catalogu?e|rules|regulations?|sensors?|equipment|format|layout)( [a-z']+){0,2} (change|changes|changed|shift|shifts|evolve|evolves|drift|drifts)\b| (si|quand|lorsque) (les |le |la |l'|nos |mes |leurs |leur )?([a-z']+ ){0,3}(donnees|entrees|utilisateurs|clients|habitudes|comportements?|style|distribution|editeurs|fournisseurs|marche|tendances?|facon|horaires?|saisons?|meteo|prix|demande|produits|catalogue|regles|reglementation|capteurs|equipements?|format)( [a-z']+){0,3} (changent|change|changeait|evoluent|evolue|derivent|derive)\b| (la |le |les )?(meteo|donnees|habitudes|clients|horaires|prix|demande|marche) (change|changent|evolue|evoluent) (tout le temps|sans cesse|constamment|souvent|chaque (annee|saison|mois|semaine))| (the )?(weather|data|habits|customers|schedule|prices|demand|market) (changes?|shifts?|evolves?) (all the time|constantly|often|every (year|season|month|week))/.test(text);
}

/**
 * "Won't the model just break?", "will it still be valid?", « le modèle restera-t-il valable ? », « va-t-il casser ? »:
 * whether a model survives, asked...
 */
const BREAKS_OR_LASTS = / (become|becomes|go|goes|get|gets|devenir|deviendra|deviendront|devient) (obsolete|outdated|stale|useless|perime|perimee|depasse|depassee|caduc|caduque|inutile)\b| (won'?t|will|wouldn'?t|would|could|might|does|do) (it|this|that|the model|my model|the threshold|they|the predictions) (just |simply |then )?(break|fail|stop working|fall apart|degrade|drift|still (work|hold|be (valid|good|accurate|reliable|usable|any good)))\b| (va|vont|risque de|risquent de) (t il |t elle )?(casser|lacher|s'effondrer|ne plus (marcher|fonctionner|etre valable)|se degrader)\b| (restera|resteront|sera|seront) (t il |t elle |t ils |il |elle )?(encore |toujours )?(valable|valables|fiable|fiables|juste|justes)\b| (tiendra|tiendront) (t il |t elle |t ils )?le coup\b| (marchera|marcheront|fonctionnera|fonctionneront) (t il |t elle |t ils )?(encore|toujours)\b/;
/** ... with a change in what it sees: "the reefers change every week, different unit makes", « si je change de fournisseur ». */
const CHANGING = / (change|changes|changed|changing|switch|switches|swap|replace|replaced|replaces|different|new|newer|evolve|evolves|change|changent|changer|changeons|evolue|evoluent|remplace|remplacent|differents?|differentes?|nouveaux?|nouvelles?|nouvel|autre fournisseur|autres fournisseurs)\b/;

/** Words of a worry: "sounds fragile", "will it break?", « tout est à refaire ? ». */
const FEARS = / (fragile|risky|break|breaks|redo|start over|retrain|fall apart|still work|worried|worry|be wrong|go wrong|get worse|refaire|reentrainer|casser|s'effondre|tenir le coup|encore marcher|inquiet|inquiete|peur|se tromper|se degrader)\b/;

/** The entry for information from the answer slipping into training. */
const DATA_LEAKAGE_ID = 'data-leakage';

/** A feature, column or variable told with a score too good to be true. */
const SHUFFLED_BEFORE_SPLIT = / (shuffled?|shuffling|mixed|randomi[sz]ed|melange|melangees?|melanger|brasse) ([a-z'/]+ ){0,10}(split|splitting|train|test|decoupage|decouper|entrainement)\b| (split|splitting|decoupe|decoupees?|separe|separees?) ([a-z'/]+ ){0,4}(at random|randomly|au hasard|aleatoirement)\b/;
const TOO_GOOD = / (too good|suspiciously good|almost perfect|nearly perfect|trop beau|trop beaux|trop bon|trop bons|trop belle|presque parfaite?s?|incroyables?|suspects?)\b/;
const TOO_GOOD_WITH_A_FEATURE = / (features?|columns?|variables?|colonnes?|champs?|fields?) .*(almost perfect|nearly perfect|near perfect|too good to be true|suspiciously good|presque parfait|presque parfaite|trop beau pour etre vrai|trop bon pour etre vrai|feels? too good|seems? too good|(look|looks|are|is|get|gets|become|became) (amazing|incredible|spectacular|perfect|fantastic|unbelievable)|(deviennent|devient|sont|est) (incroyables?|spectaculaires?|parfaite?s?|excellente?s?|bluffante?s?))| (almost perfect|nearly perfect|presque parfaite?) .*(feature|column|variable|colonne)\b/;

/** "A feature that would leak the answer", « une variable qui fait fuiter la réponse », or one too good to be true. */
export function tellsOfLeakage(question: string): boolean {
  // "One feature makes the model almost perfect on the test set, feels too good to be true."
  if (TOO_GOOD_WITH_A_FEATURE.test(plainQuestion(question))) return true;
  return / (leak|leaks|leaking|leaked) (the |into (the )?)?(answer|target|label|labels|future|outcome|test)| (fuite|fuit|fuiter|fuient) (la |le |les |de la |du |des )?(reponse|cible|etiquette|etiquettes|futur|resultat|test)/.test(plainQuestion(question));
}

/** The entry for turning raw data into the inputs a model learns from. */
const FEATURE_ENGINEERING_ID = 'feature-engineering';

/**
 * « Un exemple de variable à construire à partir des courbes ? », "a feature I could build from the door timings?",
 * « je mets toutes les mesures directement en entrée du modèle ? »: making inputs out of raw data.
 */
export function asksForFeatures(question: string): boolean {
  const text = plainQuestion(question);
  // « Quelles variables je devrais calculer à partir des relevés ? », "what features should I compute from the readings?".
  if (/ (quelles|which|what) (variables|features|caracteristiques) ([a-z']+ ){0,3}(calculer|compute|build|create|construire|creer|extraire|extract|derive|tirer)\b/.test(text)) return true;
  // "An example of what the features would look like for one of our orders", « un exemple des variables pour un élève ».
  if (/ (example|examples|exemple|exemples) (of |of what |de |des |d'une? )?([a-z']+ ){0,4}(features?|variables?|caracteristiques?) ([a-z']+ ){0,6}(for|pour|from|with|avec|a partir) /.test(text)) return true;
  // "An example of a feature that might predict a failing injector", « une variable qui annoncerait la panne ».
  // "What one training row would look like for one of our units", « à quoi ressemblerait une ligne d'entraînement »: its columns.
  if (/ (training |example |one )?(row|rows|record)( of ([a-z]+ )?data)? (would |will |should )?(look|looks) like\b| (what|how) (would |does |should )?(a |one |each )?(training )?(row|record) (look|contain)| (a quoi )?(ressemble|ressemblerait|ressemblent) (une|chaque) (ligne|exemple) (d'entrainement|du jeu)?\b/.test(text)) return true;
  // (One "that would leak the answer" is an example of leakage.)
  if (/ (example|exemple) (of |d'|de )(a |an |une |un )?(feature|variable|caracteristique) (that|which|qui) /.test(text) && !/ (leak|leaks|leaking|fuite|fuiter|fuir)\b/.test(text)) return true;
  // "Do I just feed it the raw 5-second readings?", « je donne les mesures brutes telles quelles ? »: inputs to build.
  if (/ (feed|feeding|put|putting|use|using|give|giving|pass|passing) (in )?(every|each|all the|all our) (single )?([a-z-]+ )?(reading|measurement|value|sample|data point)s? (in )?as (a |its own |their own )?(column|feature|input)s?\b| (chaque|toutes les) (mesure|valeur|releve|lecture)s? ([a-z']+ ){0,2}(comme|en) (une )?(colonnes?|variables?|entrees?)\b/.test(text)) return true;
  if (/ (feed|feeding|give|giving|pass|passing|use|using|put|input|donner|donne|utiliser|utilise|mettre|passer|fournir) ([a-z']+ ){0,3}(the )?raw ([a-z0-9']+ ){0,4}(readings|measurements|signals?|values|logs|samples|data)\b| (mesures|releves|signaux|valeurs|donnees) brut(e|es|s)? ([a-z']+ ){0,3}(telles quelles|tels quels|directement|au modele)\b| (donner|donne|utiliser|utilise|mettre|passer|fournir) ([a-z']+ ){0,3}(mesures|releves|signaux|valeurs) brut(e|es|s)?\b/.test(text)) return true;
  // "A reading every hour: how do I turn that into data for a model?", « comment je transforme ça en données pour un
  // modèle ? »: raw records made into a model's inputs.
  if (/ (turn|transform|convert|make|reshape) (that|this|it|them|these|those|the|my|our)\b[^?]{0,80}? into ([a-z']+ ){0,2}(data|inputs?|rows|columns|features|a table|something) (for|that) (a|the|my|our) (model|algorithm|classifier)\b| (turn|transform|convert|reshape|summari[sz]e|aggregate|collapse) (that|this|it|them|these|those|the|my|our)\b[^?]{0,80}? into (one |a single |a )?(rows?|columns|features|a table)\b| (resumer|agreger|ramener) ([a-z']+ ){0,4}en une (seule )?ligne par\b| (transforme|transformer|convertis|convertir|change|changer|mettre|mets|passer) (ca|cela|ces|les|mes|nos)\b[^?]{0,80}? en (donnees|entrees|lignes|colonnes|variables|un tableau|caracteristiques)\b/.test(text)) return true;
  return / (features?|variables?) (i|we|you) (could|can|should|might) (build|compute|make|extract|derive|create|engineer)\b| (build|compute|make|extract|derive|create|engineer) (a |some |useful |good |new )?(features?|variables?) (from|out of|with)\b| (variables?|caracteristiques?) (utiles? |concretes? |pertinentes? )?(a|pour) (construire|calculer|creer|tirer|extraire|fabriquer)\b| (variables?|caracteristiques?) (que|qu') ?(je|j'|nous|on|tu|vous) ?(pourrais|pourrait|pourrions|pourriez|peux|peut|pouvons|pouvez|devrais|dois) (construire|calculer|creer|tirer|extraire|fabriquer)\b| (construire|calculer|creer|tirer|extraire|fabriquer) (une |des |de nouvelles )?(variables?|caracteristiques?) (a partir|depuis|avec)\b| (quelles?|which|what) (features?|variables?|caracteristiques?|inputs?) (devrais|dois|pourrais|pourrait|peux|peut|faut il|should|could|can|would|do) (je |j' |on |nous |i |we )?(construire|calculer|creer|extraire|tirer|fabriquer|utiliser|build|compute|create|extract|derive|engineer|use|make)\b| (feed|give|pass|put) (it |them |all (of )?(it|them|the [a-z]+) )(all )?(directly|straight|as is|raw)\b| (mets?|mettre|donne|donner|passe|passer)( (les|toutes|tous|ces|mes|nos))*( (mesures|donnees|valeurs|lectures|releves))?( [a-z']+){0,2} (directement|telles quelles|tels quels|brutes?) (en entree|dans le modele|au modele)/.test(text);
}

/**
 * "Bursts depend a lot on frost", « les ventes changent avec la météo, les vacances et les jours fériés »: what is
 * predicted moves with outside factors, which become inputs (the calendar is known ahead, the weather forecast).
 */
export function dependsOnOutsideFactors(question: string): boolean {
  // « Les valeurs changent beaucoup entre le jour et la nuit et entre l'été et l'hiver »: cycles to give as inputs.
  if (/ (entre|between) (le |la |l')?(jour|day|ete|summer|semaine|weekdays?) (et|and) (la |le |l')?(nuit|night|hiver|winter|week end|weekends?)\b/.test(plainQuestion(question))) return true;
  // "Flow changes a lot between a hot July afternoon and a January night."
  if (/ (changes?|varies|vary|differs?|swings?|change|changent|varie|varient) (a lot |so much |much |hugely |beaucoup |enormement |fortement )?(between|entre) [^?]*\b(night|winter|summer|morning|evening|weekend|season|nuit|hiver|ete|matin|soir|week end|saison)s?\b/.test(plainQuestion(question))) return true;
  return / (depends?|depending|dependent|vary|varies|varying|changes?|moves?|swings?|depend|dependent|varie|varient|change|changent|bouge|bougent|evolue|evoluent) (a lot |heavily |mostly |strongly |beaucoup |fortement |surtout |enormement )?(on|with|avec|de|du|des|selon|suivant|en fonction d[eu']s?) ([a-z']+ ){0,4}(weather|frost|temperatures?|rain|holidays?|seasons?|promotions?|events?|calendar|day of the week|meteo|gel|pluie|vacances|jours? feries|saisons?|evenements?|calendrier|jour de la semaine)\b/.test(plainQuestion(question));
}

/** The entry for the two errors a classifier makes and what each costs. */
export const PRECISION_AND_RECALL_ID = 'precision-and-recall';

/**
 * « Si le modèle se trompe une seule nuit, c'est toute une récolte de perdue », "if it misses one burst, a street
 * floods": what one error costs, which sets how precision and recall are weighed.
 */
export function tellsWhatAMissCosts(question: string): boolean {
  const text = plainQuestion(question);
  const errs = / (it|the model|my model|we|il|le modele|mon modele|on) ([a-z']+ ){0,2}(misses|missed|miss|gets it wrong|is wrong|gets one wrong|fails to (flag|catch|warn|detect)|se trompe|rate|manque|loupe|passe a cote)\b/.test(text);
  const costs = / (lose|loses|lost|losing|cost|costs|ruin|ruined|dies|die|dead|accident|injur[a-z]*|flood[a-z]*|disaster|trapped|drown[a-z]*|coince|coinces|coincee|coincees|noye|noyes|perdu|perdue|perdus|perdues|perte|pertes|coute|coutent|catastrophe|accident|blesse|mort|ruine)\b/.test(text);
  return errs && costs;
}

/** The entry for how many examples a model needs. */
const TRAINING_SET_SIZE_ID = 'training-set-size';

/**
 * « Je n'ai que 300 images annotées, est-ce suffisant ? », "is a few thousand customers enough data?", « on n'a que 400
 * meules notées par an », "how much data do I need?": whether there are examples enough. A count is needed: "is two
 * years of data enough?" after forecasting asks about the forecast's limits.
 */
/** "Is that enough?", « est-ce suffisant ? », « ça suffit ? ». */
const ASKS_IF_ENOUGH = / (enough|sufficient)\b| (suffisant|suffisante|suffisants|suffisantes|suffit|suffisent)\b| assez (de |d')(donnees|exemples|mesures|lignes|historique|releves)\b| (est ce|c'est|ce sera|ca fait) assez\b/;

/** "Sounds risky", « ça me paraît risqué »: a doubt about whether what the learner has will do. */
const SEEMS_RISKY = / (risky|shaky|fragile|risque|risquee|juste|leger|legere)\b/;

export const GOLDEN_TEST_SET_ID = 'golden-test-set';
/** A few passages retrieved for a question about all of them: "top 5 chunks... list every", « 5 extraits... tous les ». */
const TOP_K_FOR_EVERY = / (top ?\d+|\d+ (retrieved )?(chunks|passages|results|morceaux|extraits|segments))\b[^?]*\b(every|all the|each|list all|count|how many|tous les|toutes les|chaque|lister|combien)\b|\b(every|all the|list all|count|how many|tous les|toutes les|lister|combien)\b[^?]*\b(top ?\d+|\d+ (retrieved )?(chunks|passages|results|morceaux|extraits|segments))\b/;
/** "Is top-3 retrieval really enough...?", « les 5 meilleurs passages suffisent-ils ? »: a few passages for a wide question. */
const TOP_K_ENOUGH = / (top ?\d+|\d+ (meilleurs )?(chunks|passages|results|morceaux|extraits|segments))\b([a-z ]{0,30})? (really |vraiment )?(enough|sufficient|suffi[a-z]*|assez)\b/;
/** "I forgot to write down the temperature", « j'ai oublié de noter la température ». */
const FORGOT_TO_RECORD = / (forgot|forget|forgotten|missed|oublie|oublier|oubliais|oublions) (to |de |d')?(record|note|log|write down|measure|take|noter|relever|mesurer|enregistrer|saisir|prendre)\b/;
/** "Checking 200 reports by hand", « vérifier 150 fiches à la main »: outputs checked to judge a model. */
const CHECKED_BY_HAND = / (check|checking|checked|verify|verifying|review|reviewing|verifier|relire|controler) (\d+|a few|some|a hundred|quelques|une? (vingtaine|cinquantaine|centaine) d[e'])( [a-z']+){0,2} (by hand|manually|a la main|manuellement)\b/;
const MULTILINGUAL_MODEL_ID = 'multilingual-model';
const GLOBAL_VS_LOCAL_ID = 'global-vs-local-model';
/** "Put all three in the same model", « un seul modèle pour tous les sites », "one model per site". */
const ONE_MODEL_FOR_ALL = / (in|into|with) (the same|one|a single|one single) model\b| (one|a single|one single|separate) models? (for|per) (all|every|each)\b| dans (le meme|un seul|un meme) modele\b| un (seul )?modele (pour tous|pour toutes|pour chaque|par)\b| des modeles separes\b/;
/** "Summary features instead of the raw numbers", « résumer mes relevés horaires en quelques variables ». */
const SUMMARY_FEATURES = / summary (features|statistics|columns)\b| (summari[sz]e|aggregate) ([a-z']+ ){0,3}(readings|measurements|measures|data points|logs)\b| (resumer|agreger) ([a-z']+ ){0,3}(mesures|releves|donnees)\b/;
const FEATURE_IMPORTANCE_ID = 'feature-importance';
/** "The same 2k time no matter what sleep hours I put in", « la même valeur quelle que soit la température ». */
const SAME_WHATEVER_THE_INPUT = / (same|identical|similar) ([a-z0-9' ]+ )?(no matter (what|how|which)|whatever|regardless of)\b| (barely|hardly|never) (changes?|moves?|budges?) ([a-z0-9' ]+ )?(when|if|whatever|no matter)\b| (meme|memes|identique|identiques|pareille?s?) ([a-z0-9' ]+ )?(quel que soit|quelle que soit|quels que soient|quelles que soient|peu importe)\b/;
const LANGUAGE_NAMES = / (french|english|german|spanish|italian|dutch|portuguese|arabic|chinese|japanese|russian|polish|breton|basque|catalan|occitan|francais|anglais|allemand|espagnol|italien|neerlandais|portugais|arabe|chinois|japonais|russe|polonais|basque|catalan)\b/g;

/** "Our logbooks mix French, German and English", « des rapports en français et en allemand »: two languages or more. */
function namesSeveralLanguages(plain: string): boolean {
  return new Set(plain.match(LANGUAGE_NAMES) ?? []).size >= 2 && / (mix|mixes|mixed|both|several|multiple|and|et|melangent|melange|plusieurs|deux langues)\b/.test(plain);
}
const FEATURE_AGGREGATION_ID = 'feature-aggregation';
/** "One row per bag", « dans une seule ligne »: many records to bring down to one line per item. */
const ONE_ROW_PER_ITEM = / (into|in|to|as|get|make|have|need|want) (a single|one single|one|a) (row|line)s?( per| for each| for every| for one)?\b| (une seule|en une|dans une|sur une|une) ligne (par|pour chaque|pour un|pour une)\b| (dans|en|sur|tenir (dans|sur)) une seule ligne\b/;
/** "Feed all the 10-minute readings straight into the model", « donner toutes les mesures brutes au modèle ». */
const ALL_READINGS_INTO_THE_MODEL = / (feed|put|give|throw|pass|dump|send|use) (all|every one of|each of|the whole|the raw)( of)? (the |my |our |those |these )?([a-z0-9-]+ ){0,2}(readings|measurements|measures|data points|values|samples|logs|series)( [a-z0-9-]+){0,2} (straight |directly |as is |raw )?(into|to|in) (the|my|a|our) (model|network|forest|algorithm)\b| (donner|mettre|passer|envoyer|injecter|balancer|fournir) (toutes|tous|l'ensemble des?) (les |mes |nos |ces )?([a-z0-9-]+ ){0,2}(mesures|releves|valeurs|donnees brutes|points)( [a-z0-9-]+){0,2} (directement |telles quelles |brutes )?(au|dans le|a mon|a notre) (modele|reseau|algorithme)\b/;
/** "50 questions", « une trentaine de questions de test »: the size of a set of test questions. */
const TEST_QUESTIONS_COUNTED = /[ '](\d+|a few|a couple of|dozens? of|hundreds? of|twenty|thirty|forty|fifty|a hundred|quelques|une? (vingtaine|trentaine|quarantaine|cinquantaine|centaine) de|dizaines? de|centaines? de|vingt|trente|quarante|cinquante|cent) ([a-z']+ )?(questions|test cases|cas de test|test questions|questions de test|test prompts)\b/;

export function asksAboutDataQuantity(question: string): boolean {
  const text = plainQuestion(question);
  // ("Is a year of data really enough?": a stretch of time counts the data too.)
  const counted = / (a|one|two|three|four|five|six|\d+|un|une|deux|trois|quatre|cinq|six) (full )?(years?|months?|seasons?|weeks?|ans?|annees?|mois|saisons?|semaines?) (of|de|d') ?(data|history|readings|logs|records|donnees|historique|mesures|releves)\b|\d\d| a few | several | hundreds? | thousands? | dozens? | quelques | plusieurs | centaines? | milliers? | dizaines? | (vingt|trent|quarant|cinquant|soixant)aines? | douzaines? | (only|just|seulement|n'?(ai|a|avons|avez|ont) que) (two|three|four|five|deux|trois|quatre|cinq) /.test(text);
  const enough = / (enough|sufficient)\b| (assez|suffisant|suffisante|suffisants|suffisantes|suffit|suffisent)\b/.test(text) || (/ (only|just|barely|hardly|seulement|a peine|tout juste|n'?(ai|a|avons|avez|ont) (que|qu'une|qu'un)) ([a-z']+ ){0,2}(\d+|a few|a handful|several|hundreds?|thousands?|dozens?|two|three|four|five|deux|trois|quatre|cinq|quelques|plusieurs|centaines?|milliers?|dizaines?|une poignee|(vingt|trent|quarant|cinquant|soixant)aines?|douzaines?)\b/.test(text) && / (fragile|risky|shaky|risque|risquee|peu|few|little|small|petit|sens|sense|worth|vaut|enough|assez) /.test(text));
  const fewLabelled = / (only|just) (have )?(about |around |roughly )?(\d+|a few (hundred|thousand|dozen)) ([a-z']+ ){0,2}(labell?ed|annotated|scored|tagged|rated)\b| n'?(ai|a|avons|avez|ont) que (\d+|quelques (centaines|dizaines|milliers))( [a-z']+){0,3} (etiquete|annote|note|labellise|tague)e?s?\b/.test(text);
  const howMuch = / how (much|many) (data|examples|samples|images|rows|records|labels|labell?ed examples) (do|would|will|should) (i|we) need| combien (de donnees|d'exemples|d'images|de lignes|d'echantillons) (faut il|me faut il|il faut|dois je|faudrait il)/.test(text);
  return howMuch || fewLabelled || (counted && enough);
}

/**
 * "The same aircraft tail numbers show up in both train and test", « les mêmes patients dans l'entraînement et le test »:
 * linked rows on both sides of the split, a leak.
 */
export function tellsOfAGroupOnBothSides(question: string): boolean {
  // "I split my rows randomly, but each machine has hundreds of daily rows": one machine's rows on both sides.
  if (/ (split|shuffled?|divided?|separated?|decoupe|decoupees?|melange|melangees?|separe|separees?|reparti|reparties?)\b([a-z' ]*) (randomly|at random|au hasard|aleatoirement)\b/.test(plainQuestion(question)) && / (each|every|per|chaque|par) ([a-z']+ ){0,2}(has|have|a|ont|compte|comptent)? ?(hundreds|thousands|dozens|many|several|lots|des centaines|des milliers|des dizaines|plusieurs|beaucoup)\b/.test(plainQuestion(question))) return true;
  // « J'ai le même pigeon dans plusieurs lâchers. Si je mélange tout au hasard... »: one item's rows on both sides.
  if (/ (the same|le meme|la meme) ([a-z0-9']+ ){1,2}(in|dans|appears in|apparait dans|across|sur) (several|many|multiple|plusieurs|beaucoup de|de nombreux|de nombreuses)\b/.test(plainQuestion(question)) && SHUFFLES.test(plainQuestion(question))) return true;
  // "The same flue comes back every year", « le même conduit revient chaque année »: its rows on both sides of a random split.
  if (/ (the same|le meme|la meme|les memes) ([a-z0-9']+ ){1,2}(comes? back|returns?|reappears?|shows? up again|revient|reviennent|reapparait|reapparaissent|repasse|repassent) (every|each|chaque|tous les|toutes les)\b/.test(plainQuestion(question))) return true;
  return / (same|identical) ([a-z0-9']+ ){0,4}(in|on|across|show up in|appear in|are in) (both )?(the )?(train(ing)?( set)?|training data) and (the )?(test|validation)\b| (memes|meme) ([a-z0-9']+ ){0,4}(dans|des deux cotes|a la fois dans) (l'|le jeu d'|les donnees d')?(entrainement|apprentissage) et (le |la )?(test|validation)\b/.test(plainQuestion(question));
}

/**
 * "How would I know if it's getting better when I change the chunk size or the prompt?", « comment savoir si c'est
 * mieux quand je change le prompt ? »: whether a change helps, which a fixed set of test cases tells, whatever it names.
 */
export function asksWhetherAChangeHelps(question: string): boolean {
  return / (how|comment) ([a-z']+ ){0,3}(know|tell|see|savoir|voir|sais|saurai|saurais) (if |whether |si )?([a-z']+ ){0,3}(better|worse|improv|mieux|pire|meilleur|ameliore|degrade)[a-z]* ([a-z']+ ){0,3}(when|after|each time|every time|quand|apres|chaque fois|a chaque) ([a-z']+ ){0,3}(change|changes|changing|tweak|tweaks|edit|edits|modify|change|changer|modifie|modifier|touche|retouche)\b/.test(plainQuestion(question)) || GETS_BETTER.test(plainQuestion(question)) || MAKES_IT_BETTER.test(plainQuestion(question)) || CHANGES_IMPROVE.test(plainQuestion(question));
}

/** « savoir si mes changements améliorent vraiment les réponses », "know whether my tweaks improve the answers". */
const CHANGES_IMPROVE = / (know|tell|see|check|measure|savoir|voir|verifier|mesurer) (if|whether|si) ([a-z']+ ){0,2}(changes?|changements?|modifications?|tweaks?|edits?|reglages?) ([a-z']+ ){0,2}(improve|improves|help|helps|ameliore|ameliorent|aident)\b/;

/** "How can I measure whether my changes actually make the answers better?", « comment savoir si mes changements rendent les réponses meilleures ? ». */
const MAKES_IT_BETTER = / (how|comment) ([a-z']+ ){0,3}(measure|know|tell|see|check|mesurer|mesure|savoir|voir|verifier) (if|whether|si) ([a-z']+ ){0,4}(make|makes|made|rend|rendent|ont rendu) ([a-z']+ ){0,3}(better|worse|meilleur|meilleure|meilleures|meilleurs|pire|pires)\b/;

/** "How can I measure whether the assistant is getting better?", « comment je mesure si l'assistant s'améliore ? ». */
const GETS_BETTER = / (how|comment) ([a-z']+ ){0,3}(measure|know|tell|see|track|check|mesurer|mesure|savoir|voir|suivre|verifier|verifie) (if|whether|si) (the |my |our |l'|le |la |mon |ma |notre )?([a-z]+ )?(actually |really |vraiment )?(is (actually |really )?getting better|gets better|is (actually |really )?improving|improves|s'ameliore|progresse|fait mieux|devient meilleur)\b(?! (than|que|qu'))/;
/** "How will I know if the predictions are any good?", « comment savoir si les prévisions sont bonnes ? ». */
const RESULTS_ANY_GOOD = / (how|comment) ([a-z']+ ){0,4}(know|tell|judge|savoir|juger) (if|whether|si) (the |my |our |its |les |mes |nos |ses )?(predictions?|forecasts?|previsions?|predictions|results?|resultats?|estimates?|estimations?) (are|is|will be|sont|est|seront) (any good|good|ok|okay|reliable|accurate|right|fiables?|bonnes?|bons?|justes?|precises?)\b/;

/** The entry for setting data aside to validate and test a model. */
export const SPLIT_ID = 'train-validation-test-split';

/** "How should I split our barn data for validation?", « comment découper mes données pour tester ? ». */
export function asksHowToSplit(question: string): boolean {
  return / (split|splitting|divide|dividing|partition|partitioning|separate|separating) (up )?(our|my|the|their|this|these) ([a-z']+ ){0,3}(data|dataset|rows|records|examples|history|logs|readings)\b| (decouper|decoupe|diviser|divise|separer|separe|partager|couper|scinder) (nos|mes|les|ces|leurs|notre|mon|ma) ([a-z']+ ){0,3}(donnees|lignes|exemples|historique|releves|mesures|images)\b/.test(plainQuestion(question));
}

/**
 * "Predict 'fails in the next 2 hours, yes/no' or 'hours of life left'?", « oui/non, ou le nombre de jours avant la
 * panne ? »: two ways to frame the target, a class against a time until the event (survival analysis) or a quantity
 * (regression). The pair of entries that weighs them, or none.
 */
export function weighsYesNoAgainstAQuantity(question: string): readonly [string, string] | undefined {
  const text = plainQuestion(question);
  // "Why frame it as classification rather than forecasting the moisture itself?": a class against a number too.
  if (/ classification (rather than|instead of|or|vs|versus|plutot que|au lieu de|ou) (forecasting|regression|predicting the (value|number|amount|level)|la prevision|une prevision|la regression|une regression|predire la valeur)\b/.test(text)) return ['classification', 'regression'];
  if (!/ (yes no|yes or no|oui non|oui ou non|true false|vrai faux|a yes|a no|binary|binaire)\b/.test(text)) return undefined;
  if (/ (how long|time (left|until|to|before)|(hours?|days?|weeks?|months?|years?|cycles?) (of (life|use) )?(left|remaining|until|before|to)|remaining (useful )?life|life left|lifetime|duree de vie|temps (restant|avant|jusqu'a)|combien de temps|(heures?|jours?|semaines?|mois|annees?|cycles?) (de vie )?(restante?s?|avant|jusqu'a)|vie restante)\b/.test(text)) return ['binary-classification', 'survival-analysis'];
  if (/ (how (many|much)|a number|an amount|a quantity|a count|a score|combien|un nombre|une quantite|un montant|une valeur)\b/.test(text)) return ['classification', 'regression'];
  return undefined;
}

/** Documents cut into pieces for retrieval: "split the PDFs by section", « découper les fiches par nombre de mots ». */
const SPLITS_DOCUMENTS = / (split|cut|break|divide|decoupe|decouper|decoupes|coupe|couper|divise|diviser) (up )?(ca|cela|it|them|this|these|those|les|tout ca) (up )?(en|into) (des )?(morceaux|segments|bouts|chunks|pieces|passages|parts|parties|blocs|blocks)\b| (split|splitting|cut|cutting|chunk|chunking|break|breaking|divide|dividing|decoupe|decouper|decoupes|coupe|couper|divise|diviser|segmente|segmenter|tronconne|tronconner) (up )?(the |our |my |these |each |les |nos |mes |ces |chaque )?(pdfs?|documents?|docs|manuals?|pages|files|logs|notes|reports|contracts|sheets|datasheets|fiches|manuels|rapports|contrats|documents|textes|texts|articles|memos)( [a-z']+){0,2} (by|per|into|par|en|selon|suivant) /;
export const TIME_BASED_SPLIT_ID = 'time-based-split';
const LAG_FEATURE_ID = 'lag-feature';
/** "In time order", « dans l'ordre chronologique », "one row per day", « des relevés horaires »: rows that follow time. */
const ORDERED_IN_TIME = / \d+ ?(minute|min|second|sec|hour|hr)s? (readings|measurements|intervals|data|logs|rows|records)| (every|each) (\d+ )?(minutes?|seconds?|hours?|day|night|week)| toutes les (\d+ )?(minutes|secondes|heures)| (time order|chronological|in order of (date|time)|ordered by (date|time)|sorted by (date|time)|one (row|line|record) (per|a|each) (day|night|hour|week|month)|time series|ordre chronologique|dans l'ordre (des dates|du temps)|tries? par date|une ligne par (jour|nuit|heure|semaine|mois)|series? temporelles?|daily|hourly|nightly|weekly|quotidien(ne)?s?|horaires?|journalier(e)?s?|(my|our|all my|all our|all the|mes|nos|toutes mes|toutes nos|tous les|toutes les) (days|journees|jours|weeks|semaines)|follow (each other|one another) in time|se suivent dans le temps|ordered in time|over time)\b/;
/** "Shuffle them randomly", « les mélanger au hasard », "a random split". */
const SHUFFLES = / (shuffle|shuffled|shuffling|randomly|at random|random split|random sample|melanger|melange|melangees?|au hasard|aleatoirement|tirage aleatoire)\b/;

/** A situation a learner tells, the concept it is a case of, and what it asks of it when the question does not say. */
export interface Situation {
  readonly conceptId: string;
  /** What is answered when the question asks nothing more precise ("is that a problem?": why it matters). */
  readonly asks?: 'why' | 'remedy' | 'how' | 'limits';
  /** The learner's words name it ("a feature that would leak the answer"): the answer does not name it for them. */
  readonly named?: boolean;
  /** The learner stated a fact ("only 12% of batches die") rather than a symptom. */
  readonly stated?: boolean;
  /** The concept answers what the learner proposes ("shuffle them before splitting?"): it is no name for their idea. */
  readonly answersAProposal?: boolean;
}

export const HYBRID_SEARCH_ID = 'hybrid-search';
/** Exact codes a search must match letter for letter: part numbers, product references, serial numbers. */
export const NAMES_EXACT_CODES = / (part numbers?|product codes?|codes?|references?|serial numbers?|model numbers?|sku|skus|numeros? de pieces?|references? produits?|numeros? (de |d')[a-z]+|[a-z]{1,4}-?[0-9]{1,5})\b/;
/** "Exact numbers", « les chiffres exacts »: what a search by meaning alone may miss. */
const EXACT_WORDS = / (exact|precise|specific) (numbers?|figures?|values?|terms?|words?|names?|codes?|wording)\b| (chiffres?|valeurs?|termes?|mots?|numeros?|noms?) (exacts?|exactes?|precis|precises)\b/;

/** The passage names the thing otherwise: "the matching chunk only says", « la fiche ne l'appelle que ». */
const SAYS_IT_OTHERWISE = / (chunk|passage|page|section|paragraph|document|manual|catalogue|catalog|entry|segment|extrait|fiche|notice|manuel|texte|text) ([a-z']+ ){0,3}(only |just |seulement |que )?(says|calls it|call it|names it|lists it as|refers to it as|uses the code|has the code|l'appelle|le nomme|la nomme|le designe|la designe|ne dit que|dit seulement|ne mentionne que|porte seulement)\b/;

/** A search that brings something back: "the search returns", « le système remonte ». */
const SEARCH_BRINGS_BACK = /[ '](search|retrieval|retriever|system|assistant|bot|chatbot|index|recherche|systeme|moteur|outil|it|il) ([a-z']+ ){0,2}(answers with|replies with|responds with|repond avec|repond en citant|returns?|returned|brings? back|brought back|retrieves?|retrieved|pulls? up|pulled up|comes? back with|finds?|found|surfaces|remonte|remontent|ramene|ramenent|renvoie|renvoient|ressort|ressortent|retrouve|retrouvent|trouve|trouvent|sort)\b/;

/** Asked for one numbered thing, shown another: a search that brought something back, and two different numbers. */
/** The answer drew on an earlier year's document than the one asked for: every number of the question is a year. */
function bringsBackAnOldYear(plain: string): boolean {
  const numbers = new Set(plain.match(/\b\d+\b/g) ?? []);
  const years = [...numbers].every((number) => /^(19|20)\d\d$/.test(number));
  return numbers.size >= 2 && years && (SEARCH_BRINGS_BACK.test(plain) || / (quotes?|cites?|cite|citent) /.test(plain)) && / (instead of|rather than|not the|au lieu de|plutot que|pas celui|pas celle|et non)\b/.test(plain);
}

function bringsBackOtherNumbers(plain: string): boolean {
  return SEARCH_BRINGS_BACK.test(plain) && new Set(plain.match(/\b\d+\b/g) ?? []).size >= 2;
}

/** The situation the question tells of, among those above, if any. */
export function situationTold(question: string): Situation | undefined {
  const plain = plainQuestion(question);
  // « On demande le tronçon 14 en 2019 et le système remonte le tronçon 41 en 2021 »: numbers that meaning alone blurs,
  // before any figure of the question is read as a share of a class.
  // (« Il répond avec le règlement de 2019 au lieu de celui de 2024 »: years, an old version still in the index.)
  if (bringsBackAnOldYear(plain)) return { conceptId: INDEX_FRESHNESS_ID, asks: 'why' };
  if (bringsBackOtherNumbers(plain)) return { conceptId: HYBRID_SEARCH_ID, asks: 'why' };
  // « Que 11 vraies crues en 3 ans : est-ce suffisant pour entraîner quelque chose ? »: whether the data will do, rare
  // events or not.
  // « Je n'ai qu'une récolte par sac : comment faire entrer tout ça dans une seule ligne ? », "why can't I just feed all
  // the 10-minute readings into the model?": many readings for one item, summarised into one row.
  if (ALL_READINGS_INTO_THE_MODEL.test(plain)) return { conceptId: FEATURE_AGGREGATION_ID, asks: 'why', answersAProposal: true };
  if (ONE_ROW_PER_ITEM.test(plain)) return { conceptId: FEATURE_AGGREGATION_ID, asks: 'how' };
  // « Ça me paraît risqué de mettre les trois geckos dans le même modèle »: one model for all the groups, or one each.
  if (ONE_MODEL_FOR_ALL.test(plain)) return { conceptId: GLOBAL_VS_LOCAL_ID };
  // "Why would I turn my hourly readings into summary features instead of feeding in the raw numbers?"
  if (SUMMARY_FEATURES.test(plain)) return { conceptId: FEATURE_AGGREGATION_ID, asks: 'why', answersAProposal: true };
  // "It predicts almost the same time no matter what sleep hours I put in": an input the model gives little weight to.
  // (Always about the mean whatever the weather is a model that learnt nothing: underfitting, below.)
  if (SAME_WHATEVER_THE_INPUT.test(plain) && !predictsTheMean(question)) return { conceptId: FEATURE_IMPORTANCE_ID };
  // "Our logbooks mix French, German and English": documents in several languages, one index.
  if (namesSeveralLanguages(plain)) return { conceptId: MULTILINGUAL_MODEL_ID };
  // « Il y a des jours où j'ai oublié de noter la température. Qu'est-ce que je fais de ces lignes ? »: values missing.
  if (FORGOT_TO_RECORD.test(plain)) return { conceptId: MISSING_DATA_ID, asks: 'remedy' };
  // "Is the top 5 chunks enough for 'list every tremor episode in 2014'?": a question over the whole archive, which a few
  // retrieved passages cannot answer.
  // ("Is top-3 retrieval really enough for questions that depend on rules spread across several sections?": the same.)
  if (TOP_K_FOR_EVERY.test(plain) || TOP_K_ENOUGH.test(plain)) return { conceptId: RAG_ID, asks: 'limits' };
  // "Is that really enough, like 50 questions?": the questions a test set holds, not the examples a model learns from.
  if (ASKS_IF_ENOUGH.test(plain) && (TEST_QUESTIONS_COUNTED.test(plain) || CHECKED_BY_HAND.test(plain))) return { conceptId: GOLDEN_TEST_SET_ID, asks: 'limits' };
  // "Is embedding search really enough for 'max draught at berth 14'? It may miss exact numbers": exact words and
  // numbers, which keywords catch and meaning alone misses (not a count of training data).
  if (/ (embeddings?|embedding search|vector search|semantic search|search|retrieval|plongements?|recherche)\b/.test(plain) && EXACT_WORDS.test(plain)) return { conceptId: HYBRID_SEARCH_ID, asks: 'why' };
  // ("I only have about 400 rides. Is that a problem?" asks the same.)
  if ((ASKS_IF_ENOUGH.test(plain) || / (is|will) (that|it|this) (be )?(a )?problem\b/.test(plain)) && asksAboutDataQuantity(question)) return { conceptId: TRAINING_SET_SIZE_ID, asks: 'how' };
  // A share told ("only 2% are late") is a fact stated; a model that puts everything in one class, a symptom.
  if (tellsOfARareClass(question)) return { conceptId: CLASS_IMBALANCE_ID, asks: 'why', stated: true };
  // (A high accuracy that finds none of the rare class tells the same, however it is worded.)
  if (tellsOfADominantClass(question) || accuracyHidesTheRareClass(question)) return { conceptId: CLASS_IMBALANCE_ID, asks: 'why' };
  // (« Je n'ai qu'une douzaine de pannes, ça me paraît risqué » asks whether the data will do, without the word "enough".)
  if (SEEMS_RISKY.test(plain) && asksAboutDataQuantity(question)) return { conceptId: TRAINING_SET_SIZE_ID, asks: 'how' };
  if (predictsTheMean(question)) return { conceptId: UNDERFITTING_ID };
  // "I included the brine density column, which is measured on the harvest day itself": known only with the answer.
  if (KNOWN_WITH_THE_ANSWER.test(plain)) return { conceptId: DATA_LEAKAGE_ID, asks: 'why' };
  // « La suie relevée pendant la même visite peut-elle servir de variable ? »: measured with the answer, it would leak.
  if (MEASURED_WITH_THE_ANSWER.test(plain) && / (variables?|features?|inputs?|columns?|colonnes?|entrees?|predict|predire|prevoir)\b/.test(plain)) return { conceptId: DATA_LEAKAGE_ID, asks: 'why' };
  const story = goodThereBadHere(question);
  if (story) return { conceptId: story };
  // "How does retrieval find the right page? Our manuals are full of part numbers like OZ-250-B": exact codes, which
  // keywords catch and meaning alone misses.
  if (asksHowItFindsPassages(question) && NAMES_EXACT_CODES.test(plain)) return { conceptId: HYBRID_SEARCH_ID, asks: 'why' };
  // "What if they ask for the 1935 Jubilee stamp and the chunk only says 'SG 455'?": a name against a code, which
  // search by meaning alone misses and keywords catch.
  if (SAYS_IT_OTHERWISE.test(plain) && / (what if|and if|if|et si|si) /.test(plain)) return { conceptId: HYBRID_SEARCH_ID, asks: 'why' };
  // "It answers about the Rouen organ with details from another organ's report": retrieval brought the wrong passages.
  // (What keeps each answer to the product, year or client asked about is a filter on the passages' metadata.)
  if (ANSWERS_FROM_THE_WRONG_DOCUMENT.test(plain) || ANSWERS_FOR_ANOTHER_OF_THE_KIND.test(plain)) return { conceptId: METADATA_FILTERING_ID, asks: 'why' };
  // « ... pour que l'assistant ne mélange pas l'édition 2023 et l'édition 2024 »: each chunk tagged with its edition.
  if (MIXES_EDITIONS.test(plain)) return { conceptId: METADATA_FILTERING_ID, asks: 'why' };
  // « Nos consignes changent selon la commune », "the procedure differs per site": documents to filter by their scope.
  if (RULES_DIFFER_BY_SCOPE.test(plain)) return { conceptId: METADATA_FILTERING_ID, asks: 'why' };
  // « Le modèle signale une anomalie presque chaque matin vers 7h, alors que c'est l'heure de pointe »: a normal pattern
  // the detector was never told of, a known pitfall of anomaly detection.
  if (FLAGS_A_DAILY_PATTERN.test(plain)) return { conceptId: ANOMALY_DETECTION_ID, asks: 'limits' };
  // "It flags almost every top from the winter months as at risk, even the fine ones": a cue that went with the label.
  if (FLAGS_A_WHOLE_GROUP.test(plain)) return { conceptId: SHORTCUT_LEARNING_ID };
  // "Very good on weekdays, completely wrong at weekends", « bien en semaine, faux le week-end »: an input missing.
  if (GOOD_ON_ORDINARY_DAYS_ONLY.test(plain)) return { conceptId: FEATURE_ENGINEERING_ID };
  // « Il répond avec l'ancienne version du protocole alors que nous l'avons mis à jour »: the index kept the old one.
  if (ANSWERS_FROM_AN_OLD_VERSION.test(plain)) return { conceptId: INDEX_FRESHNESS_ID, asks: 'why' };
  // « Nos manuels ont des tableaux, et il donne le couple de serrage de la vis d'à côté »: tables flattened when the
  // documents were turned into text, which keeps no row with its headers.
  if (MIXES_UP_TABLE_ROWS.test(plain)) return { conceptId: DOCUMENT_PARSING_ID, asks: 'why' };
  // "What if it spits out broken JSON halfway through a batch?": a reply that does not parse, which a schema prevents.
  if (BROKEN_JSON.test(plain)) return { conceptId: STRUCTURED_OUTPUT_ID, asks: 'remedy' };
  // « Parfois un JSON parfait, parfois une phrase avant, et mon code plante »: output that is only sometimes JSON.
  if (/ (json|yaml|xml)\b/.test(plain) && / (sometimes|parfois|not always|pas toujours|other times|d'autres fois)\b/.test(plain) && / (crash|crashes|crashed|breaks|fails|plante|plantent|casse|echoue|adds?|ajoute|sentence|phrase|extra|invente|invents?)\b/.test(plain)) return { conceptId: STRUCTURED_OUTPUT_ID, asks: 'remedy' };
  // « Comment obliger le modèle à renvoyer du JSON ? », "how do I make it always answer in JSON?": a shape enforced.
  if (WANTS_JSON_BACK.test(plain)) return { conceptId: STRUCTURED_OUTPUT_ID, asks: 'how' };
  // « Comment être sûr que la sortie sera exploitable par notre logiciel ? », "usable by our billing system": a shape a
  // program can read.
  if (/ (output|outputs|answer|answers|reply|replies|result|results|sortie|sorties|reponse|reponses|resultat|resultats) ([a-z']+ ){0,3}(exploitables?|utilisables?|parsables?|lisibles?|usable|machine readable|parseable|readable|importable|importables?) (par|by|dans|in|into)\b/.test(plain)) return { conceptId: STRUCTURED_OUTPUT_ID, asks: 'how' };
  if (tellsOfAMadeUpValue(question)) return { conceptId: HALLUCINATION_ID };
  // "The gauge went down for a week and left holes in the data", « des trous dans les relevés »: missing values.
  if (GAPS_IN_THE_DATA.test(plain)) return { conceptId: MISSING_DATA_ID };
  // "What if a sensor freezes or sends garbage for a few hours?", « une sonde qui envoie n'importe quoi »: values to check.
  if (FAULTY_SENSOR.test(plain)) return { conceptId: OUTLIER_ID, asks: 'remedy' };
  // « Et si un capteur tombe en panne ? », "what if a sensor goes offline?": readings that stop, values missing.
  if (SENSOR_DOWN.test(plain)) return { conceptId: MISSING_DATA_ID, asks: 'remedy' };
  // « Le modèle semble ignorer la fin des actes longs »: what does not fit the window is cut.
  if (IGNORES_THE_END.test(plain)) return { conceptId: CONTEXT_WINDOW_ID };
  // « Comment le modèle lit-il un PDF de vingt pages ? Il y a une limite ? », "is there a limit to how long a document it can
  // read?": how much text a model takes in at once.
  if (/ (read|reads|reading|handle|handles|take|takes|lit|lire|gere|prend|avale)\b/.test(plain) && / (limit|limits|limite|limites|maximum|too long|trop long|how many pages|combien de pages|how long a)\b/.test(plain) && / (pdf|pdfs|pages?|documents?|reports?|rapports?|texts?|textes?|files?|fichiers?)\b/.test(plain)) return { conceptId: CONTEXT_WINDOW_ID, asks: 'how' };
  // « Comment savoir quelles variables comptent vraiment ? », "which features matter most?": their importance.
  if (/ (which|what|quelles?|quels?) (features?|variables?|columns?|inputs?|colonnes?|caracteristiques?|readings?|measures?|measurements?|sensors?|mesures?|capteurs?) (really |actually |vraiment |le plus |most )?(matter|matters|count|counts|comptent|compte|importent|influencent|pesent|drive|drives|is important|are important)\b/.test(plain)) return { conceptId: 'feature-importance', asks: 'how' };
  // "Why not paste all our manuals into the prompt?": a long context instead of retrieval.
  if (PASTES_EVERYTHING.test(plain)) return { conceptId: LONG_CONTEXT_ID };
  const varying = varyingOutputs(question);
  // (What to set so that it stops: the setting's own step.)
  if (varying) return { conceptId: varying, asks: 'remedy' };
  // "If the provider changes the model version, everything changes overnight?": the model changed, not the data.
  if (changesTheModelsVersion(question)) return { conceptId: MODEL_VERSION_PINNING_ID, asks: 'remedy' };
  // "If I change one word in the prompt the output changes?": a prompt's fragility, caught by a fixed set of cases.
  if (/ (change|changes|changing|changed|tweak|tweaks|reword|rephrase|modifie|modifier|change|changer|reformule|reformuler) ([a-z']+ ){0,3}(word|words|wording|phrasing|sentence|sentences|line|mot|mots|formulation|phrase|phrases|ligne|virgule|comma) ([a-z']+ ){0,4}(prompt|instructions?|consignes?)\b/.test(plain)) return { conceptId: 'prompt-regression-testing', asks: 'why' };
  if (worriesAboutChangingData(question)) return { conceptId: DATA_DRIFT_ID, asks: 'remedy' };
  // "It always predicts soft ice an hour too late", « il recopie juste la dernière valeur, avec un décalage »: a
  // forecast that learned the naive one, a limit of forecasting its entry tells.
  if (COPIES_THE_LAST_VALUE.test(plain)) return { conceptId: FORECASTING_ID, asks: 'limits' };
  // « Est-ce que j'ai besoin de la pluie, ou le niveau seul suffit ? »: whether an input earns its place.
  if (ASKS_WHETHER_AN_INPUT_IS_NEEDED.test(plain)) return { conceptId: FEATURE_ENGINEERING_ID };
  // "Why define a JSON schema from the start?": in a question to the chat, the schema an answer must follow (in a
  // validator's README, "JSON Schema" is the standard itself, so it is no alias that hovers would show).
  if (/ (json schema|schema json)s?\b/.test(plain)) return { conceptId: STRUCTURED_OUTPUT_ID };
  // "How does an LLM output valid JSON?", « comment un LLM fait pour sortir du JSON valide ? »: the tokens it may write.
  if (ASKS_HOW_IT_WRITES_JSON.test(plain)) return { conceptId: CONSTRAINED_DECODING_ID, asks: 'how' };
  if (tellsWhatAMissCosts(question)) return { conceptId: PRECISION_AND_RECALL_ID, asks: 'why' };
  // "... a feature from our mast data, like something with lags?": the kind of feature it names.
  if (asksForFeatures(question)) return { conceptId: / (lags?|lagged|rolling|decalees?|decales?|retardees?|glissantes?)\b/.test(plain) ? LAG_FEATURE_ID : FEATURE_ENGINEERING_ID };
  // "Most cancellations come from illness, which we never record": what no input holds, no model can learn.
  if (tellsOfUnrecordedCauses(question)) return { conceptId: IRREDUCIBLE_ERROR_ID };
  // How outside factors become inputs, whatever the doubt's words ask.
  if (dependsOnOutsideFactors(question)) return { conceptId: FEATURE_ENGINEERING_ID, asks: 'how' };
  if (asksAboutDataQuantity(question)) return { conceptId: TRAINING_SET_SIZE_ID, asks: 'how' };
  // Rows mixed at random before the split, and scores too good to be believed: a leak, most often.
  if (SHUFFLED_BEFORE_SPLIT.test(plain) && TOO_GOOD.test(plain)) return { conceptId: DATA_LEAKAGE_ID };
  // A column that makes results too good to be true is a leak the answer names; "a feature that leaks the answer" named it.
  if (TOO_GOOD_WITH_A_FEATURE.test(plain)) return { conceptId: DATA_LEAKAGE_ID };
  if (tellsOfLeakage(question)) return { conceptId: DATA_LEAKAGE_ID, named: true };
  if (tellsOfAGroupOnBothSides(question)) return { conceptId: DATA_LEAKAGE_ID, asks: 'why' };
  // « Je découpe les PDF par section ou par nombre de mots ? », "split the manuals by heading or by size?": chunking.
  if (SPLITS_DOCUMENTS.test(plain)) return { conceptId: CHUNKING_ID, asks: 'how' };
  // "Our nights are in time order: is it OK to shuffle them before splitting?": a split by time, and why.
  // (Shuffling is what the learner proposes: the split by time is what answers it, not the name of their idea.)
  if (ORDERED_IN_TIME.test(plain) && SHUFFLES.test(plain)) return { conceptId: TIME_BASED_SPLIT_ID, asks: 'why', answersAProposal: true };
  if (asksHowToSplit(question)) return { conceptId: SPLIT_ID, named: true };
  return tellsOfSeveralLabels(question) ? { conceptId: MULTI_LABEL_ID } : undefined;
}

/** "never flagged", "flagged nothing", "not a single one", « n'en détecte aucun », « il rate tout »; not "never seen". */
const NEVER_FOUND = /\b(barely|hardly|scarcely|rarely|a peine) (caught|catches|catch|flagged|flags|found|finds|detected|detects|spotted|spots|predicted|repere|detecte|trouve|signale) (any|a single|one|un seul|une seule)\b|\b((almost |presque )?jamais vu venir|never saw (it|them|one) coming|never(?! (seen|saw|met))|not a single|not one|none of|(almost|nearly) (none|all|every)|jamais(?! vu)|aucun|aucune|pas un seul|pas une seule)\b|\brate (presque )?(tout|toutes|tous)\b|\bmiss(es|ed)? (almost |nearly )?(all|every)\b|\b(flagged|caught|found|detected|spotted|predicted|raised) (almost |virtually )?(nothing|none|no one|no alert|no alarm)\b|\bn'a (presque )?rien (detecte|détecté|signale|signalé|repere|repéré|vu|trouve|trouvé)\b/u;

/** A small percentage is a rare class only where the question speaks of cases, classes or labels. */
const RARE_WORDS = /\b(only|just|seulement|que|rare|rarely|few|peu|positive|positives|positifs?|cases|cas|class|classe|label|labels|étiquettes?|fraud|fraude|churn|cancel|résili|défectueu|defect|sick|malades?)/u;

/** The entries a model good on what it learnt from and bad elsewhere is a case of. */
export const OVERFITTING_ID = 'overfitting';
export const DATA_DRIFT_ID = 'data-drift';

/** "works perfectly", "99%", « marche super bien », « parfait »: a result the learner is happy with. */
const GOOD_RESULT = /\b(?:(?:toute|tres|super) petite|tres faible|(?:were|was|looked|worked) fine|etaient bonnes|etaient bons|marchaient bien|great|perfect|perfectly|excellent|tiny|negligible|minuscule|minuscules|negligeable|negligeables|very well|really well|super well|works well|worked well|amazing|marche bien|fonctionne bien|marchait bien|fonctionnait bien|nails?|nailed|spot on|within a day|super bien|tres bien|parfait|parfaite|parfaits|parfaites|parfaitement|excellente?s?|nickel|impeccable|au jour pres)\b|\b(?:almost|nearly|virtually) (?:every|all)\b(?: [a-z']+){0,2} right\b|\bgets? (?:everything|it all) right\b|\bpresque (?:tout|tous|toutes) (?:bon|bons|juste|justes)\b|\b(?:9\d|100)(?:[.,]\d+)? ?%|\b0?[.,]9\d*\b|\b(?:error|errors|loss|erreur|erreurs|perte)(?: is| are| est| sont| of| de)? (?:almost |nearly |near |close to |virtually |practically |basically |essentially |pretty much |presque |quasi |quasiment |pratiquement |proche de )?(?:zero|nulle?s?|0|rien)\b/u;
/** "much worse", "fails", « rate presque tout », « nul »: a result that falls apart. */
const BAD_RESULT = /\b(?:(?:tres |bien |way |far )?loin de la realite|far off|far from reality|way off the mark|(?:consistently |systematically |always |toujours |systematiquement )?(?:too low|too high|trop bas(?:ses)?|trop hautes?|trop faibles?|trop elevee?s?)|underestimat\w*|overestimat\w*|sous[- ]estim\w*|sur[- ]?estim\w*)\b|\b(?:didn'?t|did not|doesn'?t|does not|never) (?:flag|catch|detect|find|spot|predict|see)s? (?:either|any|a single|one|both)\b|\b(bad|badly|poor|poorly|worse|moins bons?|moins bonnes?|moins bien|less accurate|terrible|awful|garbage|useless|fails?|failing|misses|wrong|mistakes|off by|way off|completely off|(barely|hardly|no|not much) better than (guessing|chance|random|a coin)|(barely|hardly|just) (beats?|beat|above) (guessing|chance|random|a coin)|all over the place|erratic|unstable|instable|erratique|a disaster|disaster|catastrophe|desastre|coin flip|pile ou face|(a peine|guere|pas) mieux que le hasard|se plante|a cote|decale|mal|mauvais|mauvaise|pire|nul|nulle|rate|ratent|catastrophique|n'importe quoi|se trompe|se trompent|s'est trompe|s'est plante|echoue|echouent|de beaucoup|way off|huge errors?|big errors?|grosses? erreurs?|enormes? erreurs?)\b|\b(catch|catches|finds?|detects?|flags?|gets?) (almost |virtually )?(nothing|none|no one)\b|\bne (trouve|detecte|repere|voit) (presque )?rien\b/u;
/** "100%", "perfect", « parfait », "every single one right": a score only the data a model learnt from gives. */
const MEASURED_WITH_THE_ANSWER = / (measured|recorded|logged|noted|taken|relevee?s?|mesuree?s?|notee?s?|enregistree?s?) (during|on|at|in|pendant|lors de|au cours de|a) (the |la |le |l')?(same|meme) (visit|inspection|check|day|intervention|visite|controle|jour|passage)\b/;
const KNOWN_WITH_THE_ANSWER = / (column|feature|field|variable|colonne|champ|caracteristique) ([^?]{0,80})(measured|recorded|known|computed|filled in|written|entered|logged|mesuree?s?|connue?s?|calculee?s?|remplie?s?|saisie?s?|relevee?s?) (only )?(on|at|after|during|le|au|apres|pendant|lors de|seulement) (the |le |la |l')?([a-z]+ )?(same day|day itself|harvest day|sale day|event day|same visit|same inspection|same check|jour meme|meme jour|meme visite|meme intervention|meme controle|jour de la recolte|jour meme de|after the fact|apres coup|the outcome|the result|le resultat)\b/;

const WORSE_THAN_IN_TRAINING = /\b(?:worse|lower|poorer|moins bons?|moins bonnes?|moins bien|pires?|plus mauvais(?:es?)?|plus faibles?) (?:than|que|qu') ?(?:on |in |during |with |sur |en |pendant |avec )?(?:the |my |our |le |la |l'|les |mon |ma |mes )?(?:training|train set|training set|training data|entrainement|donnees d'entrainement|jeu d'entrainement|apprentissage)\b/u;

const PERFECT_RESULT = /\b(?:100(?:[.,]0+)? ?%|perfect|perfectly|flawless|parfait|parfaite|parfaits|parfaites|parfaitement|sans faute|sans aucune erreur|1[.,]0+)(?![\d])|\b(?:error|errors|loss|erreur|erreurs|perte) (?:is |of |est |de )?(?:almost |nearly |near |close to |virtually |practically |presque |quasi |quasiment |pratiquement )?(?:zero|nulle?s?|0)\b/u;
/** "... but 60% on sheets it has never seen": the other data named as new to the model. */
const NEVER_SEEN = /\b(never seen|unseen|hasn't seen|has not seen|did not see|didn't see|jamais vu|jamais vus|jamais vue|jamais vues|pas vu|pas vus|pas vue|pas vues|inconnues?|inconnus?|nouvelles? donnees)\b/u;
/** Days, dates or weeks shuffled at random into the split: « mélangé toutes les journées au hasard », "shuffled the days". */
const SHUFFLED_TIME = /\b(shuffled|shuffle|randomly (split|assigned)|split ([a-z']+ ){0,3}(at random|randomly)|a random \d+ ?% of|random sample|melange|melanger|melangees?|tire au hasard|au hasard)\b.*\b(days?|dates?|weeks?|months?|hours?|years?|seasons?|journees|jours|semaines|mois|heures|annees|saisons)\b|\b(days|dates|weeks|journees|jours|semaines)\b.*\b(shuffled|at random|randomly|au hasard|melangees?)\b/u;
/** The entry for a model that meets data from a place it never learnt from. */
const DOMAIN_ADAPTATION_ID = 'domain-adaptation';
/** "... but on a fourth farm", « dans un autre hôpital », "at a new site": another place than the data came from. */
const ANOTHER_SITE = /\b(another|a new|a different|a fourth|a fifth|a third|other|une autre|un autre|une nouvelle|un nouveau|une troisieme|une quatrieme|une cinquieme|un troisieme|un quatrieme|d'autres) (farm|site|hospital|clinic|store|shop|plant|factory|camera|region|country|school|city|warehouse|mine|line|fleet|ferme|exploitation|hopital|clinique|magasin|boutique|usine|site|camera|appareil|region|pays|ecole|ville|entrepot|ligne|agence)s?\b/u;
/** "In testing", « en test », "on the validation set": a score measured before deployment... */
const ON_TEST = /\b(test|tests|testing|test set|validation|cross validation|validation croisee|offline|hors ligne|evaluation)\b/u;
/** ... that did not hold once deployed: "in production", « en prod », "live". */
/** "This winter", « cet été », "the new visits": a later stretch of time than the test set held. */
const A_LATER_SEASON = /\b(this|that|next|cet|cette|ce) (winter|summer|spring|autumn|fall|season|hiver|ete|printemps|automne|saison)\b|\bnew (visits|data|records|readings|cases|rows|clients|customers|batches|orders)\b|\b(nouvelles?|nouveaux) (visites|donnees|mesures|releves|cas|lignes|clients|lots|commandes)\b/u;
const IN_PRODUCTION = /\b(production|prod|live|deployed|deployment|real world|real life|en vrai|deploye|deployee|mise en service|mis en service|en service|conditions reelles|(last|this|past) (week|month)'?s? (batches|data|orders|readings|rows|records|days|cases)|(les|des) (lots|donnees|commandes|mesures|cas) de (la semaine|du mois) (derniere?|passee?|dernier))\b/u;
/** "On the training data", « sur les données d'entraînement »: the data it learnt from, named as such. */
const TRAINING_DATA = /\b(training (data|set|examples)|train set|donnees d'entrainement|jeu d'entrainement|sur l'entrainement|en entrainement)\b/u;
/** Where the good result came from: the data it learnt from... */
const ON_TRAINING = /\b(training|train set|trained (it |them |the model |my model )?on|learnt from|learned from|entrainement|entraine (dessus|sur)|donnees d'entrainement|apprentissage|(qui ont|ayant) servi a l(e|es|a|') ?(construire|entrainer|fabriquer|ajuster|caler))\b/u;
/** "98% on the events I trained it on, but around 70% on last month's": a score ten points lower after the turn. */
function fallsBy(before: string, after: string): boolean {
  // "0.95 R2 ... only around 0.4": scores between 0 and 1 count as percentages.
  const scores = (text: string) => [
    ...(text.match(/\b\d{1,3}(?:[.,]\d+)? ?%/gu) ?? []).map((score) => Number(score.replace(/[ %]/gu, '').replace(',', '.'))),
    ...(text.match(/(?<![\d.,])0?[.,]\d+\b(?! ?%)/gu) ?? []).map((score) => 100 * Number(score.replace(',', '.'))),
  ];
  const [good, bad] = [scores(before), scores(after)];
  return good.length > 0 && bad.length > 0 && Math.min(...bad) <= Math.max(...good) - 10;
}

/** "Excellent on 2015 to 2022, but in spring 2023 it misses...": a year after those the good result was told of. */
function laterYear(before: string, after: string): boolean {
  const years = (text: string) => (text.match(/\b(?:19|20)\d\d\b/gu) ?? []).map(Number);
  const [earlier, later] = [years(before), years(after)];
  // "Excellent on 2022 and 2023 but way off this summer": the past named by its years, the present by "this".
  if (earlier.length > 0 && /\b(this|cet|cette|ce) (summer|year|season|month|winter|spring|autumn|fall|quarter|ete|annee|saison|mois|hiver|printemps|automne|trimestre)\b/u.test(after)) return true;
  return earlier.length > 0 && later.length > 0 && Math.max(...later) > Math.max(...earlier);
}

/** ... or the past, which the present no longer looks like. */
const ON_THE_PAST = /\b(old|older|last (year|month|week|spring|summer|autumn|fall|winter|season|quarter)'?s?|past|earlier|at first|initially|at launch|anciens?|anciennes?|l'an dernier|l'annee derniere|(le mois|la semaine|l'ete|l'hiver|l'automne|le printemps|la saison) (dernier|derniere)|au debut|au lancement|passees?)\b/u;

/** "training error goes down", « l'erreur sur mes données d'entraînement baisse ». */
const TRAINING_ERROR_FALLS = /\b(training|train) (error|loss)( [a-z']+){0,3} (falls|goes down|decreases|drops|keeps (falling|going down|decreasing|dropping))\b|\b(erreur|perte)( [a-z']+){0,4} (d'entrainement|sur l'entrainement)( [a-z']+){0,2} (baisse|diminue|descend|chute)\b/u;
/** "... but the test error goes up", « mais l'erreur sur les meules de cette année augmente ». */
const OTHER_ERROR_RISES = /\b(but|while|whereas|mais|alors que|tandis que)\b.*\b(error|loss|erreur|perte)\b.*\b(rises|goes up|increases|grows|climbs|augmente|monte|remonte|grimpe)\b/u;

/**
 * The concept a learner's "good there, bad here" story is a case of: overfitting when "there" is the training data
 * (« parfait sur l'entraînement, il rate presque tout sur une autre éolienne »), data drift when it is the past ("great on
 * our old claims, worse on this year's"); undefined for any other question.
 */
export function goodThereBadHere(question: string): typeof OVERFITTING_ID | typeof DATA_DRIFT_ID | typeof DATA_LEAKAGE_ID | typeof DOMAIN_ADAPTATION_ID | undefined {
  // Figures and signs kept ("0.97", "99%"), which plainQuestion drops.
  const text = foldCase(question).replace(/[\u2019]/gu, "'");
  // "The training error goes down but this year's error goes up": the same story told with the two errors.
  if (TRAINING_ERROR_FALLS.test(text) && OTHER_ERROR_RISES.test(text)) return OVERFITTING_ID;
  // "Much worse on the next season than in training", « bien moins bons qu'en entraînement »: the gap itself.
  if (WORSE_THAN_IN_TRAINING.test(text)) return OVERFITTING_ID;
  const turn = /\b(but|yet|mais|pourtant|cependant|whereas|alors que|tandis que)\b/u.exec(text);
  if (!turn) return undefined;
  const [before, after] = [text.slice(0, turn.index), text.slice(turn.index)];
  // "Fine for two years, but since we dug two new ponds they're too low": something changed since.
  if (GOOD_RESULT.test(before) && /^(but|mais) (since|ever since|depuis)\b/u.test(after) && BAD_RESULT.test(after)) return DATA_DRIFT_ID;
  if (!GOOD_RESULT.test(before) || !(BAD_RESULT.test(after) || fallsBy(before, after))) return undefined;
  // A perfect score (« 100 % sur mes anciennes cuissons ») is one on what the model learnt from: no model is perfect
  // on data it never saw.
  // "I shuffled all the days at random to split train and test: excellent, then worse this month": time split at random.
  if (SHUFFLED_TIME.test(text)) return DATA_LEAKAGE_ID;
  if (PERFECT_RESULT.test(before) || TRAINING_DATA.test(before)) return OVERFITTING_ID;
  // "Trained on three farms, great there, wrong almost every time on a fourth": a place the data never came from.
  if (ANOTHER_SITE.test(after)) return DOMAIN_ADAPTATION_ID;
  if (ON_TRAINING.test(before) || NEVER_SEEN.test(after)) return OVERFITTING_ID;
  // "Great on the test set, but way off on new visits this winter": a season the data never held, the world moved on.
  if (ON_TEST.test(before) && A_LATER_SEASON.test(after)) return DATA_DRIFT_ID;
  // "99% on the test set, but wrong all the time in production": a test score that flattered, most often through a leak.
  if (ON_TEST.test(before) && IN_PRODUCTION.test(after)) return DATA_LEAKAGE_ID;
  return ON_THE_PAST.test(before) || laterYear(before, after) ? DATA_DRIFT_ID : undefined;
}

/**
 * A shortcut a model must beat, proposed instead of one: a hand-written rule ("an alarm when...", « un seuil fixe »,
 * keywords), always the same answer ("why not just predict 'no failure'?"), the past's average (« la moyenne des
 * notes des années précédentes »), each one's own past rate ("each client's past cancellation rate") or the simplest model ("a straight line of date against temperature"). The words that say so, for the rule's words to be looked for among a topic's fixes.
 */
export function proposedBaseline(plain: string): string | undefined {
  return HAND_WRITTEN_RULE.exec(plain)?.[1] ?? (SAME_ANSWER.exec(plain) ?? PAST_AVERAGE.exec(plain) ?? LAST_VALUE.exec(plain) ?? SIMPLEST_MODEL.exec(plain) ?? SORTED_BY_ONE.exec(plain) ?? FLAGGED_BY_ONE_FACT.exec(plain))?.[0].trim();
}

/** "Why not just use yesterday's value?", « prendre la valeur d'hier comme prévision ? »: the last value carried forward. */
const LAST_VALUE = / (the )?same (day|week|date) (of |from )?last year\b| (du |le |au )?meme jour (de )?l'an(nee)? (dernier|derniere|passe|passee|precedente?)\b| (yesterday'?s|last (week|month|year|season)'?s|the previous (day|week|month|year)'?s) (value|values|number|figure|reading|level|sales|count|total)s?\b| (value|values|number|figure|reading|level|sales|count|total)s? (of|from) (yesterday|last (week|month|year|season)|the (day|week|month|year) before)\b| same as (yesterday|last (week|month|year|season)|the day before)\b| (valeur|valeurs|chiffre|chiffres|niveau|mesure|mesures|ventes|releve|total)s? (d'hier|de la veille|de la semaine (derniere|passee|precedente)|du mois (dernier|precedent)|de l'an(nee)? dernier(e)?|de la saison (derniere|passee))\b| (meme|memes) (chose|valeur|valeurs|chiffre|niveau) (qu'hier|que la veille|que la semaine (derniere|passee)|que l'an dernier)\b/;

/** "Why not just flag every client who has missed before?", « bloquer tous les clients qui ont déjà annulé ? »: a rule. */
const FLAGGED_BY_ONE_FACT = / (flag|flags|flagging|mark|block|blacklist|ban|alert on|warn about|target|signaler|marquer|bloquer|cibler|relancer) (every|all|each|any|anyone|everyone|tous les|toutes les|chaque|tout) ([a-z']+ ){0,2}(who|that|which|qui|dont|with|avec|ayant)\b/;

/** "Why not just sort the pipes by age and replace the oldest first?", « classer les clients par ancienneté ? »: a ranking rule. */
const SORTED_BY_ONE = / (sort|sorting|rank|ranking|order|ordering|trier|classer|ranger)( [a-z']+){0,3} (by|par|selon) (their |its |leur |son |sa |ses |l'|le |la |les )?[a-z']+|( the| les?| la) (oldest|newest|biggest|largest|smallest|plus (vieux|vieilles|anciens|anciennes|gros|grosses)) (first|d'abord|en premier)/;

const HAND_WRITTEN_RULE = / (alarm|alarms|alert|alerts|rule|rules|threshold|thresholds|cutoff|cutoffs|limit|limits|cut off|limite|limites|heuristic|heuristics|hard ?coded?|if then|fixed|keywords?|regex|regexes|regular expressions?|alarme|alarmes|alerte|alertes|regle|regles|seuil|seuils|heuristique|heuristiques|fixe|en dur|mots? cles?|expressions? regulieres?) /;
const SAME_ANSWER = / (always )?(predict|predicts|predicting|say|answer|output|return)(ing)? (no|none|nothing|zero|the same|the majority|the most frequent)\b[^?]*?(for everything|for every|for all|every time|always)?| (toujours )?(predire|repondre|dire) (toujours )?(non|aucune?|rien|la meme|zero)\b/;
/** "Why not just fit a straight line?", « une simple droite ? »: the simplest model, a baseline too. */
const SIMPLEST_MODEL = / (straight line|linear fit|line through|simple linear regression|une droite|ligne droite|simple droite|regression lineaire simple)\b/;
const PAST_AVERAGE = / (faire|prendre|calculer|use|take|compute) (just |simplement |juste )?(la |une |the |an? )?(moyenne|mean|average) (des |de |du |of (the )?)?([a-z']+ ){0,2}(par|per|by|for each|pour chaque) [a-z]+| (use|take|predict|using|taking|prendre|utiliser|predire) (just )?(the |a |la |une )?(overall |simple |historical |global |globale )?(average|mean|median|moyenne|mediane)\b| (mean|average|median|moyenne|mediane) (of |des |de la |du |d')?(the )?([a-z']+ ){0,3}(past|previous|last|historical|earlier|precedentes?|derniers?|dernieres?|passees?|anciennes?)\b| (past|previous|historical|historic|usual|own) ([a-z']+ ){0,2}(rate|rates|ratio|frequency|percentage|share)\b| (taux|pourcentage|frequence|part)( d'[a-z]+| de [a-z]+)? (passes?|historiques?|habituels?|precedents?|moyens?|propres?)\b/;

/**
 * "Why not just train on all the data and check the accuracy on that?", « pourquoi ne pas tester sur les données
 * d'entraînement ? »: scoring a model on what it learnt from, which the split into training and test sets answers.
 */
export function testsOnTrainingData(plain: string): boolean {
  return / train(ing)? (it |the model )?on all (the |of the |my |our )?([a-z0-9]+ ){0,2}and (then )?(check|test|measure|evaluate|score|look at)\b[^?]* on (those|them|these|it|the same)\b| train(ing)? (it |the model )?on all (the |of the |my |our )?data and (then )?(check|test|measure|evaluate|score|look at)| (check|test|measure|evaluate|score)( [a-z']+){0,3} on (that|it|the same data|the training data|the data it (was )?trained on)\b| (tester|evaluer|mesurer|verifier)( [a-z']+){0,3} sur (les memes donnees|les donnees d'entrainement|ces memes donnees)| (entrainer|entraine) sur toutes les donnees et (tester|evaluer|mesurer|verifier)/.test(plain);
}

/** The entry for choosing what a model is judged by. */
export const EVALUATION_METRIC_ID = 'evaluation-metric';

/** "So what should I measure instead?", "which metric should I use?", « que dois-je mesurer à la place ? ». */
export function asksWhatToMeasure(question: string): boolean {
  return / what (should|shall|do|can|could|would) (i|we) (measure|track|monitor|look at|optimi[sz]e|report|use as (a )?metric)\b| (which|what) metrics? (should|shall|do|can|would|to)\b| (quelle|quelles) (metrique|metriques|mesure|mesures) (dois|devrais|faut|utiliser|choisir|suivre|prendre)| (que|quoi) (dois|devrais|faut il|dois je|devrais je|pourrais je)( je)? (mesurer|suivre|surveiller|regarder)\b| mesurer (quoi|a la place)\b/.test(plainQuestion(question));
}

/** "How would I test this before rolling it out?", « comment vérifier que les réponses sont bonnes avant la mise en prod ? ». */
export function asksHowToTest(question: string): boolean {
  if (RESULTS_ANY_GOOD.test(plainQuestion(question))) return true;
  // « Comment savoir si les textes générés sont bons ? », "how do I judge whether the generated descriptions are good?".
  if (/ (how|comment) ([a-z']+ ){0,3}(know|tell|judge|evaluate|savoir|juger|evaluer|verifier) (if|whether|si|que)? ?([a-z']+ ){0,3}(generated|generes?|generees?|produits?|produites?|ecrits?|ecrites?) ([a-z']+ ){0,3}(are |is |sont |est )?(good|ok|any good|right|bons?|bonnes?|corrects?|correctes?|reussis?|reussies?)\b/.test(plainQuestion(question))) return true;
  // "3,000 notes our staff already entered by hand: can I use those to evaluate?", « m'en servir pour évaluer ».
  if (/ (use|using) (those|these|them|it|that|this) (to|for) (evaluat|test|measur|check|validat|benchmark)[a-z]*\b| (use|using) (those|these|them) as (an? )?(test|evaluation|eval|reference|gold) (set|data)\b| (m'en|nous en|s'en|en) servir (pour|comme) (evaluer|tester|mesurer|verifier|valider|jeu de test|reference)\b| (les|ca|cela) utiliser (pour|comme) (evaluer|tester|mesurer|verifier|valider|jeu de test|reference)\b/.test(plainQuestion(question))) return true;
  // « Comment savoir si je peux m'y fier ? », "how do I know whether we can rely on it?".
  if (/ (how|comment) ([a-z']+ ){0,3}(know|tell|savoir|verifier) (if|whether|si) (i|we|je|on|nous) (can|could|peux|peut|pouvons) (trust|rely on|me fier|m'y fier|s'y fier|nous y fier|lui faire confiance|y croire)\b/.test(plainQuestion(question))) return true;
  return asksWhetherAChangeHelps(question) || / (test|evaluate|check|validate|measure|verify) (whether |if |that )?(this|it|that|(the|my|our) ([a-z]+ )?(bot|chatbot|assistant|model|system|answers|tool))\b([a-z' ]*) (before|prior to) (we |i |you )?(rolling|roll|going|go|shipping|ship|deploying|deploy|launching|launch|putting|put|production|release|it goes|showing|show|giving|give|handing|hand)| how (would|do|should|can|could) (i|we) (test|evaluate|validate|check) (this|it|that|the (bot|assistant|model|system|answers|app|application|pipeline|tool))\b| (test|evalu|verifi|valid|mesur)[a-z]* ([a-z' ]+ )?(avant (de le |de la |de les |de l'|d')?(montrer|presenter|livrer|mettre en prod|mise en prod|mise en production|la production|la prod|la mise en service|la mise en ligne|mettre en ligne|publier|la publication|deployer|deploiement|lancer|le lancement|donner|confier|ouvrir|utiliser|s'en servir|m'en servir|nous en servir))| (answers?|responds?|repond|repondent) (well|correctly|right|bien|correctement|juste)\b.*(before|avant)\b| (check|checking|verify|verifying|test|testing|measure|measuring|tell|know) (that |whether |if )?(the |its |our )?([a-z']+ ){0,3}(answers|outputs|results|predictions|sorting|triage|routing|categories|labels|suggestions|extraction|extractions|summaries|summary|drafts|fields|values)( [a-z']+){0,2} (are |is )?(actually |really )?(right|correct|good|any good|accurate|working|works|reliable)\b| (mesur|verifi|sav|test|evalu)[a-z]* (si|que) (ca|cela|mes extractions|nos extractions|mes reponses|nos reponses|mes resultats|nos resultats|mes predictions|nos predictions|mes resumes|nos resumes|le tri|les reponses|le classement|le routage|les resultats|l'outil|le modele|le bot|l'assistant|l'extraction|les extractions|les resumes|les champs|les valeurs|le systeme|l'application|le pipeline|le moteur|la recherche|le chatbot|l'ia|mon systeme|notre systeme|mon application|notre application|mon outil|notre outil|mon assistant|notre assistant|mon modele|notre modele) ([a-z']+ )?(fonctionne|marche|repond (bien|correctement|juste)|repondent (bien|correctement)|sont (bons|bonnes|justes|correcte?s|fiables|exacte?s)|est (bon|bonne|juste|correct|correcte|fiable|exacte?))| (how|comment) (can|could|do|would|will|puis je|pouvons nous|peut on|pourrais je|vais je) (i |we )?(be sure|make sure|know|tell|etre sure?s?|savoir|m'assurer|nous assurer|s'assurer|verifier) (that |whether |if |que |si )?(the |its |our |it |les |ses |nos |le |la |l'|il |ca |c'est )?([a-z']+ ){0,3}(is |are |est |sont )?(?<!(the|a|an|la|le|les|un|une) )(reliable|right|correct|accurate|good enough|ready|fiables?|justes?|correcte?s?|exacte?s?|bonnes?|bons?|assez bons?|assez bonnes?|suffisamment bons?|pret|prete|working|marche|fonctionne|answers correctly|repond correctement|repond bien)\b/.test(plainQuestion(question));
}
