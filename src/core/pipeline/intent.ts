/**
 * What a question asks for, from its wording alone, in French and English. The concepts it names are found
 * by retrieval; this only reads the rest (`why`, « à quoi sert », `vs`, « quel est le piège »).
 */
export type Intent =
  | 'what'
  | 'define'
  | 'simple'
  | 'why'
  | 'cause'
  | 'remedy'
  | 'how'
  | 'example'
  | 'limits'
  | 'history'
  | 'translate'
  | 'contrast'
  | 'several'
  | 'smalltalk'
  | 'ood';

/** The intents that ask for one part of one concept's entry. */
export type SingleIntent = Exclude<Intent, 'contrast' | 'several' | 'smalltalk' | 'ood'>;

/** `told`: the learner told of their data and asked nothing yet (« j'ai trois saisons de relevés : ... »). */
export type SmallTalk = 'thanks' | 'greeting' | 'bye' | 'ack' | 'told';

/**
 * A reaction to the answer, with no term of its own: a doubt (« Cela semble simple, mais je parie que ce n'est
 * pas le cas »), confusion ("I don't get it"), interest ("Interesting"), "so what?", or a request for more. It
 * is about the topic in play, and each gets the part of the entry that serves it.
 */
export type Remark = 'doubt' | 'confused' | 'interest' | 'sowhat' | 'more' | 'recap';

