import type { Category, Lang, Level, SectionName } from '../glossary/types';

/** Categories in the order a learner meets them, named in both languages. */
export const CATEGORIES: ReadonlyArray<{ readonly id: Category; readonly en: string; readonly fr: string }> = [
  { id: 'foundations', en: 'Foundations', fr: 'Fondements' },
  { id: 'neural-networks', en: 'Neural networks', fr: 'Réseaux de neurones' },
  { id: 'training', en: 'Training', fr: 'Entraînement' },
  { id: 'architectures', en: 'Architectures', fr: 'Architectures' },
  { id: 'language-models', en: 'Language models', fr: 'Modèles de langage' },
  { id: 'multimodal', en: 'Multimodal models', fr: 'Modèles multimodaux' },
  { id: 'alignment-safety', en: 'Alignment and safety', fr: 'Alignement et sécurité' },
  { id: 'evaluation', en: 'Evaluation', fr: 'Évaluation' },
  { id: 'data-deployment', en: 'Data and deployment', fr: 'Données et déploiement' },
  { id: 'ecosystem', en: 'Ecosystem', fr: 'Écosystème' },
];

export function categoryLabel(category: Category, lang: Lang): string {
  return CATEGORIES.find((entry) => entry.id === category)?.[lang] ?? category;
}

const LEVELS: Readonly<Record<Level, Record<Lang, string>>> = {
  beginner: { en: 'beginner', fr: 'débutant' },
  advanced: { en: 'advanced', fr: 'avancé' },
};

export function levelLabel(level: Level, lang: Lang): string {
  return LEVELS[level]?.[lang] ?? level;
}

const SECTIONS: Readonly<Record<SectionName, Record<Lang, string>>> = {
  how: { en: 'How it works', fr: 'Comment ça marche' },
  why: { en: 'Why it matters', fr: 'Pourquoi c’est utile' },
  causes: { en: 'Why it happens', fr: 'Pourquoi ça arrive' },
  remedies: { en: 'How to avoid or fix it', fr: 'Comment l’éviter ou y remédier' },
  limits: { en: 'Limits and pitfalls', fr: 'Limites et pièges' },
  history: { en: 'Where it comes from', fr: 'D’où ça vient' },
  intuition: { en: 'Intuition', fr: 'Intuition' },
};

/** The heading of an explanation's section, in the language shown. */
export function sectionLabel(section: SectionName, lang: Lang): string {
  return SECTIONS[section][lang];
}

/** The heading of what a learner does about a concept in a project (an entry's `step`). */
export function stepLabel(lang: Lang): string {
  return lang === 'fr' ? 'Dans un projet' : 'In a project';
}

/** The heading of the curated contrasts. */
export function contrastsLabel(lang: Lang): string {
  return lang === 'fr' ? 'À ne pas confondre avec' : 'Not to be confused with';
}
