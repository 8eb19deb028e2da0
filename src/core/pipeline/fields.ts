import { LEARNER_FIELDS, type Concept, type Lang, type LearnerField } from '../glossary/types';
import { foldCase } from '../matching/normalize';
import { plainQuestion, WHICH_OF_THE_TWO } from './intent';

// The kind of data a learner works with, from what they tell of their project ("we want to predict which appointments
// will be no-shows", « prédire les pannes de portes à partir des capteurs »): a tutor then says what a concept means
// there (the entries' `byField`), rather than only in the glossary's own examples (fraud, tumours, taxis).

/**
 * The words that tell each field, folded (lower case, no accents). `*` ends a prefix (`sensor*`: sensors); a word
 * written twice counts twice: the words that name the field's very object (no-shows, failures) outweigh those it
 * shares with others (clinics are health's and appointments'). Words that machine learning uses for itself stay out:
 * "train", "machine", "logistic", "grid", "noise", "driver", "team", "sounds" (fragile), « produit » (scalaire),
 * « texte », « prêt », « assurance » alone (« il répond avec assurance »).
 */
const FIELD_WORDS: Readonly<Record<LearnerField, string>> = {
  appointments:
    'appointment* appointment* booking* booking* reservation* reservation* no-show* no-show* noshow* rendez-vous rendez-vous rdv ' +
    'overbook* overbook* surbook* surbook* cancellation* annulation* booked reserve* lapin* hotel* salon* hairdresser* coiffeur*',
  machines:
    'sensor* sensor* capteur* capteur* failure* failure* panne* panne* break-down* break-down* telemetr* generator* groupe-electrogene* readings failed rpm streetlight* street-light* lampadaire* maintenance maintenance machinery equipment* equipement* ' +
    'vibration* motor* moteur* pump* pompe* turbine* eolienne* lift lifts elevator* ascenseur* door doors porte portes conveyor* ' +
    'bearing* roulement* compressor* compresseur* defaillance* factory factories usine*',
  // A level, temperature or flow measured over time, forecast or watched: a silo's fill level, a cave river, a cold room.
  // (Temperature alone is a language model's setting too: it weighs once, and a reading's object twice.)
  readings:
    "fill-level* fill-level* water-level* water-level* niveau-d'eau niveau-d'eau niveaux-d'eau remplissage* remplissage* tank tanks cuve* cuve* silo silos reservoir* " +
    'temperature* humidit* pressure* pression* conductivit* chlor* turbidit* salinit* flow-rate* debit* co2 logger* logger* datalogger* probe* sonde* sensor* capteur* readings releve* ' +
    'river* riviere* crue* crue* flood* flood* inondation* groundwater nappe* drying drying sechage* sechage* dryer* sechoir* curing cold-room* cold-room* ' +
    'chambre-froide* chambres-froides* freezer* congelateur* brine saumure* rink rinks patinoire*',
  // Production quality: a defect per part, cycle or batch (« porosité », rebuts, a failed sterilisation cycle).
  quality:
    'crack* crack* fissur* fendu* kiln* ceramic* ceramique* defect* defaut* defectu* scrap* scrap* rebut* rebut* porosit* porosit* poreu* porous non-conform* nonconform* off-spec off-spec batch* batch* lab-test* density asphalt* bitumen* concrete beton* cement* ciment* ' +
    'out-of-tolerance tolerance* out-of-spec hors-tolerance quality qualite* foundry fonderie* casting* moulage* mould* mold* moule moules ' +
    'weld* soudure* soudage* autoclave* autoclave* sterile sterili* piece pieces usinage machined machining inspection* ' +
    'fabrication* manufactur* cycles',
  sales:
    'sale sales vente* vente* stores shop* magasin* magasin* boutique* product products produits demand bakery bakery bakeries ' +
    'boulanger* boulanger* retail* supermarket* supermarche* promotion* inventory stock stocks orders basket* panier* price* prix rental* rentals louer loue louee loues louees locations',
  health:
    'patient* patient* hospital* hospital* hopita* hopita* diagnos* medical medica* clinic* clinique* radiolog* x-ray* disease* ' +
    'maladie* doctor* medecin* nurse* infirmi* veterinar* veterinaire* vet vets symptom* symptome* sante healthcare',
  finance:
    'transaction* transaction* payment* payment* paiement* paiement* loan* loan* emprunt* credit* bank* banque* bancaire* claim* ' +
    'sinistre* insurance insurance assureur* assurance-* invoice* facture* fraud* fraude* trading',
  text:
    'email* email* e-mail* mail mails courriel* courriel* document* ticket* ticket* review* message* comments commentaire* ' +
    'formulaire* forms article* contract* contrat* tweet* posts manuscript* manuscrit* book books livre* novel* publish* editeur* ' +
    'edition* newsletter* transcript* report* rapport* manual manual manuals manuals manuel* manuel* handbook* handbook* rulebook* rulebook* binder* form reglement* wiki faq faqs pdf pdfs procedure* notice*',
  images:
    'photo* photo* image* image* picture* camera* camera* video* pixel* snapshot* cliche* drone*',
  users:
    'user* utilisateur* subscriber* subscriber* abonne* abonne* click* clic* website* churn churn ' +
    'desabonne* resiliation* member* adherent* customer* client* visitor* visiteur* app apps',
  energy:
    'electric* electric* energy energy energie* energie* water eau eaux gas gaz meter* meter* compteur* compteur* consumption ' +
    'consommation* boiler* chaudiere* heating chauffage solar solaire* kwh batiment* utility utilities',
  nature:
    'crop* crop* farm* farm* ferme* agricult* agricult* agricol* agricol* parcelle* escargot* escargot* helicicult* snail* snail* humidit* piscicult* piscicult* truite* trout* animal* livestock betail cow* vache* bee bees abeille* hive* ' +
    'ruche* vineyard* vigne* grape* raisin* fish* poisson* forest* foret* plante* harvest* recolte* pollution rainfall pluie* ' +
    'wildlife bird* oiseau* elevage* orchard* orchard* verger* verger* arboricult* arboricult* fruit* frost gelee* apiculteur* ' +
    'greenhouse* greenhouse* serre serres tomato* tomate* vegetable* legume* maraich* maraich* oyster* huitre* seedling* sapling* ' +
    'semis plantation* reforest* reboise* ostreicult* aquacult* aquacult* ozone ozone pollu* particul* smog wind winds vent vents atmospher* atmosph* climat* environment* environnement* soil* soil* turf* golf* fungicid* pesticid* herbicid* lawn* gazon* garden* jardin*',
  people:
    'employee* employee* salarie* salarie* employe* candidate* candidate* candidat* candidat* recruit* recrut* hiring embauche* staff ' +
    'personnel attrition turnover student* student* etudiant* etudiant* eleve* pupil* school* ecole* payroll',
  transport:
    'delivery deliveries delivery livraison* livraison* parcel parcel parcels parcels colis truck* camion* railway* railway* ferroviaire* ferroviaire* ' +
    'gare gares tram* flight* flight* vol vols bus buses baggage* bagage* luggage delay* retard* airport* aeroport* shipment* fleet ' +
    'flotte chauffeur* taxi* passenger* voyageur*',
  sports:
    'player* player* joueur* joueur* matchs athlete* athlete* sport* sport* football soccer basketball tennis rugby ' +
    'injur* blessure* coach* entraineur* league ligue tournament* tournoi* ' +
    'rowing rower* aviron* rameur* ergometer* ergometre* runner* coureur* cycling cyclist* cycliste* swimmer* nageur* marathon* race-time* heart-rate heart-rate frequence-cardiaque',
  audio:
    'audio audio speech speech parole voice* voix recording* recording* enregistrement* enregistrement* music* ' +
    'musique* microphone* podcast* song* chanson* acoust*',
  // A signal sampled many times a second and cut into windows: accelerometers on a 3D printer's head, a horse's hoof or
  // a worker's wrist, gyroscopes in wearables, vibration on a spindle. (Vibration alone is machines' too.)
  signals:
    'accelerometer* accelerometer* accelero* accelero* gyroscop* gyroscop* imu imu inertial* inertiel* wearable* wearable* ' +
    'sampled echantillonn* hz khz vibration* accelerat* acceleration* signal signals signaux raw-signal* signal-brut* ' +
    'gait* gait* demarche* boiterie* lameness* lame stride* foulee* wrist* poignet* smartwatch* montre-connectee* spindle* broche*',
};

