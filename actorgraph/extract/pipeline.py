"""The extraction pipeline as spaCy components, and the function that turns a Document into an Extraction.

Components (registered by name, assembled in ``make_nlp``; ``nlp(doc)`` and ``nlp.pipe`` run them all):
  actorgraph_sentencizer  sentence starts at line breaks and sentence punctuation
  actorgraph_normalizer   token.norm_ = normalised form (Arabic orthography, English lowercase)
  actorgraph_mentions     gazetteer names, titles with their holders, head-noun phrases, surnames
  actorgraph_relations    triggers, arguments, pronoun subjects, modality, dates
They pass mentions on in ``doc.spans["actors"]`` and relations in ``doc._.relations`` (``extract/spans.py``);
``doc._.actorgraph`` keeps the token layer they share (our tokens with their match keys, sentences, entities).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from actorgraph.extract import dates, spans
from actorgraph.extract.dated_codes import apply_dated_codes
from actorgraph.extract.finder import MentionFinder
from actorgraph.extract.intent import code_intents, code_refusals
from actorgraph.extract.lang import profile, read_wordsets
from actorgraph.extract.lookup import Tables, build_tables, lexicon_rules
from actorgraph.extract.mentions import Entities, Tok
from actorgraph.extract.records import DOCUMENT_TYPES, Document, Extraction, Relation, Sentence
from actorgraph.extract.relations import RelationFinder

MAX_HEADING_WORDS = 14


@lru_cache(maxsize=8)
def sentence_ends(lang: str) -> frozenset[str]:
    return profile(lang).words("sentence ends:cased")


@dataclass
class DocState:
    lang: str
    toks: list[Tok] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # our token index → the Doc's token index
    entities: Entities | None = None
    finder: MentionFinder | None = None
    doc_date: str | None = None


if not Doc.has_extension("actorgraph"):
    Doc.set_extension("actorgraph", default=None)


@lru_cache(maxsize=4)
def _tokenizer(lang: str):  # type: ignore[no-untyped-def]
    return split_quote_marks(spacy.blank(lang).tokenizer, lang)


def split_quote_marks(tokenizer, lang: str):  # type: ignore[no-untyped-def]
    """The language's tokenizer, also splitting punctuation after a closing quote mark («Iran».) and a
    proclitic before an opening one (wa«Qatar»), when the profile lists them: without it the actor at the end
    of a quotation and the sentence end after it are one token. Abbreviations (word set "abbreviations:cased")
    keep their dot."""
    prof = profile(lang)
    for word in sorted(prof.words("abbreviations:cased")) if prof.has_words("abbreviations:cased") else ():
        # "Col. Ahmed", "Lt. Gen.": a rank's dot is part of the word; lower case for the lexicon's own forms
        for form in {word, word.lower()}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    if not prof.has_words("closing marks:cased"):
        return tokenizer
    closing = "".join(map(re.escape, sorted(prof.words("closing marks:cased"))))
    after = "".join(map(re.escape, sorted(prof.words("punctuation after closing marks:cased"))))
    opening = "".join(map(re.escape, sorted(prof.words("opening marks:cased"))))
    clitics = "|".join(map(re.escape, sorted(prof.words("proclitics before opening marks:cased"))))
    default_suffix, default_prefix = tokenizer.suffix_search, tokenizer.prefix_search
    extra_suffix = re.compile(rf"(?<=[{closing}])[{after}]$")
    extra_prefix = re.compile(rf"^(?:{clitics})(?=[{opening}])")

    def suffix_search(text: str) -> re.Match[str] | None:
        return extra_suffix.search(text) or (default_suffix(text) if default_suffix else None)

    def prefix_search(text: str) -> re.Match[str] | None:
        return (default_prefix(text) if default_prefix else None) or extra_prefix.search(text)

    tokenizer.suffix_search = suffix_search
    tokenizer.prefix_search = prefix_search
    return tokenizer


def tables_for(lang: str) -> Tables:
    tok = _tokenizer(lang)
    return build_tables(lang, _Tokenize(lang, tok))


class _Tokenize:
    """Hashable tokenize callable so the tables are cached per language."""

    def __init__(self, lang: str, tokenizer) -> None:  # type: ignore[no-untyped-def]
        self.lang = lang
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> list[str]:
        return [t.text for t in self.tokenizer(text) if not t.is_space]

    def __hash__(self) -> int:
        return hash(self.lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Tokenize) and other.lang == self.lang


if not Doc.has_extension("actorgraph_sent_starts"):
    Doc.set_extension("actorgraph_sent_starts", default=None)


@Language.component("actorgraph_sentencizer")
def sentencizer(doc: Doc) -> Doc:
    """Sentence starts after the language's sentence ends and at line breaks (headings are lines of their own).

    Kept as token indexes on ``doc._.actorgraph_sent_starts``: setting ``token.is_sent_start`` one token
    at a time re-checks the whole doc each time (quadratic), and our components need only the indexes.
    """
    starts: list[int] = []
    start_next = True
    ends = sentence_ends(doc.lang_)
    for token in doc:
        if start_next and not token.is_space:
            starts.append(token.i)
            start_next = False
        if token.text in ends or "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            start_next = True
    doc._.actorgraph_sent_starts = starts
    return doc


def _sentences(doc: Doc) -> list[list]:  # type: ignore[type-arg]
    starts = doc._.actorgraph_sent_starts or [0]
    bounds = [*starts[1:], len(doc)]
    return [list(doc[a:b]) for a, b in zip(starts, bounds, strict=True) if b > a]


@Language.factory("actorgraph_normalizer", default_config={"lang": "ar"})
def make_normalizer(nlp: Language, name: str, lang: str):  # type: ignore[no-untyped-def]
    keyfn = lexicon_rules(lang).token_keys
    norm = profile(lang).normalize
    ends = sentence_ends(lang)

    def normalizer(doc: Doc) -> Doc:
        state = DocState(lang=lang, doc_date=doc._.doc_date)
        for token in doc:
            if token.is_space:
                continue
            token.norm_ = norm(token.text)
            state.positions.append(token.i)
            state.toks.append(
                Tok(
                    i=len(state.toks),
                    start=token.idx,
                    end=token.idx + len(token.text),
                    text=token.text,
                    keys=keyfn(token.text),
                    sent=-1,
                    cap=token.text[:1].isupper(),
                    punct=token.is_punct or (len(token.text) == 1 and not token.text.isalnum()),
                )
            )
        # Sentences over the non-space tokens; a line with no closing punctuation is a heading.
        text = doc.text
        for sent in _sentences(doc):
            toks = [t for t in sent if not t.is_space]
            if not toks:
                continue
            a, b = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            line_end = len(text) if line_end < 0 else line_end
            whole_line = not text[line_start:a].strip() and not text[b:line_end].strip()
            heading = whole_line and toks[-1].text not in ends and len(toks) <= MAX_HEADING_WORDS
            state.sentences.append(Sentence(len(state.sentences), a, b, text[a:b], heading))
        # Map sentences to our token list.
        bounds = []
        j = 0
        for index, sentence in enumerate(state.sentences):
            while j < len(state.toks) and state.toks[j].start < sentence.start:
                j += 1
            k = j
            while k < len(state.toks) and state.toks[k].end <= sentence.end:
                state.toks[k].sent = index
                k += 1
            bounds.append((j, k))
            j = k
        state.sent_bounds = bounds
        doc._.actorgraph = state
        return doc

    return normalizer


@Language.factory("actorgraph_mentions", default_config={"lang": "ar"})
def make_mentions(nlp: Language, name: str, lang: str):  # type: ignore[no-untyped-def]
    tables = tables_for(lang)

    def mentions(doc: Doc) -> Doc:
        state: DocState = doc._.actorgraph
        state.entities = Entities(tables, lang, doc.text)
        finder = MentionFinder(tables, state.toks, state.entities)
        for lo, hi in state.sent_bounds:
            finder.run_sentence(lo, hi)
        for lo, hi in state.sent_bounds:
            finder.run_aliases(lo, hi)
        state.finder = finder
        spans.publish_mentions(doc, finder.hits, finder.cover, state.positions)
        return doc

    return mentions


@lru_cache(maxsize=2)
def load_model(name: str) -> Language | None:
    """A trained spaCy pipeline by package name, or None when it is not installed (never downloaded)."""
    import importlib.util

    if not name or name == "none" or importlib.util.find_spec(name) is None:
        return None
    return spacy.load(name)  # the lemmatizer too: the parse frame matches trigger lemmas


def default_model_name(lang: str = "en") -> str:
    """ACTORGRAPH_<LANG>_MODEL, else the first of the language's trained pipelines (word set "trained
    pipelines:cased": en_core_web_sm, its renamed PyPI copy) that is installed; "" when there is none."""
    import importlib.util
    import os

    configured = os.environ.get(f"ACTORGRAPH_{lang.upper()}_MODEL")
    if configured is not None:
        return configured
    for name in trained_pipelines(lang):
        if importlib.util.find_spec(name) is not None:
            return name
    return ""


