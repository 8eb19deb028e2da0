import { LANGS, type Lang } from '../src/core/glossary/types';
import { TermMatcher, type TermForm } from '../src/core/matching/matcher';
import { codeTermForms } from '../src/core/matching/rules';
import { findTerms, tipFor, tipLang, type MarkZone, type TermMark, type TermMarker, type TermTip } from '../src/core/present/termMarks';
import { explainHref, type RendererConcept, type RendererTerms } from '../src/webviewProtocol/notebookTerms';

/** The terms the host sent, and the matcher built from their forms. */
export class NotebookMarker implements TermMarker {
  private terms: RendererTerms | undefined;
  private matcher: TermMatcher<Lang> | undefined;
  private byId = new Map<string, RendererConcept>();

  update(terms: RendererTerms): void {
    this.terms = terms;
    this.byId = new Map(terms.concepts.map((concept) => [concept.id, concept]));
    const forms: Array<TermForm<Lang>> = terms.concepts.flatMap((concept) => concept.forms.map(([lang, text, preferred]) => ({ conceptId: concept.id, lang, text, preferred })));
    this.matcher = new TermMatcher<Lang>([...forms, ...codeTermForms((id) => this.byId.has(id), LANGS)]);
  }

  find(text: string, zone: MarkZone): readonly TermMark[] {
    return this.terms?.enabled && this.matcher ? findTerms(this.matcher, text, zone, this.terms.ml) : [];
  }

  tip(id: string, matched: Lang | undefined): TermTip | undefined {
    const concept = this.byId.get(id);
    if (!concept || !this.terms) return undefined;
    const lang = tipLang(this.terms.language, matched, this.terms.uiLang);
    return tipFor(concept, lang, explainHref(this.terms.linkBase, id, lang), this.terms.hint);
  }
}