interface FieldWord {
  readonly field: LearnerField;
  readonly pattern: RegExp;
}

const WORDS: readonly FieldWord[] = LEARNER_FIELDS.flatMap((field) =>
  FIELD_WORDS[field].split(/\s+/).map((word) => {
    const prefix = word.endsWith('*');
    const stem = (prefix ? word.slice(0, -1) : word).replace(/-/g, '[- ]?');
    return { field, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${stem}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'u') };
  }),
);

/** A field is told when its words weigh this much, and more than any other field's. */
const MIN_FIELD_WEIGHT = 2;

/**
 * The field the learner's own words tell, when one stands above the others: the first question that tells one (a
 * project is told at its opening; "we can't know next winter's weather" later does not make a water utility a farm),
 * else the conversation's words together; none for a learner who only asks about concepts.
 */
export function learnerField(questions: readonly string[]): LearnerField | undefined {
  for (const question of questions) {
    const told = fieldTold(question);
    if (told) return told;
  }
  return questions.length > 1 ? fieldTold(questions.join('\n')) : undefined;
}

function fieldTold(words: string): LearnerField | undefined {
  // "A 3D-printing farm", "a server farm", "a wind farm": no farming.
  const text = foldCase(words).replace(/\b(3d[- ]?print(ing)?|print(ing)?|server|render|wind|solar|data|click|content|troll|bot|link) farms?\b/g, ' ');
  const weights = new Map<LearnerField, number>();
  for (const word of WORDS) if (word.pattern.test(text)) weights.set(word.field, (weights.get(word.field) ?? 0) + 1);
  const [best, second] = [...weights.entries()].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < MIN_FIELD_WEIGHT || (second && second[1] === best[1])) return undefined;
  return best[0];
}

/** What a concept means in the learner's field, when its entry says. */
export function fieldText(concept: Concept, lang: Lang, field: LearnerField | undefined): string | undefined {
  return field ? concept[lang].byField?.[field] : undefined;
}

/** "With my hives", « avec nos éoliennes », "in our case", « dans mon cas »: the learner's own setting. */
export const OWN_SETTING = /\b(with|for|in|from|on|using|of) (my|our) \p{L}+|\b(in|for) (my|our) (case|project|situation|data)\b|\b(avec|pour|dans|sur|de) (mes|nos|mon|ma|notre) \p{L}+|\bdans (mon|notre) cas\b/u;

/**
 * The question asks about the learner's own case: their setting ("for us", « dans mon cas »), which of two matters
 * to them, or something concrete.
 */
export function asksAboutOwnCase(question: string): boolean {
  const folded = foldCase(question);
  return OWN_SETTING.test(folded) || /\b(for us|pour nous|chez nous|in practice|en pratique|concrete|concretely|concret|concretement|like (mine|ours)|comme (les miennes|les notres|la mienne|la notre|le mien|le notre|les miens))\b/u.test(folded) || WHICH_OF_THE_TWO.test(plainQuestion(question));
}