def trained_pipelines(lang: str) -> tuple[str, ...]:
    return read_wordsets(lang).get("trained pipelines:cased", ())


@Language.factory("actorgraph_model_entities", default_config={"model": ""})
def make_model_entities(nlp: Language, name: str, model: str):  # type: ignore[no-untyped-def]
    """English model path: a trained pipeline's NER adds the actors our rules do not know."""

    def model_entities(doc: Doc) -> Doc:
        trained = load_model(model)
        state: DocState = doc._.actorgraph
        if trained is None or state.finder is None:
            return doc
        parsed = trained(doc.text)
        doc.user_data["actorgraph_parsed"] = parsed  # the parse frame reads it after the rules
        for ent in parsed.ents:
            if ent.root.dep_ in ("compound", "amod", "nmod"):
                continue  # "Patriot air defense systems": a modifier, not an actor
            state.finder.add_external(ent.start_char, ent.end_char, ent.label_)
        for lo, hi in state.sent_bounds:
            state.finder.run_aliases(lo, hi)
        spans.publish_mentions(doc, state.finder.hits, state.finder.cover, state.positions)
        return doc

    return model_entities


@Language.factory("actorgraph_relations", default_config={"lang": "ar"})
def make_relations(nlp: Language, name: str, lang: str):  # type: ignore[no-untyped-def]
    tables = tables_for(lang)

    norm = profile(lang).normalize

    def relations(doc: Doc) -> Doc:
        state: DocState = doc._.actorgraph
        assert state.entities is not None
        hits, cover = spans.read_mentions(doc, state.positions)
        finder = RelationFinder(tables, state.toks, state.entities, hits, cover)
        first_heading_done = False
        for (lo, hi), sent in zip(state.sent_bounds, state.sentences, strict=True):
            allow = True
            if sent.is_heading:
                # The headline may state a relation; section labels ("Europe") and subheadings do not.
                is_headline = not first_heading_done and len(sent.text.split()) >= 4
                allow = is_headline
                first_heading_done = first_heading_done or is_headline
            elif not first_heading_done:
                first_heading_done = True
            date = dates.resolve([norm(t.text) for t in state.toks[lo:hi]], state.doc_date)
            finder.run_sentence(lo, hi, sent.index, allow, date)
        spans.relations_of(doc).extend(finder.relations)
        return doc

    return relations