/** Lower case, no accents, ASCII apostrophes, single spaces: what the patterns below are written against. */
export function plainQuestion(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** "Really enough to stop it from...", « suffisant pour l'empêcher de... »: whether a remedy guards enough. */
export const ENOUGH_TO_STOP_IT = / enough to (stop|prevent|avoid|keep (it|them) from|rule out)\b| (suffisant|suffisante|suffit) pour (empecher|eviter|l'empecher|les empecher)\b/;

/** In the order they are tried: the first that matches wins ("how do you say" is a translation, not a how). */
const CUES: ReadonlyArray<readonly [SingleIntent | 'contrast', RegExp]> = [
  // ("They ask in English" is no translation asked: "what is X in French?", "called in English".)
  ['translate', / (called|say|said|is|it|term|word|name|translated|translate) (in|into) (french|english)\b| (in|into) (french|english) $| (french|english) (word|term|expression|name|translation) | (how (do|would|should|can) (i|you|we) )?translate (this|that|it|the (term|word|expression)|[a-z-]+ (in|into) )| translation (of|for) (the |this |that )?(term|word|expression) | how do (you|we|people) say | speak (french|english) | en (anglais|francais) | (terme|mot|expression) (anglais|francais)| comment (on )?tradui(t|s|re|rait) | tradui(re|s|t|sez) (le|ce|cette|l') ?(terme|mot|expression)| traduction (du|de ce|de cette|de l') ?(terme|mot|expression)| comment (dit on|on dit|dire) | se dit | parle (anglais|francais) /],
  // "Why wouldn't embeddings work for that kind of question?", « pourquoi ça ne marcherait pas ? »: where it falls short.
  ['limits', / why (wouldn'?t|won'?t|doesn'?t|don'?t|couldn'?t|can'?t|would not|will not|does not|do not|could not|cannot) ([a-z' -]+ )?(work|help|cope|suffice|be enough|do the job)\b| pourquoi ([a-z' -]+ )?ne (marcherait|marcheraient|fonctionnerait|fonctionneraient|suffirait|suffiraient|marche|marchent|fonctionne|fonctionnent) pas\b/],
  // "Not sure I get what a reranker adds if I already have the top results": what it is for, before the confusion.
  ['why', / (not sure|unsure|don'?t|do not) (i |that i )?(really |quite |fully )?(get|understand|see) what ([a-z' -]+ )?(adds?|brings?|buys|gives? me|is for|is good for)\b| (ne vois pas|ne comprends pas|pas (sur|sure) de (voir|comprendre)) (bien |trop |vraiment )?(ce qu'apporte|ce que apporte|ce que ca apporte|a quoi sert|l'interet d)/],
  // "Not sure I get the difference between a reranker and vector search": what sets two apart, before the confusion.
  ['contrast', / (not sure|unsure|don'?t|do not|didn'?t|never) (i |that i )?(really |quite |fully )?(get|understand|see|understood|got) (the |what'?s the |what the )?difference between | (not sure|unsure|don'?t|do not) (i |that i )?(really |quite |fully )?(get|understand|see) (what|how) [^?]{1,40} (is |are |works? )?(versus|vs|compared (to|with)) | (not sure|unsure|don'?t|do not) (i |that i )?(really |quite |fully )?(get|understand|see) (what|how) [^?]{1,60} (does |do |works |is )?(differently|different) (from|than|to) | pas (sur|sure|certain|certaine) de (bien )?(comprendre|saisir|voir) (ce qu'|ce que|en quoi) [^?]{1,60} (de different|differemment|differe|se distingue) | pas (sur|sure|certain|certaine) de (bien )?(comprendre|saisir|voir) la difference entre | (je ne )?(comprends|vois|saisis) (toujours )?pas (bien |trop |vraiment |tres bien )?la difference entre /],
  // "Not sure I get what an embedding is", « je ne vois pas bien comment un arbre fonctionne »: confusion about a named
  // concept asks for it in simpler words, before any question word it goes on with.
  ['simple', / (not sure|unsure) (i |that i )?(get|understand|follow|see)\b| (don'?t|do not|didn'?t) (really |quite |fully )?(get|understand|see) (what|how|why)\b| je ne (vois|comprends|saisis) pas (bien |trop |vraiment |tres bien )?(comment|ce que|ce qu'|pourquoi|a quoi)| pas (sur|sure|certain|certaine) de (bien )?(comprendre|saisir|voir)\b/],
  ['contrast', / (tu me conseilles|vous me conseillez|tu me recommandes|vous me recommandez|tu conseilles|vous conseillez|conseilles tu|conseillez vous|recommandes tu|recommandez vous) (plutot |plus )?[^?]* ou | (would|do) you (recommend|suggest|advise) [^?]* or | (the )?same as | par rapport (a|au|aux) | pareil que | la meme chose que | equivalent (to|a) | differen(ce|ces|t|te|ts|tes|tiate|tiates|tly)?\b| differ | vs | versus | compare| contrast(?!ive)| distinguish| sets? .* apart| same thing | (i|we|you|people|learners) (always |often |keep |still )?(mix|mixing) up| mix (them|these|the two) up| (i|we) (get|am|'m|always get) confused| confuse (them|these|the two)| confusing (them|these|the two)| end and .* begin | diffe?re | distingu| oppose | pareil | la meme chose | (je|j'|on|tu|vous|nous) (les |toujours |tout )*(confond|melange)| confondre | confusion entre|(?<! par) contre (?!(indications?|exemples?|productifs?|productives?|mesures?|coup|partie|ca|cela|quoi|elle|lui|eux|vents et marees) )| plutot que | ou bien | (better|worse|faster|slower|cheaper|stronger|more accurate)( [a-z']+){0,3} than | (mieux|pire|meilleure?s?|plus rapide|plus lente?|plus precise?)( [a-z']+){0,3} que | (is it|would it be|is one) (better|best) (to )?.* or | (should|do|would) (i|we) (use|pick|choose|go with|take|prefer) .* or | vaut (il |t il )?mieux .* ou | or [^?]*,? which (one |of the two )?(should|would|do|to|is|first|for (us|me|our|my)\b|fits|suits)| (lequel|laquelle) (des deux )?(essayer|choisir|prendre|utiliser|privilegier) (en )?(premier|d'abord)| ou [^?]*,? (lequel|laquelle|par quoi) | entre [^?]* et [^?]*,? (lequel|laquelle|lesquels) | (ou|or) [^?]*,? (qu'est ce qui|lequel|laquelle|which|what) (serait|est|would be|is|works) (le mieux|mieux|le meilleur|la meilleure|better|best)\b|^ (c'est|est ce que c'est|est ce|is it|is this|is that|would it be|ce serait) (du |de la |de l'|des |un |une |a |an )?[a-z' -]+ (ou|or) (du |de la |de l'|des |un |une |a |an )?[a-z' -]+ $| (lequel|laquelle) (tu|vous) (me |nous )?(conseilles|conseillez|recommandes|recommandez|prendrais|prendriez)| which (one |of the two )?(would|do) you (recommend|suggest|advise|pick|choose)/],
  // "Where do I even start?", « Par où commencer ? »: how it is done, whatever it is meant to avoid.
  ['how', / comment faire | how (do|would|should) (i|we) (do|go about) (it|that|this)\b| where (do|should|can) (i|we|you|one) (even )?(start|begin)| where to (start|begin)| how (do|should|can) (i|we) (get started|start|begin)| par ou (je |on |tu |nous |vous )?(commencer|commence|commencez|commencons)| comment (commencer|demarrer|debuter|s'y prendre|m'y prendre|je m'y prends|on s'y prend)| comment (je|j'|on|tu|vous|nous) (gere|gerer|gerez|gerons|traite|traiter|traitez|traitons) /],
  // "How do I avoid overfitting?", « comment on peut éviter ça ? »: what to do about a problem.
  // « Je fais quoi avec ça ? », "what do I do with those gaps?": what to do about it.
  // "Is that really enough to stop it from...?": what guards against it.
  ['remedy', new RegExp(`${ENOUGH_TO_STOP_IT.source}|${/ (je|on|nous|tu|vous) (fais|fait|faisons|fais|faites) quoi (avec|de|pour)\b| (que|qu'est ce que) (je|on) fai[st] (avec|de) (ca|cela|ces|ceux|ces trous|tout ca)\b| what (do|should|can) (i|we) do (with|about) (those|these|them|it|that|this)\b| how (do|can|should|would|could|might) (i|we|you|one|people) (avoid|prevent|fix|mitigate|reduce|stop|cure|counter|combat|tackle|get rid of|deal with|handle|solve|detect|spot|catch)\b| how to (avoid|prevent|fix|mitigate|reduce|stop|cure|counter|combat|tackle|get rid of|deal with|handle|solve|detect|spot)\b| (avoid|avoiding|prevent|preventing|fix|fixing|mitigate|mitigating|get rid of|cure|remedy|remedies|countermeasures?) | what (can|should|do) (i|we|you) do | what (can|should|do) (i|we) do (about it|about that|then|now)? ?$| (qu'est ce que|que) (je|j'|on|nous|tu|vous) (fais|fait|faisons|faites|dois faire|devrais faire) (de|avec) | (qu'est ce que|que) (je|j'|on|nous|tu|vous) (fais|fait|faisons|faites|dois faire|devrais faire|peux faire|peut faire) (alors|dans ce cas|contre ca)? ?$| (protect|defend|guard|secure) (ourselves |myself |it |us )?against | (se|nous|me|m'en|s'en|nous en|vous en|t'en|vous) (proteger|premunir|defendre|garder|garantir) | proteger (contre|de) | comment (on )?(peut on |pourrait on |puis je |pourrais je |pouvons nous |pourrions nous |dois je |devons nous |faire pour |l'|les |le |la )?(eviter|prevenir|corriger|reduire|limiter|combattre|lutter|regler|resoudre|y remedier|s'en premunir|detecter|s'en debarrasser|empecher|gerer)| (on|je|tu|vous|nous) (peut|peux|pouvons|pouvez|doit|dois|devons|devez|pourrait|pourrais) (l'|le |la |les |y )?(eviter|prevenir|corriger|reduire|limiter|combattre|empecher|resoudre|regler|remedier)| comment (je|j'|on|nous) (limite|limitons|evite|evitons|empeche|empechons|reduis|reduit|reduisons|corrige|corrigeons|combats|combat|gere|gerons|previens|previent)\b| remede| eviter | empecher | que faire | quoi faire /.source}`)],
  // "Is exact match really enough to trust it on ring numbers?": where it falls short.
  // "Is that going to be a problem?", « ça va poser problème ? »: where it falls short for them.
  ['limits', / (is|are|will) (that|it|this|they|those|these) (going to |gonna )?be (a )?problem| (va|vont|risque|risquent) (t il |t elle |t ils )?(de )?(poser|faire) (un )?probleme| (est ce que |est ce qu')?(ca|cela|ils|elles) (pose|posent) (un )?probleme| (really|truly|vraiment) (enough|sufficient|suffisante?s?|suffit)\b| (ca|cela) suffit (vraiment|reellement) | enough to (trust|rely on)\b| suffisante?s? pour (s'y fier|s'en fier|lui faire confiance|m'y fier|nous y fier)\b| (hurt|hurts|harm|harms|degrade|degrades|damage|damages|worsen|worsens) (the |my |our |its |it\b|them\b|performance|accuracy|results|quality|the model|training|anything|things)| (hurt|hurts|harm|harms|degrade|degrades|damage|damages|worsen|worsens) $| make (it|things|the model|the results?|my model) worse| (rendre|rend) (le modele |les resultats |ca )?(moins bon|pire)| (lose|loses|losing|cost|costs) (much |any |a lot of |some )?(quality|accuracy|precision|performance)| (abime|degrade|deteriore|fait perdre|perd) | (perd|perte) (de |en )?(qualite|precision|performance)| (so|that|too|this) (slow|expensive|costly|hard|heavy|long to)\b| (si|aussi|trop|tellement) (lent|lente|cher|chere|couteux|couteuse|lourd|lourde|long|longue|difficile)s? | (what happens|what if|what would happen|que se passe t il|qu'arrive t il|et si) .*(too|trop) | (marche|fonctionne|works?) (toujours|always|every time)| revers | contrepartie| limit| drawback| downside| catch | pitfall| weak (point|spot)| (?<! at )risk| fall short| fails? | failure| go(es)? wrong | problem with | watch out | limite| piege| inconvenient| defaut| points? faibles? | (?<! a )risque| echou| coince| faire attention | probleme avec /],
  ['cause', / why (does|do|did|would|is|are) (it|they|this|that|he|she|the model|my model) (do|doing|keep|behave|act)\b| why does (this|that) happen| what'?s going on | what is going on | what (just )?happened | what'?s happening | qu'est ce qui s'est passe | que s'est il passe | (comprends|comprend|sais|vois) (pas )?ce qui se passe | pourquoi (il|elle|ils|elles|ca|cela|le modele|mon modele) (fait|font|agit|se comporte)| qu'est ce qui se passe | que se passe t il avec | what causes | cause[sd]? (of )?| caus(e|ing) | why (does|do|did|is|are|would|might|can) .*(happen|occur|appear|arise|hallucinat|overfit|underfit|diverge|explode|vanish|collapse|forget|drift|spike|fail|go wrong|leak|memori[sz])| how come | where does .* come from when| pourquoi .*(se produit|arrive|apparait|survient|hallucin|surapprend|sur-apprend|diverge|explose|disparait|s'effondre|oublie|derive|echoue|fuit|memoris)| qu'est ce qui (cause|provoque|explique)| (la|les) causes? | a cause de quoi | comment se fait il | d'ou (ca|cela|ce probleme|ceci|ca peut|cela peut|peut) ([a-z' ]+ )?(vient|venir|provient|provenir)\b| where (could|might|can|does|would) (this|that|it) (be )?(come|coming) from\b/],
  // "the history of attention", « l'histoire des LLM »; not "the oil sample history" or « l'historique des pannes ».
  ['history', / where (does|did) .* (come from|start)| come from | origin| history of | history behind |^ (the |a |its )?history | histoire| historically| historique de (l'|la |le )?(idee|concept|methode|technique|terme|nom)| (who|when) .*invent| invented by | inventor| invention| came up with | introduced | backstory| how did .* appear| when was | d'ou (vient|ca vient|viennent)| (vient|viennent|venu|venue) d'ou | origine| histoire| historique| (qui|quand) .*invent| invente par | inventeur| invention| apparu| (est|sont|etait|etaient) nee?s? | a commence| commence ou | l'idee d| qui a eu /],
  ['why', / which (one|of (them|the two|these|those|both)) (should (i|we) (care|focus|worry)|matters?|is (more|most) important|counts? (more|most)|should (i|we) (prioriti[sz]e|favou?r|optimi[sz]e))| (lequel|laquelle) (des deux )?(compte|est (le |la )?plus important|dois je (privilegier|surveiller)|faut il (privilegier|surveiller))|^ why | why (is|does|do|are|should|would|use|it) | why$| what .*(?<!stands?) for $| point of | use of | useful| valuable| good for | what makes .* (useful|valuable|important)| matter| important| problem does .* solve| pourquoi| a quoi (ca )?ser| sert a quoi| ca sert | interet| utile| apporte| avantage| probleme resou| importan/],
  ['how', / how (does|do|is|are|can|it|exactly|to)| how$| mechanic| working| principle| walk me through| what happens | steps | proceed| idea behind | fonctionn| comment (ca )?(marche|fonctionne|fait|se passe|procede|ca se passe|est fait)| marche | mecanisme| principe| etapes| procede| concretement| idee derriere| se passe /],
  ['example', / example| analog| illustrat| in action | real case | look like in | exemple| analogi| illustre| cas concret| en action | a quoi ressemble .* (vrai|reel|pratique|concret)| en vrai | (show|give|write) (me|us) (a|an|one) (concrete |real |sample |full |complete )?(prompt|query|row|template|request)\b| (montrez|montre|donnez|donne|ecrivez|ecris) moi (un|une) (prompt|requete|ligne|modele de prompt) (concret|concrete|complet|complete|type)\b/],
  ['simple', / simpl| new to | nouveau dans | novice| plain (english|words|terms)| plainly| eli5 | like i'?m five | like (i'?m|im|i am) 5 | newcomer| beginner| without (the )?(jargon|math)| easy explanation| never studied| vulgaris| debut| sans (jargon|math)| enfant| plus simple| (qui )?n'a jamais (fait|etudie)| (qui )?ne connait rien /],
  ['define', / defin| meaning of | what does .* mean | def | signifi| veut dire | definis/],
  // A question that starts with "how" or « comment » and says nothing more precise asks how it works.
  ['how', /^ (and |so |et |alors |mais )?(how|comment) /],
];

const REMARKS: ReadonlyArray<readonly [Remark, RegExp]> = [
  // "That's a lot to take in", « Tu peux résumer ? »: the short version of what the conversation covered; "what should we
  // do now?", « prochaines étapes ? »: the steps it leads to.
  ['recap', / (that'?s|this is|it'?s|thats) (a lot|too much|lots)\b| lot to (take in|digest|absorb|remember)| sum (it |this |that |everything |all (of )?(this|that) )?up| summar| recap| tl ?dr | in a nutshell | ca fait beaucoup (a|d'un coup|trop)?| c'est beaucoup (a|d'un coup|trop)| beaucoup a (digerer|retenir|assimiler)| resum(er|ez|ons|erais|eriez)\b| resume (moi|nous|tout|ca|cela|le|la|les|ce|en|ca)\b| (un|en|petit|faire un|me faire un|nous faire un) resume\b| recapitul| en bref | what (should|do|must|shall) (i|we) (do|try|tackle|work on) (now|next|first)\b| (next|first) steps?\b| (que|qu'est ce que) (dois|devons|devrais|devrions|devez|devriez|doit) (je|nous|on|vous|tu) (faire|attaquer) (maintenant|ensuite|d'abord|en premier|concretement)\b| prochaines? etapes?\b| on fait quoi (maintenant|ensuite)\b| step by step| etape par etape| si (je|on) (resume|recapitule)\b| (que|quoi|qu'est ce que) (je |nous |on )?(dois |doit |devons |devrais )?(je |nous |on )?faire,? dans l'ordre| what (should|do) (i|we) do,? in order| (concrete|practical|actual|first) steps?\b| etapes (concretes|pratiques)\b| (give|list|tell|show|write|lay out) (me|us) ([a-z]+ ){0,3}steps\b| (donne|donnez|donner|liste|listez|ecris|ecrivez|detaille|detaillez) (moi|nous) ([a-z']+ ){0,3}etapes\b| (what|which) steps (should|do|must|would|shall) (i|we) (follow|take|go through)\b| (quelles|les) etapes (je dois|dois je|doit on|on doit|faut il|il faut|devrais je|je devrais) (suivre|faire)?/],
  // "So what?", not "so what should I measure instead?".
  ['sowhat', / so what (?!(should|shall|do|does|did|can|could|would|will|is|are|was|were|kind|metric|metrics|else|other|about|if|happens)\b)| and so | why should i care | what'?s the point | whats the point | et alors | a quoi bon | et donc | so\? $/],
  ['confused', / (don'?t|do not|didn'?t) (get|understand|follow)| (not sure|unsure) (i |that i )?(get|understand|follow|see)\b| pas (sur|sure|certain|certaine) de (bien )?(comprendre|saisir|suivre|voir)\b| abstra| vague | flou | (pas|rien) (tout |bien )?compris | n'ai pas (tout |bien )?compris| lost me | i'?m lost | confus| not clear| unclear| over my head | hard to follow| too (technical|complicated|complex)| complicated | complex | je (ne )?(comprends|saisis|suis) pas | (pas|rien) compris | j'ai pas (compris|suivi)| je suis perdu| complique| difficile| trop technique| beaucoup a penser| lot to think| pas clair| flou | hein /],
  ['doubt', / not convinced| pas convaincu| skeptical| sceptique| bet | doubt| (sounds|seems|looks|parait|semble) (a bit |kind of |quite |un peu |assez )?(fragile|risky|brittle|shaky|risque)\b| really | too (simple|easy|good)| can'?t be (that|so)| sounds? (simple|easy|too)| seems? (simple|easy|too)| that simple | not that | parie | vraiment | trop (simple|beau|facile)| si simple | semble (simple|facile)| a l'air (simple|facile)| j'en doute| pas le cas | are you sure | t'es sur | vous etes sur | c'est tout /],
  ['more', / tell me more| go on | keep going| continue| more | and then | what else| et ensuite| et encore| dis m'en plus| vas y | ensuite | quoi d'autre| plus de details| details /],
  ['interest', / interesting| cool | wow | nice | impressive| neat | fascinat| amazing | huh | oh | interessant| impressionnant| genial| super | sympa | etonnant| surprenant| incroyable| ah bon | tiens /],
];

const SMALL_TALK: ReadonlyArray<readonly [SmallTalk, RegExp]> = [
  ['thanks', / (thanks?|thank you|thx|cheers|merci|je te remercie|je vous remercie)\b/],
  ['bye', / (bye|goodbye|see you|au revoir|a bientot|a plus|bonne (journee|soiree|nuit)|ciao)\b/],
  ['greeting', /^ (hello|hi|hiya|howdy|hey|good (morning|evening|afternoon)|bonjour|bonsoir|salut|coucou)\b/],
  ['ack', / (ca|cela) (semble|a l'air)| (sounds|seems) (simple|easy|cool|great)| lot to think| beaucoup a penser|^ (ok|okay|alright|cool|nice|great|i see|got it|makes sense|that makes sense|interesting|d'accord|ah d'accord|je vois|compris|cool|super|genial|interessant|ca a du sens|c'est plutot sympa|sympa|ca a l'air)\b/],
];

/** The intent the wording asks for; `what` when it says nothing more than the concept's name. */
export function detectIntent(question: string): SingleIntent | 'contrast' {
  const plain = plainQuestion(question);
  // « Pourquoi les LLM inventent-ils des choses ? » asks for a reason, whatever else its words suggest.
  const cues = /^ (why|pourquoi) /.test(plain) ? CUES.filter(([intent]) => intent !== 'history') : CUES;
  // « Qu'est-ce que la classification, concrètement ? » asks what it is, made concrete: no mechanism.
  if (/^ (and |so |et |alors )?(what is|what's|what are|qu'est ce que|qu'est ce qu'|c'est quoi) /.test(plain) && / (concretement|concretely|in practice|en pratique) /.test(plain) && !/ (how|comment) /.test(plain)) return 'what';
  // "Can you give me a concrete example of a prompt, like a customer asking how to make the sleeves longer?": the
  // request opens the question; what follows is its subject.
  if (/^ (can|could|would) you (give|show|write) (me |us )?(a |an |one )?(concrete |real |quick |simple |short |good )?example\b|^ (pouvez vous|pourriez vous|peux tu|pourrais tu|tu peux|vous pouvez) (me |nous )?(donner|montrer|ecrire) (un )?(exemple)\b/.test(plain)) return 'example';
  // « ... il mélange les lignes, par exemple il donne la valeur d'à côté » illustrates a story; it asks for no example.
  // ("fiches d'une ou deux pages", "one or two lines": a count, not two things weighed.)
  const told = plain.replace(/ (par exemple|for example|for instance|e g|p ex) /g, ' ').replace(/( |d')(un|une|deux|trois|quatre|cinq|one|two|three|four|five|\d+) (ou|or) (deux|trois|quatre|cinq|six|dix|two|three|four|five|six|ten|\d+) /g, '$1$2 $4 ');
  return cues.find(([, cue]) => cue.test(told) || cue.test(told.replace(/'/g, "' ")))?.[0] ?? 'what';
}

/**
 * "Is that enough?", "Will it work for them too?", "What if an epidemic hits?", « Est-ce que c'est suffisant ? »,
 * « Ça va marcher pour eux aussi ? », « Et si une épidémie arrive d'un coup ? »: whether what was just explained holds
 * up in the learner's case, which its limits answer.
 */
export function asksWhetherItHolds(question: string): boolean {
  const plain = plainQuestion(question);
  // "And how does it work?", « comment ça va marcher ? » ask for the mechanism.
  if (/^ (and |so |et |alors |mais )?(how|comment) /.test(plain)) return false;
  // ("Is embedding search really enough for...?": a way named, doubted.)
  if (/^ (but |so |and |mais )?(is|are) ([a-z][a-z0-9'-]* ){1,3}(really |actually |truly )(enough|sufficient)\b/.test(plain)) return true;
  return / (is|was) (that|it|this|they) (really |actually |truly )?(enough|sufficient)| (enough|sufficient) $| (will|would|can|could) (it|that|this|they|the model|my model) (still |really |also )?(work|hold|cope|scale)\b| (does|do) (it|that|this|they|the model|my model) (still |really |also )(work|hold|cope|scale)\b| (does|do) (it|that|this|they|the model|my model) work (for|with|on|if|when)\b| what (if|happens if|happens when|about when) | won'?t (it|that|this|my model|the model) (just )?(stop|break|fail|die)| est ce (que )?(c'est |ce sera |ca sera |ca )?(suffisant|assez|suffit)| (c'est|ca sera|ce sera|est ce) (vraiment )?(suffisant|assez)| (ca|cela) suffi| suffit il | (ca|cela|il|elle|ils|elles|le modele) (va|vont|peut|pourra|pourrait|marchera|fonctionnera|tiendra)( [a-z]+)? (marcher|fonctionner|tenir|suivre)| (ca|cela) (marchera|fonctionnera|tiendra)| (et si|que se passe t il si|qu'arrive t il si|que se passera t il si) /.test(plain);
}

/** Small talk: a short message that thanks, greets, says goodbye or acknowledges, and asks nothing. */
export function detectSmallTalk(question: string): SmallTalk | undefined {
  const plain = plainQuestion(question);
  // "Thanks, that really helps, I'll start with the retrieval evaluation.": thanks, however it goes on, if it asks nothing.
  if (OPENS_WITH_THANKS.test(plain) && !question.includes('?') && plain.split(' ').length <= MAX_THANKS_WORDS) return 'thanks';
  if (plain.split(' ').length > 12 || /\?/.test(question.replace(/\?\s*$/, ''))) return undefined;
  return SMALL_TALK.find(([, cue]) => cue.test(plain))?.[0];
}

const OPENS_WITH_THANKS = /^ (ok |okay |great |super |parfait |top )?(thanks?|thank you|thx|cheers|merci|je te remercie|je vous remercie)\b/;
const MAX_THANKS_WORDS = 30;

/**
 * A reaction to the previous answer: short, with no question of its own (« Ça a l'air compliqué », "Really?",
 * "I don't get it", "Interesting", "So what?").
 */
export function detectRemark(question: string): Remark | undefined {
  // "How does the retrieval part work, step by step?" asks for a mechanism in order, not for a recap.
  const asked = plainQuestion(question);
  const plain = HOW_IT_WORKS.test(asked) ? asked.replace(/ (step by step|etape par etape)\b/g, ' ') : asked;
  const words = plain.trim().split(' ').length;
  // "Can you sum up what I should remember for shipping this?": a request for a recap may be a whole sentence.
  if (words <= 30 && REMARKS[0]![1].test(plain)) return REMARKS[0]![0];
  if (words > 14) return undefined;
  return REMARKS.find(([, cue]) => cue.test(plain))?.[0];
}

/** "How does the retrieval part actually work", « comment fonctionne la recherche »: a mechanism asked for. */
const HOW_IT_WORKS = / how (does|do|did) ([a-z']+ ){1,5}(actually |really |exactly )?work\b| comment ([a-z']+ ){0,4}(fonctionne|fonctionnent|marche|marchent)\b/;

/** "Why not just use one-hot vectors?", « Pourquoi pas simplement X ? »: X weighed against the topic in play. */
export function asksWhyNotInstead(question: string): boolean {
  // "Shouldn't I rather ask an LLM?", « Est-ce que je ne devrais pas plutôt demander à un grand modèle de langage ? »
  if (/ (shouldn'?t|should not) (i|we) (just |rather |simply |instead )?[a-z]+| should (i|we) (just|simply|rather|instead) | (ne )?(devrais|devrait|devrions|devriez|faudrait|vaudrait)( t)?( je| on| il| nous| vous)? (pas )?(plutot|simplement|juste) /.test(plainQuestion(question))) return true;
  // ("It answers with the 2019 rules instead of the 2024 ones": what the system did, told, no proposal.)
  if (/ (repond|repondent|answers?|answered|replies|cites?|citent|quotes?|quoted|gives?|gave|donne|renvoie|returns?|returned|brings? back) [^?]*\b(au lieu d|instead of|rather than|plutot qu)/.test(plainQuestion(question))) return false;
  // ("Should I fine-tune a model on our transcripts instead?": a proposal, its alternative left unsaid.)
  return / instead $| plutot $| a la place $| why not (just |simply |use |rather )?| why wouldn'?t (we|you|i) | (can'?t|couldn'?t|cannot) (we|i|you|one) (just|simply) | instead of | rather than | pourquoi (pas|ne pas) | au lieu d| plutot qu| (on|je|tu) (ne )?(peut|peux|pourrait|pourrais) pas (juste|simplement) | pourquoi (on |je |tu |nous |vous )?(ne |n')?[a-z]+ pas (juste|simplement) /.test(plainQuestion(question));
}

/**
 * "Should I fine-tune or is RAG enough?", « Est-ce que je dois affiner le modèle ou le RAG suffit ? »: a choice between
 * the two things named.
 */
export function asksToChooseBetween(question: string): boolean {
  return / (should|do|must|shall|would|could) (i|we|you) ([a-z0-9'-]+ ){1,10}or | (dois|devrais|doit|devrait|faut|faudrait|vaut|vaudrait)( je| il| on| t il| t on)? (plutot |mieux )?([a-z0-9'-]+ ){1,10}ou | (or|ou) ([a-z'-]+ ){0,4}(enough|suffice|suffices|do the job|suffit|suffira|suffirait|suffisant|suffisante)\b/.test(plainQuestion(question));
}

/**
 * "Which temperature should I use for a support bot?", "how should I set the chunk size?", « quelle température
 * choisir ? »: a setting or a choice to make, which the entry's step answers.
 */
export function asksForAdvice(question: string): boolean {
  return / how (should|do|would|can) (i|we) (chunk|split|cut|segment|break up|index)\b| comment (je |on |dois je |faut il |devrais je )?(decouper|decoupe|couper|coupe|segmenter|segmente|indexer|indexe)\b| (what|which) (size|length|overlap) (should|do|would|shall|must)\b| (quelle|quel) (taille|longueur|chevauchement) ([a-z']+ ){0,2}(faut il|dois je|devrait|doivent|doit|pour|de|des|me conseilles|conseilles|conseillez)\b| (what|which) (one )?(would|do|did) you (recommend|suggest|advise|go for|go with|pick|choose)\b| (que|qu'est ce que|lequel|laquelle|lesquels|lesquelles) (me conseilles tu|me conseillez vous|tu me conseilles|vous me conseillez|me recommandes tu|me recommandez vous|tu me recommandes|vous me recommandez|choisirais tu|choisiriez vous|prendrais tu|prendriez vous)\b| (which|what) ([a-z0-9'-]+ ){0,4}(should|do|would|shall) (i|we|you) (use|pick|choose|set|go with|start with|put)\b| how (should|do|would) (i|we) (set|choose|pick|tune|size)\b| (what|which) (value|values|setting|settings) (for|of|should|do)\b| (quel|quelle|quels|quelles) ([a-z0-9'-]+ ){0,3}(dois je|devrais je|faut il|me conseilles tu|me conseillez vous|conseilles tu|conseillez vous) (utiliser|choisir|mettre|prendre|fixer|regler)?| (quel|quelle|quels|quelles) ([a-z0-9'-]+ ){0,2}(utiliser|choisir|mettre|prendre|fixer)\b| comment (choisir|regler|fixer|parametrer|dimensionner)\b| (quelle|quel) (valeur|reglage|parametre)s? | (je|on|nous) (la|le|les) (mets|met|mettons|regle|reglons|fixe|fixons) a combien\b| a combien (je|on|nous|faut il|dois je) (la |le |les )?(mettre|mets|met|regler|regle|fixer)\b| how (high|low|much) should (i|we) (set|make|put)\b| what (should|do) (i|we) set (it|them|this|that) to\b| should (i|we) (lower|raise|increase|decrease|reduce|change|lower|turn (it |them )?(up|down)) (it|them|this|that)\b| (dois je|devrais je|faut il|faudrait il|doit on) (la |le |les |l')?(baisser|monter|augmenter|diminuer|reduire|changer|relever)\b/.test(plainQuestion(question));
}

/** "Why both?", « pourquoi les deux ? »: two things named together, asked what sets them apart. */
export function asksAboutBoth(question: string): boolean {
  return / (why|what for|pourquoi|a quoi bon) .*(both|les deux)\b| both of them | les deux (a la fois|ensemble) /.test(plainQuestion(question));
}

/** "And the future?", « Et l'avenir de tout cela ? »: the concept that answers where the field is heading. */
export function asksAboutTheFuture(question: string): boolean {
  const plain = plainQuestion(question);
  // « demain » alone is any tomorrow (« va-t-il pleuvoir demain ? »): only « et demain ? ».
  return /[ '](future|heading|trends?|next big|avenir|tendances?|perspectives?|futur) /.test(plain) || /^ et demain /.test(plain);
}

/**
 * The words a follow-up is made of: question words, cue words, pronouns that refer back. A question with any
 * other word ("How does HTTPS work?") has a subject of its own, even when the glossary does not know it.
 */
const FOLLOW_UP_WORDS = new Set(
  (
    "a an the and or but so then what what's whats is are was were be does do did how why where when who which can could " +
    'would should will you me i my your it its it\'s this that these those they them there here more again further else ' +
    'tell show give explain exactly really please concretely in on of to for with about from simply simple simpler plain ' +
    'plainly words terms example examples analogy illustrate catch downside downsides drawback drawbacks limit limits ' +
    'risk risks problem problems fail fails wrong weak points point use used useful matter matters important work works ' +
    'working done come comes came start started history origin invented invent mean means meaning define definition ok ' +
    'any some et ou mais donc alors quoi qu qu\'est ce c\'est est sont a comment pourquoi ou d\'ou quand qui quel quelle ' +
    'quels quelles le la les l un une des de du en dans sur pour avec par ca cela ceci il elle ils elles son sa ses leur ' +
    'tu vous me moi m te t toi peux pouvez dis dire donne donner montre explique expliquer encore plus exactement ' +
    'vraiment concretement stp svp simplement simple simples mots termes exemple exemples analogie illustrer piege pieges ' +
    'inconvenient inconvenients defaut defauts limite limites risque risques probleme problemes marche fonctionne ' +
    'fonctionnement sert servir utile important interet vient viennent venu histoire origine invente signifie veut ' +
    'precise preciser clarifier y ya il y a-t-il t-il faut fait passe se s n ne pas m\'en l\'a montrer mechanics makes ' +
    'put clarify apporte coince commence commencer wow cool nice great impressive interesting see sense seems bet case ' +
    'impressionnant interessant super sympa genial vois sens semble parie cas accord d\'accord plutot bien ' +
    'have has got concrete real practical practice avoir as avez concret concrete reel pratique ' +
    'pourriez pourrais pourrait pouvez peux peut voulez veux like im'
  ).split(' '),
);

/** Words that point back to what was just explained: "it", "them", « ça », « les ». */
const REFERRING = / (it|its|they|them|their|this|that|these|those|ca|cela|ceci|il|ils|elle|elles|les|le|la|l|y|en|lui|leur|leurs|son|sa|ses) /;

/**
 * A short question that points back with a pronoun (« Et comment on les obtient ? », "Where do they come
 * from?"): about the topic in play even with words of its own, when it names no concept.
 */
export function refersBack(question: string): boolean {
  const plain = plainQuestion(question).replace(/'/g, "' ").replace(/' /g, ' ');
  // "Why does that help? Sounds like you're just breaking the network": a question about "that" may go on.
  if (/^ (and |so |but |ok |et |mais |alors )?(why|how|what|when|where|pourquoi|comment|quand|ou) (does|do|did|is|would|can|could|should|est ce que|est ce qu) (that|it|this|they|ca|cela|il|elle) /.test(plain)) return true;
  if (/^ (and |so |et |mais |alors )?(pourquoi|comment) (ca|cela) /.test(plain)) return true;
  // "We can only visit 50 lifts a week, so which one should I care more about?": one of the two just explained.
  if (WHICH_OF_THE_TWO.test(plain)) return true;
  return plain.trim().split(' ').length <= 12 && REFERRING.test(plain);
}

/** "Which one should I care more about?", « lequel compte le plus ? »: which of what was just explained matters. */
export const WHICH_OF_THE_TWO = / which (one|of (them|the two|these|those|both)) (should (i|we) (care|focus|worry) (more |most )?(about|on)|matters?|is (more|most) important|counts? (more|most)|should (i|we) (prioriti[sz]e|favou?r|optimi[sz]e|pick|choose))| (lequel|laquelle) (des deux )?(compte|est (le |la )?plus important|dois je (privilegier|surveiller|choisir|optimiser)|faut il (privilegier|choisir|surveiller))/;

/** A question that names no concept of its own and reads as a sequel ("Et comment ça marche ?", "Why?"). */
export function soundsLikeFollowUp(question: string): boolean {
  const words = plainQuestion(question).trim().split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 12) return false;
  return words.every((word) => FOLLOW_UP_WORDS.has(word) || word.length <= 2);
}