@Language.component("actorgraph_parse_relations")
def parse_relations_component(doc: Doc) -> Doc:
    """English with a trained pipeline: relations from the dependency parse fill in what the rules missed."""
    from actorgraph.extract.parse_relations import add_parse_relations

    state: DocState = doc._.actorgraph
    parsed = doc.user_data.get("actorgraph_parsed")
    if parsed is not None and state.entities is not None:
        add_parse_relations(parsed, state.entities, state.sentences, spans.relations_of(doc))
    return doc


@Language.factory("actorgraph_incidents", default_config={"lang": "ar"})
def make_incidents(nlp: Language, name: str, lang: str):  # type: ignore[no-untyped-def]
    """Pairs named by a plural ("the two sides") and attacks, protests and arrests kept when a party is not
    named (extract/plural_anaphora.py, extract/incidents.py): both read the frames' modality."""
    from actorgraph.extract.core.context import TriggerHit
    from actorgraph.extract.incidents import DocumentView, add_incidents
    from actorgraph.extract.lang import profile
    from actorgraph.extract.plural_anaphora import add_plural_anaphora
    from actorgraph.ontology.lexicon import TriggerRule

    tables = tables_for(lang)
    norm = profile(lang).normalize

    def incidents(doc: Doc) -> Doc:
        state: DocState = doc._.actorgraph
        assert state.entities is not None
        tokens = [(t.keys, norm(t.text), (t.start, t.end)) for t in state.toks]
        hits, cover = spans.read_mentions(doc, state.positions)
        frames = RelationFinder(tables, state.toks, state.entities, hits, cover)

        def mood(k: int, end: int, rule: TriggerRule, pro: str, lo: int, hi: int) -> str:
            return frames.modality(TriggerHit(k, end, rule, pro), lo, hi)

        view = DocumentView(tokens, state.sent_bounds, state.sentences, state.entities.table)
        add_plural_anaphora(lang, tables, view, spans.relations_of(doc), mood)
        add_incidents(lang, tables, view, state.entities, spans.relations_of(doc), mood)
        return doc

    return incidents


@lru_cache(maxsize=8)
def make_nlp(lang: str, model: str | None = None) -> Language:
    """Our pipeline for a language; for English, with a trained model's NER when one is installed.

    ``model``: a spaCy package name, "none" for the rule path, None for the default (see default_model_name).
    """
    nlp = spacy.blank(lang)
    nlp.tokenizer = split_quote_marks(nlp.tokenizer, lang)
    nlp.max_length = 60_000_000
    nlp.add_pipe("actorgraph_sentencizer")
    nlp.add_pipe("actorgraph_normalizer", config={"lang": lang})
    nlp.add_pipe("actorgraph_mentions", config={"lang": lang})
    if trained_pipelines(lang):
        name = default_model_name(lang) if model is None else model
        if name and name != "none":
            if load_model(name) is None:
                raise ValueError(f"the spaCy model {name!r} is not installed (pip install it, or use --model none)")
            nlp.add_pipe("actorgraph_model_entities", config={"model": name})
    nlp.add_pipe("actorgraph_relations", config={"lang": lang})
    if "actorgraph_model_entities" in nlp.pipe_names:
        nlp.add_pipe("actorgraph_parse_relations")
    nlp.add_pipe("actorgraph_incidents", config={"lang": lang})
    return nlp


def merge_unnamed(extraction: Extraction) -> None:
    """An unnamed law ("a law that allows …") and a named one that the same actor passed are one law."""
    named: dict[tuple[str, str, str], str] = {}
    for rel in extraction.relations:
        obj = extraction.entities.get(rel.object)
        if obj is not None and obj.type in DOCUMENT_TYPES and not obj.label_en.startswith("unnamed "):
            named.setdefault((rel.subject, rel.relation, obj.type), rel.object)
    for rel in extraction.relations:
        obj = extraction.entities.get(rel.object)
        if obj is not None and obj.label_en.startswith("unnamed "):
            target = named.get((rel.subject, rel.relation, obj.type))
            if target:
                extraction.entities[target].mentions.extend(obj.mentions)
                rel.object = target
    used = {r.subject for r in extraction.relations} | {r.object for r in extraction.relations}
    for key in [k for k, e in extraction.entities.items() if e.label_en.startswith("unnamed ") and k not in used]:
        del extraction.entities[key]


def dedupe(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str, int, str]] = set()
    out = []
    for rel in relations:
        key = (rel.subject, rel.relation, rel.object, rel.sentence, rel.modality)
        if key not in seen:
            seen.add(key)
            out.append(rel)
    return out


def extract_document(document: Document, model: str | None = None) -> Extraction:
    nlp = make_nlp(document.lang, model)
    doc = nlp.make_doc(document.text)
    doc._.doc_date = document.date
    doc = nlp(doc)
    state: DocState = doc._.actorgraph
    assert state.entities is not None
    extraction = Extraction(document=document, sentences=state.sentences)
    extraction.entities = dict(state.entities.table)
    extraction.relations = dedupe(spans.relations_of(doc))
    merge_unnamed(extraction)
    apply_dated_codes(extraction)
    code_intents(extraction)
    code_refusals(extraction)
    return extraction
