"""Relations: trigger words, their arguments (subject and object groups), modality and pronoun subjects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from actorgraph.extract.finder import AGENTIVE_EN, dual_title_ar
from actorgraph.extract.lang.ar.normalize import analyses, normalize, proclitic_splits
from actorgraph.extract.lookup import Tables
from actorgraph.extract.mentions import EN_DETERMINERS, STRONG_PUNCT, Entities, Hit, Tok
from actorgraph.extract.records import ACTOR_TYPES, DOCUMENT_TYPES, EVENT_TYPES, Modality, Relation
from actorgraph.ontology.lexicon import TriggerRule

TYPE_CLASSES = {
    "actor": ACTOR_TYPES,
    "doc": DOCUMENT_TYPES,
    "event": EVENT_TYPES,
    "place": frozenset({"State", "City"}),
    "any": ACTOR_TYPES | DOCUMENT_TYPES | EVENT_TYPES | {"City"},
}
# Words that open a subordinate clause: arguments are not looked for across them.
BOUNDARY_AR = frozenset(
    normalize(w)
    for w in [
        "عقب",
        "بعد",
        "قبل",
        "حيث",
        "بينما",
        "فيما",
        "لكن",
        "إذ",
        "مما",
        "التي",
        "الذي",
        "الذين",
        "أن",
        "بأن",
        "إن",
        "وأن",
        "إذا",
        "لو",
    ]
)
BOUNDARY_EN = frozenset(
    [
        "after",
        "before",
        "while",
        "as",
        "because",
        "since",
        "although",
        "though",
        "but",
        "which",
        "who",
        "whom",
        "whereas",
        "amid",
        "that",
        "whether",
        "if",
    ]
)
SKIP_AR = frozenset(
    normalize(w)
    for w in [
        "اليوم",
        "أمس",
        "غدا",
        "السبت",
        "الأحد",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "يوم",
        "أيضا",
        "كذلك",
        "قد",
    ]
)
SKIP_EN = frozenset(
    [
        "on",
        "saturday",
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "also",
        "did",
        "does",
        "do",
        "not",
        "n't",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "will",
        "would",
        "to",
        "on_the",
        "jointly",
        "separately",
        "reportedly",
        "formally",
        "officially",
        "later",
    ]
)
LOCATIVE = frozenset({"في", "in", "at"})
PARTICLES_AR = frozenset(
    normalize(w)
    for w in [
        "عن",
        "على",
        "في",
        "إلى",
        "الى",
        "أن",
        "ان",
        "إن",
        "بأن",
        "مع",
        "من",
        "ضد",
        "حول",
        "بشأن",
        "إزاء",
        "لدى",
        "أمام",
        "خلال",
        "منذ",
    ]
)
PREPOSITIONS_AR = PARTICLES_AR - {normalize(w) for w in ("أن", "ان", "إن", "بأن")}
# Relations whose object is concrete enough that "Ukrainian positions", مواقع الحوثيين still name the actor.
# "protested China's use of water cannon": criticising an actor's act criticises the actor.
CONCRETE_OBJECTS = frozenset(
    {"attacked", "threatened", "visited", "met", "negotiatedWith", "protested", "criticized", "accused"}
)
FUNCTION_WORDS_EN = frozenset(
    ["of", "in", "on", "to", "by", "with", "for", "at", "from", "and", "or", "against", "over", "after", "before"]
    + ["that", "which", "as", "into"]
)
MASDAR_GOVERNORS_AR = frozenset(
    normalize(w)
    for w in (
        "أكد", "أكدت", "مؤكدا", "مؤكدة", "أعلن", "أعلنت", "معلنا", "معلنة", "جدد", "جددت", "مجددا", "مجددة",
        "أبدى", "أبدت", "أعرب", "أعربت", "يؤكد", "تؤكد", "يعلن", "تعلن", "استمرار", "مواصلة",
    )  # fmt: skip
)
FUTURE_TIME_AR = frozenset(normalize(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "غدا"))
CONTRAST = frozenset({normalize("بينما"), normalize("لكن"), "while", "but", "whereas", "although", "however"})
PRONOUNS_EN = {"he": "m", "she": "she", "it": "n", "they": "p"}
PASSIVE_AUX = frozenset(["was", "were", "been", "being", "is", "are", "be"])
SIDELINE_PREPS_AR = frozenset(normalize(w) for w in ["هامش", "في", "خلال"])
SIDELINE_PREPS_EN = frozenset(["sidelines", "at", "during", "in"])
RELATIVES = frozenset(["which", "that", normalize("التي"), normalize("الذي"), normalize("اللتين"), normalize("اللذين")])
# Pronouns that can only open a relative clause (not English "that", which also opens a complement clause).
RELATIVE_OPENERS = frozenset(
    ["which", "who", "whom", *(normalize(w) for w in ("التي", "الذي", "الذين", "اللتين", "اللذين", "اللذان", "اللتان"))]
)
RESUMPTIVE_AR = frozenset(["ه", "ها", "هما", "هم", "هن"])
RESUMPTIVE_HOSTS_AR = frozenset(
    normalize(w)
    for w in (
        "خلال", "في", "فيه", "على", "علي", "من", "منه", "ل", "ب",
        "الى", "إلي", "عن", "مع", "لدى", "عند",
    )  # fmt: skip
)
# Connectives that add one more actor to a list: "A and B, as well as C", أ وب وكذلك ج, أ وب، إضافة إلى ج.
ADDITIVE_EN = (("as", "well", "as"), ("along", "with"), ("together", "with"))
ADDITIVE_AR = tuple(
    tuple(normalize(w) for w in phrase.split())
    for phrase in ("وكذلك", "وكذا", "وأيضا", "إضافة إلى", "بالإضافة إلى", "إلى جانب", "فضلا عن")
)
INDIRECT = frozenset(["indirect", "proximity", normalize("غير")])  # غير مباشرة "indirect"
SUPPORT_VERBS_AR = frozenset(
    normalize(w) for w in ("يجريها", "يجريه", "تجريها", "أجراها", "أجراه", "أجرتها", "يقوم", "تقوم", "قام", "قامت")
)
PHONE = frozenset(["phone", "telephone", *(normalize(w) for w in ("هاتفيا", "هاتفيًا", "هاتفي", "هاتفيه"))])
HEADED_BY_AR = normalize("برئاسة")
DELEGATION_AR = normalize("وفد")
CIRCUMSTANTIAL = frozenset(["during", "at", normalize("خلال"), normalize("أثناء")])
GUEST_AR = normalize("ضيف")
AKA = frozenset(["known", "dubbed", "nicknamed", *(normalize(w) for w in ("المعروف", "المعروفة", "الملقب", "الملقبة"))])
EACH_AR = frozenset(normalize(w) for w in ("كل", "كلا", "كلًا", "وكل"))
OBJECT_PRONOUNS_AR = {"ه": "m", "ها": "f", "هم": "p"}
# Words around a nominal act ("any attack on", هجوم محتمل على) that make it hypothetical: no relation.
HYPOTHETICAL_AR = frozenset(
    normalize(w)
    for w in (
        "أي", "منع", "تهديد", "تهديدات", "خطر", "مخاوف", "خشية", "احتمال", "محتمل", "المحتمل", "محتملة",
        "المحتملة", "ردع", "الوشيك", "وشيك", "مرتقب", "المرتقب", "تحذير", "تحذيرات", "شبح", "تفادي", "تجنب",
    )  # fmt: skip
)
HYPOTHETICAL_EN = frozenset(
    [
        "any", "possible", "potential", "planned", "future", "prevent", "avert", "deter", "threat", "threats",
        "threatened", "threatening", "warned", "warning", "warnings", "fear", "fears", "feared", "risk",
        "imminent", "against", "no", "avoid", "expected", "feared",
    ]  # fmt: skip
)

MASCULINE_STATES_AR = frozenset([normalize("لبنان")])


@dataclass(slots=True)
class TriggerHit:
    start: int
    end: int
    rule: TriggerRule
    pro: str


class RelationFinder:
    def __init__(self, tables: Tables, toks: list[Tok], entities: Entities, hits: list[Hit], cover: list[int]) -> None:
        self.t = tables
        self.lang = tables.lang
        self.toks = toks
        self.keys = [tok.keys for tok in toks]
        self.ent = entities
        self.hits = hits
        self.cover = cover
        self.relations: list[Relation] = []
        self.salient: list[str] = []  # recent subject entity keys, most recent last
        self.group_memory: tuple[int, list[str]] | None = None  # (sentence, keys) of the last plural subject
        self.hits_by_sent: dict[int, list[Hit]] | None = None
        self.ambiguous: dict[str, Hit] | None = None

    # -- small predicates ---------------------------------------------------------------------------
    def word(self, k: int) -> str:
        tok = self.toks[k]
        return normalize(tok.text) if self.lang == "ar" else tok.text.lower()

    def strong(self, k: int) -> bool:
        return self.toks[k].text in STRONG_PUNCT and self.toks[k].text not in ("-",)

    def boundary(self, k: int) -> bool:
        if self.cover[k] >= 0:
            return False  # inside a mention ("Mark Rutte, NATO's secretary general,")
        if self.strong(k):
            if self.toks[k].text in (",", "،") and 0 < k < len(self.toks) - 1:
                before, after = self.hit_at(k - 1), self.item_after(k)
                if before is not None and after is not None and before.end == k:
                    return False  # a list comma: "Britain, France and Germany", "Qatar, the UAE, and Egypt"
                if before is not None and before.end == k and self.added(before):
                    return False  # the comma closing "…, as well as Egypt, condemned", "، إضافة إلى تركيا،"
            return True
        if self.lang == "ar":
            return any(key in BOUNDARY_AR and pro in ("", "و", "ف") for key, pro in self.keys[k].items())
        if self.word(k) == "as" and any(self.additive_end(j) > k for j in range(max(0, k - 3), k + 1)):
            return False  # "A, as well as B": the words of a connective, not a clause opener
        return self.toks[k].text.lower() in BOUNDARY_EN

    def hit_at(self, k: int) -> Hit | None:
        idx = self.cover[k]
        return self.hits[idx] if idx >= 0 else None

    def additive_end(self, k: int) -> int:
        """Where the next actor starts after an additive connective at k ("…, as well as (the) Egypt", "وكذلك
        الكويت", "، إضافة إلى تركيا") that follows an actor; k when there is none."""
        if k < 1 or self.hit_at(k - 1) is None or self.cover[k] >= 0:
            return k
        m = k + 1 if self.toks[k].text in (",", "،") else k
        for phrase in ADDITIVE_EN if self.lang == "en" else ADDITIVE_AR:
            e = m + len(phrase)
            if e < len(self.toks) and tuple(self.word(x) for x in range(m, e)) == phrase:
                if self.lang == "en" and e + 1 < len(self.toks) and self.word(e) == "the":
                    e += 1
                hit = self.hit_at(e)
                return e if hit is not None and hit.start == e else k
        return k

    def added(self, hit: Hit) -> bool:
        """Was this mention joined by an additive connective ("as well as Egypt")?"""
        return any(self.additive_end(j) == hit.start for j in range(max(0, hit.start - 5), hit.start))

    def comma_listed(self, hit: Hit) -> bool:
        """Does a list comma stand before this mention ("Iran, Russia")? Only then is ", and" an Oxford comma."""
        p = hit.start - 1
        if p > 0 and self.word(p) == "the":
            p -= 1
        prev = self.hit_at(p - 1) if p > 0 and self.toks[p].text == "," else None
        return prev is not None and prev.end == p

    def item_after(self, k: int) -> Hit | None:
        """The mention a list separator at k introduces, over an English "the", Oxford-comma "and" or "as well
        as" ("Saudi Arabia, the UAE", "Iran, Russia, and China", "Qatar, as well as Egypt")."""
        m = k + 1
        if self.lang == "en" and self.toks[k].text == "," and m < len(self.toks) and self.word(m) == "and":
            before = self.hit_at(k - 1) if k > 0 else None
            if before is None or not self.comma_listed(before):
                return None  # "met France, and Germany condemned …": two clauses, not a list
            m += 1
        if self.additive_end(k) > k:
            m = self.additive_end(k)  # "the UAE, as well as Egypt"
        if self.lang == "en" and m + 1 < len(self.toks) and self.word(m) == "the":
            m += 1
        hit = self.hit_at(m) if m < len(self.toks) else None
        return hit if hit is not None and hit.start == m else None

    def type_of(self, key: str) -> str:
        entity = self.ent.table.get(key)
        return entity.type if entity else ""

    # -- groups ------------------------------------------------------------------------------------
    def group_from(self, first: Hit, end: int) -> list[Hit]:
        """A hit and the hits coordinated with it (A و B، C and D)."""
        group = [first]
        confirmed = 1  # English "A, B" is a list only once "and C" closes it ("Jizan, Saudi media said")
        k = first.end
        while k < end:
            nxt = self.hit_at(k)
            if nxt is not None and nxt is not group[-1] and nxt.start == k and nxt.coord:
                group.append(nxt)
                confirmed = len(group)
                k = nxt.end
                continue
            m = self.additive_end(k)
            if k < m < end:
                nxt3 = self.hit_at(m)
                if nxt3 is not None:
                    group.append(nxt3)  # "Saudi Arabia and the UAE, as well as Egypt", وكذلك الكويت
                    confirmed = len(group)
                    k = nxt3.end
                    continue
            conj = self.toks[k].text.lower()
            if conj in ("and", "و", ",", "،", "&", "nor"):
                if conj == "," and k + 2 < end and self.toks[k + 1].text.lower() == "and" and len(group) > 1:
                    k, conj = k + 1, "and"  # the Oxford comma: "Iran, Russia, and China"
                if k + 2 < end and self.toks[k + 1].text.lower() == "the":
                    k += 1
                nxt2 = self.hit_at(k + 1) if k + 1 < end else None
                if nxt2 is not None and nxt2.start == k + 1 and conj in ("and", "و", "&", "nor"):
                    group.append(nxt2)
                    confirmed = len(group)
                    k = nxt2.end
                    continue
                comma_item = nxt2 is not None and nxt2.start == k + 1 and nxt2.kind != "adjmod"
                if conj in (",", "،") and comma_item and nxt2 is not None:
                    group.append(nxt2)
                    k = nxt2.end
                    continue
            break
        return group[:confirmed] if self.lang == "en" else group

    def group_ending_before(self, k: int, lo: int, gap: int = 0) -> list[Hit]:
        """The coordinated group whose last hit ends before token k, with at most ``gap`` other words
        between (adverbs and auxiliaries are free)."""
        last = None
        m = k - 1
        budget = gap
        while m >= lo:
            hit = self.hit_at(m)
            if hit is not None:
                last = hit
                break
            if not self.skippable(m):
                if budget <= 0 or self.t.triggers.match(self.keys, m):
                    return []
                budget -= 1
            m -= 1
        if last is None:
            return []
        # Walk back to the first conjunct.
        first = last
        while True:
            prev_end = first.start
            if first.coord:
                p = prev_end - 1
                if p > lo and self.toks[p].text.lower() == "the":
                    p -= 1
                if p >= lo and self.toks[p].text.lower() in ("and", "و", "&", ",", "،", "nor"):
                    p -= 1
                    if p > lo and self.toks[p + 1].text.lower() == "and" and self.toks[p].text == ",":
                        listed = self.hit_at(p - 1)
                        if listed is None or not self.comma_listed(listed):
                            break  # "met France, and Germany": a clause comma
                        p -= 1  # "Iran, Russia, and China"
                prev = self.hit_at(p) if p >= lo else None
                if prev is not None and prev.end == p + 1:
                    first = prev
                    continue
            else:
                p = prev_end - 1
                starts = range(max(lo + 1, first.start - 5), first.start)
                joined = next((j for j in starts if self.additive_end(j) == first.start), None)
                if joined is not None:
                    prev = self.hit_at(joined - 1)
                    if prev is not None:
                        first = prev  # "… and the UAE, as well as Egypt"
                        continue
                if p >= lo and self.toks[p].text in (",", "،"):
                    prev = self.hit_at(p - 1) if p - 1 >= lo else None
                    if prev is not None and prev.end == p and self.type_of(prev.key) in ACTOR_TYPES:
                        first = prev
                        continue
            break
        group = self.group_from(first, k)
        if last not in group and self.lang == "en":
            # An English comma list with no "and" is only a list when it runs right up to the verb with three
            # or more actors (headline style "Egypt, Jordan, Turkey condemn …"); else the nearest actor.
            chain = [first]
            while chain[-1] is not last and (nxt := self.item_after(chain[-1].end)) is not None:
                chain.append(nxt)
            same = all(self.type_of(h.key) == self.type_of(last.key) and h.kind == "name" for h in chain)
            return chain if chain[-1] is last and len(chain) >= 3 and same else [last]
        return [h for h in group if h.end <= k]

    def each_of_ar(self, k: int, hi: int) -> bool:
        """كل من / كلا من "each of", which opens a coordinated list of actors."""
        if self.lang != "ar" or k + 2 >= hi or self.hit_at(k + 2) is None:
            return False
        return self.word(k + 1) == "من" and any(key in EACH_AR for key in self.keys[k])

    def dual_title_end_ar(self, k: int, hi: int) -> int:
        """The end of a dual title with no name (وزيرا خارجية, رئيسي) at k, when owner mentions follow; else k."""
        if self.lang != "ar" or self.cover[k] >= 0:
            return k
        for end, title, _pro in self.t.titles.match(self.keys, k):
            if end < hi and self.hit_at(end) is not None and dual_title_ar(self.toks[k].text, title):
                return end
        return k

    def proclitic_ar(self, hit: Hit) -> str:
        """The proclitics on a mention's first word, from the reading that matched it: لبنان is not ل+ب+نان,
        بريطانيا not ب+ريطانيا; بلبنان is ب+لبنان."""
        t = self.t
        readings = [
            pro.replace("|a", "")
            for key, pro in self.keys[hit.start].items()
            if key in t.names.first or key in t.titles.first or key in t.heads.first
        ]
        if readings:
            return min(readings, key=len)
        keys = self.keys[hit.start]
        return keys.get(min(keys, key=len), "").replace("|a", "") if keys else ""

    def skippable(self, m: int) -> bool:
        w = self.word(m)
        if self.lang == "ar":
            return w in SKIP_AR or any(key in SKIP_AR for key in self.keys[m])
        return w in SKIP_EN or w in ("not", "n't", "also", "jointly")

    # -- triggers ----------------------------------------------------------------------------------
    def triggers(self, start: int, end: int) -> list[TriggerHit]:
        out: list[TriggerHit] = []
        k = start
        while k < end:
            covered = self.hits[self.cover[k]] if self.cover[k] >= 0 else None
            # an event named by its head (a joint news conference) may still be a meeting noun (news conference)
            event = covered is not None and covered.kind == "head" and covered.type in EVENT_TYPES
            if covered is not None and covered.kind != "anaphor" and not event:
                k += 1
                continue
            matches = [m for m in self.t.triggers.match(self.keys, k, self.gap_stop) if m[0] <= end]
            if event:
                matches = [m for m in matches if m[1].pos == "noun"]
            if not matches:
                k += 1
                continue
            if self.lang == "ar" and self.article_reading(k):
                matches = [m for m in matches if m[1].pos not in ("verb", "part")]  # الضربة is no ضرب+ه
                if not matches:
                    k += 1
                    continue
            m_end, rule, pro = matches[0]
            # A word may carry two relations (استقبل: received = met and hosted): every rule of the longest match.
            seen: list[TriggerRule] = []
            for end_, rule_, pro_ in matches:
                if end_ == m_end and rule_ not in seen:
                    seen.append(rule_)
                    out.append(TriggerHit(k, m_end, rule_, pro_))
            k = m_end if rule.frame != "eval" else k + 1
        return out

    def article_reading(self, k: int) -> bool:
        """Does the token reach a trigger only by dropping an article (الضربة → ضرب+ه, الدعم → دعم)? A noun
        then, never the verb. (التقى starts with ال as a verb; its key keeps it.)"""
        keys = self.keys[k]
        first = self.t.triggers.first
        found = [key for key in keys if key in first]
        return bool(found) and all(not key.startswith("ال") and ("ال" + key) in keys for key in found)

    def gap_stop(self, k: int) -> bool:
        """Where a gapped trigger (شن ... غارة) may not reach across: a clause boundary, but not the commas
        around a day or date (شنت إسرائيل، الثلاثاء، غارة)."""
        if not self.boundary(k):
            return False
        if self.toks[k].text in (",", "،") and k + 2 < len(self.toks):
            commas = (",", "،")
            day = any(
                all(self.skippable(m) for m in range(k + 1, c)) and self.toks[c].text in commas
                for c in range(k + 2, min(len(self.toks), k + 5))
            )  # "، الثلاثاء،", "، اليوم الثلاثاء،"
            closing = any(
                all(self.skippable(m) for m in range(c + 1, k)) and self.toks[c].text in commas
                for c in range(max(0, k - 4), k - 1)
            )
            return not (day or closing or self.aka(k))
        return True

    def aka(self, k: int) -> bool:
        """Is the comma at k one around a nickname (دقلو، المعروف بـ"حميدتي"، …; "X, known as Y,")?"""
        if k + 1 < len(self.toks) and self.word(k + 1) in AKA:
            return True
        for m in range(k - 1, max(0, k - 7), -1):
            if self.toks[m].text in (",", "،"):
                return m + 1 < k and self.word(m + 1) in AKA
        return False

    def clause_start(self, k: int, lo: int) -> int:
        m = k - 1
        while m >= lo:
            if self.boundary(m):
                return m + 1
            m -= 1
        return lo

    def clause_end(self, k: int, hi: int) -> int:
        m = k
        while m < hi:
            if self.boundary(m):
                return m
            m += 1
        return hi

    # -- modality ----------------------------------------------------------------------------------
    def modality(self, trig: TriggerHit, lo: int, hi: int | None = None) -> str:
        cued = self._cued_modality(trig, lo, hi)
        if cued != "asserted":
            return cued  # "لم يتضح ما إذا كان ترامب سيزور": the hedge outranks the future prefix
        if self.lang == "ar" and "س" in trig.pro:
            return "future"
        if self.lang == "ar" and trig.rule.pos == "noun" and self.future_verb_before_ar(trig, lo):
            return "future"  # وستجري اليابان وأستراليا مناورات مشتركة: the verb carrying the noun is future
        present = self.lang == "ar" and trig.rule.pos == "verb" and hi is not None and self.present_ar(trig)
        if present and any(not FUTURE_TIME_AR.isdisjoint(self.keys[k]) for k in range(lo, hi or lo)):
            return "future"  # وتستضيف الرياض الشهر المقبل قمة: the present tense with "next month"
        return "asserted"

    def span_modality(self, a: int, b: int) -> str:
        """The modality a verb between tokens a and b gives what it says of a noun before it: قد + present
        (hedged), a future verb (ستعقد, سوف) or a cue of the lexicon; "asserted" when there is none."""
        for m in range(a, b):
            if self.lang == "ar":
                may = any(k == "قد" and p in ("", "و", "ف") for k, p in self.keys[m].items())
                if may and m + 1 < b and normalize(self.toks[m + 1].text)[:1] in ("ي", "ت", "ن"):
                    return "hedged"
                if self.future_verb_ar(m):
                    return "future"
            for c_end, (modality, _scope), pro in self.t.cues.match(self.keys, m):
                if c_end <= b and self._cue_ok(m, pro):
                    return str(modality)
        return "asserted"

    def future_verb_before_ar(self, trig: TriggerHit, lo: int) -> bool:
        """A future verb (س + present: ستجري, سيعقد) earlier in the noun trigger's clause. Nouns that start
        with س (سياسة, سيطرة, سنوات) are kept out: a verb stem starts with ي/ت plus a consonant and has no ة."""
        clause = range(self.clause_start(trig.start, lo), trig.start)
        return any(self.cover[k] < 0 and self.future_verb_ar(k) for k in clause)

    def future_verb_ar(self, k: int) -> bool:
        """Token k is a future verb: س + present (ستجري, سيعقد), not a noun that starts with س."""
        for pro, stem in proclitic_splits(normalize(self.toks[k].text)):
            verb = len(stem) >= 3 and stem[0] in "يت" and stem[1] != "ا" and not stem.endswith("ه")
            if pro in ("س", "وس", "فس") and verb and stem not in self.t.names.first:
                return True
        return False

    def present_ar(self, trig: TriggerHit) -> bool:
        """Is the trigger verb in the present tense (يستضيف, تستضيف; not the past تعاون, توعد)?"""
        first = self.t.triggers.first
        stem = next((k for k, p in self.keys[trig.start].items() if p in ("", "و", "ف") and k in first), "")
        pasts = {normalize(f.split()[0]) for f in trig.rule.forms if not normalize(f).startswith("ي")}
        return len(stem) > 3 and stem[0] in ("ي", "ت", "ن") and stem not in pasts

    def _cued_modality(self, trig: TriggerHit, lo: int, hi: int | None) -> str:
        present = normalize(self.toks[trig.start].text)[:1] in ("ي", "ت", "ن")
        before = self.keys[trig.start - 1] if trig.start > lo else {}
        if self.lang == "ar" and present and any(k == "قد" and p in ("", "و", "ف") for k, p in before.items()):
            return "hedged"  # قد + present tense: "may"
        best: tuple[int, str] | None = None
        m = trig.start - 1
        floor = max(lo, trig.start - 10)
        while m >= floor:
            if self.strong(m) and self.toks[m].text not in ('"',):
                break
            if self.word(m) in RELATIVE_OPENERS:
                break  # "may revive the accord that Ankara and Damascus signed": the relative clause is its own claim
            for c_end, (modality, _scope), pro in self.t.cues.match(self.keys, m):
                if c_end <= trig.start + 1 and self._cue_ok(m, pro):
                    best = best or (m, modality)
            if best:
                break
            m -= 1
        if best and best[1] == "future":
            # "unclear whether Kim will attend": the hedge before the future outranks it.
            for k in range(max(lo, best[0] - 10), best[0]):
                if self.strong(k):
                    continue
                for c_end, (modality, _scope), pro in self.t.cues.match(self.keys, k):
                    if modality == "hedged" and c_end <= best[0] and self._cue_ok(k, pro):
                        return "hedged"
        if best:
            return best[1]
        # Attribution to unnamed sources anywhere in the sentence: "According to sources, …" or
        # "…, according to sources familiar": it qualifies the whole claim, across commas.
        for m in [*range(lo, trig.start), *range(trig.end, hi if hi is not None else trig.end)]:
            for _end, (modality, scope), pro in self.t.cues.match(self.keys, m):
                if scope == "both" and self._cue_ok(m, pro):
                    return modality
        return "asserted"

    def _cue_ok(self, m: int, pro: str) -> bool:
        tok = self.toks[m]
        if self.lang == "en":
            # "May" the month is not "may" the hedge: English cues match as written (lowercase).
            sentence_initial = m == 0 or self.toks[m - 1].sent != tok.sent
            return tok.text[:1].islower() or tok.text.lower() in ("n't",) or (sentence_initial and tok.text != "May")
        return pro in ("", "و", "ف")

    # -- arguments ---------------------------------------------------------------------------------
    def eligible(self, hit: Hit, types: tuple[str, ...]) -> bool:
        t = self.type_of(hit.key)
        return any(t in TYPE_CLASSES.get(cls, ()) for cls in types)

    def subject_group(self, trig: TriggerHit, lo: int, hi: int) -> tuple[list[Hit], bool]:
        """(subject hits, is_vso). Empty when the subject must come from coreference."""
        c_lo = self.clause_start(trig.start, lo)
        gap = 6 if trig.rule.pos == "noun" or self.lang == "en" else 0
        if self.lang == "ar" and trig.pro.replace("|a", "").endswith("ل"):
            gap = 3  # لفرض, للقاء: purpose infinitive, its subject stands before the governing verb
        if self.lang == "en" and trig.rule.pos == "verb":
            p = trig.start - 1
            while p >= lo and self.skippable(p):
                p -= 1
            if p >= lo and self.word(p) in ("and", *PRONOUNS_EN):
                return [], False  # "… and meet Trump", "said he supported": not the actor named before
        before = self.group_ending_before(trig.start, c_lo, gap)
        before = [h for h in before if self.type_of(h.key) in ACTOR_TYPES and h.kind != "adjmod"]
        comma = c_lo - 1
        if not before and trig.rule.pos == "noun" and comma > lo and self.toks[comma].text in (",", "،"):
            actors = [self.hit_at(m) for m in range(c_lo, trig.start)]
            if self.word(c_lo) in CIRCUMSTANTIAL and not any(h and self.type_of(h.key) in ACTOR_TYPES for h in actors):
                # "قال زيلينسكي، خلال مؤتمر صحفي مع أردوغان،", "X said, during a news conference with Y,"
                before = self.group_ending_before(comma, self.clause_start(comma, lo), 1 if self.lang == "en" else 0)
                before = [h for h in before if self.type_of(h.key) in ACTOR_TYPES and h.kind != "adjmod"]
                if before:
                    return before, False
        if self.lang == "en":
            if before:
                return before, False
            return [], False
        # Arabic: SVO when an actor stands right before the verb, else VSO (the subject follows).
        if before and self.prep_object_ar(before[0]):
            # "غارة إسرائيلية على الدوحة تستهدف": Doha is the raid's target; the raid, Israel's, is the subject
            agent = self.act_agent_before(before[0].start, c_lo, hi)
            return ([agent] if agent is not None else []), False
        if before:
            return before, False
        k = trig.start + 1 if trig.end - trig.start > 1 else trig.end
        limit = min(hi, k + 4)
        while k < limit:
            if self.each_of_ar(k, hi):
                k, limit = k + 2, min(hi, limit + 2)  # أدانت كل من مصر والأردن: "both/each of", the list follows
                continue
            dual = self.dual_title_end_ar(k, hi)
            if dual > k:
                k, limit = dual, min(hi, limit + dual - k)  # اتفق وزيرا خارجية مصر والأردن: the owners act
                continue
            hit = self.hit_at(k)
            if hit is not None:
                if not self.bare_ar(hit):
                    return [], True  # واجتمع برئيس الوزراء: a mention behind a preposition is not the subject
                if trig.rule.pos == "verb" and self.coordinated_verb_ar(trig, lo):
                    if not self.agrees_ar(trig, hit):
                        return [], True  # واتهم روسيا "and he accused Russia": a masculine verb, a feminine state
                    if self.only_group_in_clause(hit, hi) and self.clause_subject_before(trig, hit):
                        return [], True  # "زار X ألمانيا، والتقى Y": Y is met; X stays the subject
                if self.type_of(hit.key) in ACTOR_TYPES and hit.kind != "adjmod":
                    group = self.group_from(hit, hi)
                    return [h for h in group if self.type_of(h.key) in ACTOR_TYPES and h.kind != "adjmod"], True
                return [], True
            if not self.skippable(k) or self.boundary(k):
                break
            k += 1
        return [], True

    def support_verb_end(self, k: int, hi: int) -> int:
        """After an Arabic act noun, an adjective and a support verb carrying its pronoun (زيارة رسمية يجريها,
        جولة يقوم بها) may stand before the noun's agent: where the agent starts, else k."""
        m = k
        if m < hi and self.hit_at(m) is None and self._glossed_ar(m):
            m += 1  # رسمية, أولى
        if m < hi and not SUPPORT_VERBS_AR.isdisjoint(self.keys[m]):
            m += 1
            if m < hi and self.word(m) in (normalize("بها"), normalize("به")):
                m += 1
            return m
        return k

    def _glossed_ar(self, k: int) -> bool:
        return any(key in self.t.glossary or ("ال" + key) in self.t.glossary for key in self.keys[k])

    def prep_object_ar(self, hit: Hit) -> bool:
        """Is this Arabic mention the object of a preposition (على الدوحة, في غزة, بالرياض)?"""
        before = self.keys[hit.start - 1] if hit.start > 0 else {}
        if any(key in PREPOSITIONS_AR and pro in ("", "و", "ف") for key, pro in before.items()):
            return True
        return self.proclitic_ar(hit).replace("و", "").replace("ف", "") in ("ب", "ل", "ك")

    def act_agent_before(self, k: int, lo: int, hi: int) -> Hit | None:
        """The attached agent of the act noun whose target phrase ends at k (غارة إسرائيلية على الدوحة)."""
        for m in range(k - 1, max(lo, k - 5) - 1, -1):
            for end, rule, _pro in self.t.triggers.match(self.keys, m):
                if rule.pos == "nom" and end <= k:
                    return self.nominal_agent(m, end, lo, hi)
        return None

    def hit_gender_ar(self, hit: Hit) -> str:
        """'m' or 'f' when the Arabic agreement of this mention is certain, else ''."""
        t = self.type_of(hit.key)
        if t == "Person":
            entry = self.ent.gaz(hit.key)
            gender = entry.gender if entry is not None else ""
            return {"male": "m", "female": "f"}.get(gender, "")
        if t == "State" and hit.kind in ("name", "capital"):
            # A state or city named without the article is feminine (روسيا, إيران, واشنطن); لبنان is not.
            word = next((k for k, p in self.keys[hit.start].items() if p in ("", "و", "ف")), "")
            if word and not word.startswith("ال") and word not in MASCULINE_STATES_AR:
                return "f"
        return ""

    def only_group_in_clause(self, hit: Hit, hi: int) -> bool:
        """Is this coordinated group the only actor mention up to the end of its clause?"""
        group = self.group_from(hit, hi)
        k = group[-1].end
        while k < hi and not self.boundary(k):
            other = self.hit_at(k)
            if other is not None and self.type_of(other.key) in ACTOR_TYPES and other.kind != "adjmod":
                return False
            k += 1
        return True

    def clause_subject_before(self, trig: TriggerHit, hit: Hit) -> bool:
        """Did an earlier clause of this sentence have a subject (other than this mention)?"""
        sent = self.toks[trig.start].sent
        if any(r.sentence == sent and r.rule.count(".") > 1 and r.subject != hit.key for r in self.relations):
            return True
        return any(
            h.end <= trig.start and self.toks[h.start].sent == sent and h.key != hit.key and h.kind != "adjmod"
            and self.type_of(h.key) in ACTOR_TYPES
            for h in self.hits
        )

    def bare_ar(self, hit: Hit) -> bool:
        """Does the mention's first word read without a preposition (رئيس, وزير; not برئيس, للرئيس)?"""
        t = self.t
        for key, pro in self.keys[hit.start].items():
            if pro.replace("|a", "") in ("", "و", "ف") and (
                key in t.names.first or key in t.titles.first or key in t.heads.first
            ):
                return True
        return hit.kind not in ("name", "title", "head")  # aliases, anaphors, places: no judgement

    def resumptive_after(self, trig: TriggerHit, hi: int) -> bool:
        """A pronoun on a preposition right after the verb (خلالها, فيها, عليه) refers back to the antecedent."""
        for k in range(trig.end, min(hi, trig.end + 3)):
            for _p, stem, enc in analyses(normalize(self.toks[k].text)):
                if enc in RESUMPTIVE_AR and stem in RESUMPTIVE_HOSTS_AR:
                    return True
        return False

    def dual_subject_ar(self, trig: TriggerHit, sent: int) -> list[str]:
        """For a dual verb (اتفقا, بحثا, يبحثان): the two parties of the last two-sided relation, this sentence
        or the one before."""
        first = self.t.triggers.first
        stem = next((k for k, p in self.keys[trig.start].items() if p in ("", "و", "ف") and k in first), "")
        bases = {normalize(f.split()[0]) for f in trig.rule.forms}
        dual = (stem.endswith("ا") and (stem[:-1] in bases or stem[:-2] in bases)) or (
            stem[:1] in ("ي", "ت") and stem.endswith("ان") and ("ي" + stem[1:-2]) in bases
        )
        if not dual or not (trig.pro.startswith(("و", "ف")) or trig.start == 0 or self.toks[trig.start - 1].punct):
            return []  # "إن الجانبين اتفقا": a noun we do not know is the subject
        for rel in reversed(self.relations):
            if rel.sentence < sent - 1:
                break
            if rel.relation in ("met", "agreedWith", "negotiatedWith", "cooperatesWith"):
                return [rel.subject, rel.object]
        return []

    def coordinated_verb_ar(self, trig: TriggerHit, lo: int) -> bool:
        """A verb opening a coordinated clause (، واتهم …; وتوعدها): its subject may be the one before."""
        if trig.start > lo and self.word(trig.start - 1) == normalize("حيث") and trig.pro in ("", "س"):
            return True  # "…، حيث التقى X": where he met X
        if trig.pro not in ("و", "ف"):
            return False
        return trig.start > lo and self.toks[trig.start - 1].text in (",", "،")

    def agrees_ar(self, trig: TriggerHit, hit: Hit) -> bool:
        """Can this mention be the subject of the verb, by gender? (اتهم روسيا: no; اتهمت روسيا: yes)"""
        gender = self.hit_gender_ar(hit)
        return not gender or gender == self.verb_gender_ar(trig)

    def pronoun_object_ar(self, trig: TriggerHit, hi: int, subjects: set[str]) -> list[Hit]:
        """An object pronoun on the verb or its preposition (توعدها, التقاه, بحث معه): the nearest earlier
        actor of that gender, in this sentence or the one before, that is not the subject."""
        if trig.pro.replace("|a", "") not in ("", "و", "ف"):
            return []  # لرفضها "for its refusal": a verbal noun's pronoun is its owner, not its object
        enc = ""
        readings = analyses(normalize(self.toks[trig.end - 1].text))
        enc = next((e for _p, stem, e in readings if e in OBJECT_PRONOUNS_AR and stem in self.t.triggers.first), "")
        preps = {normalize(p) for p in trig.rule.preps}
        if not enc and trig.end < hi and self.hit_at(trig.end) is None:
            after = analyses(normalize(self.toks[trig.end].text))
            enc = next((e for _p, stem, e in after if e in OBJECT_PRONOUNS_AR and stem in preps), "")
        if not enc:
            return []
        want = OBJECT_PRONOUNS_AR[enc]
        sent = self.toks[trig.start].sent
        for hit in reversed(self.hits):
            if hit.start >= trig.start or self.toks[hit.start].sent < sent - 1:
                continue
            t = self.type_of(hit.key)
            if hit.key in subjects or t not in ACTOR_TYPES or hit.kind == "adjmod":
                continue
            gender = self.hit_gender_ar(hit)
            if want == "m" and t == "Person" and gender != "f":
                return [hit]
            if want == "f" and (gender == "f" or (t != "Person" and gender != "m")):
                return [hit]
            if want == "p" and t in ("ArmedGroup", "Organization", "MilitaryOrganization"):
                return [hit]
        return []

    def accusation_content(self, trig: TriggerHit, lo: int) -> bool:
        """Is this trigger the act someone is accused of (of/for + gerund; بـ + verbal noun after اتهم)?"""
        if self.lang == "en":
            p = trig.start - 1
            if p < lo or self.word(p) not in ("of", "for") or not self.word(trig.start).endswith("ing"):
                return False
        elif "ب" not in trig.pro:
            return False
        sent, start = self.toks[trig.start].sent, self.toks[trig.start].start
        return any(r.relation == "accused" and r.sentence == sent and r.start < start for r in self.relations)

    def noun_trigger_at(self, k: int) -> bool:
        return any(rule.pos == "noun" and rule.frame == "sym" for _e, rule, _p in self.t.triggers.match(self.keys, k))

    def possessor(self, hit: Hit, after: int, hi: int) -> bool:
        """Is this mention the owner of a noun rather than a noun phrase of its own?
        English "Egypt's plan", "Chinese military activity"; Arabic idafa خطة مصر, انضمام أوكرانيا."""
        if hit.kind == "adjmod":
            return True
        if self.lang == "en":
            if hit.end >= hi or self.toks[hit.end].text not in ("'s", "’s"):
                return False
            # "Syria's new government" is Syria acting; "Egypt's reconstruction plan" is not Egypt.
            head = ""
            for m in range(hit.end + 1, min(hi, hit.end + 4)):
                if not self.toks[m].text.isalpha() or self.toks[m].cap or self.word(m) in FUNCTION_WORDS_EN:
                    break
                head = self.word(m)
            return head not in AGENTIVE_EN
        p = hit.start - 1
        if p < after or self.cover[p] >= 0 or self.skippable(p) or self.toks[p].punct:
            return False
        tok = self.toks[p]
        norm = normalize(tok.text)
        if not tok.text.isalpha() or norm.startswith("ال") or norm.endswith("ا") or norm in PARTICLES_AR:
            return False  # an article, an accusative adverb (مجددا) or a particle: not a construct noun
        if any(pro.replace("|a", "") not in ("", "و", "ف") for pro in tok.keys.values() if pro):
            return False  # بشدة, لأوكرانيا: a preposition, not a construct noun
        return not self.t.triggers.match(self.keys, p)

    def objects(self, trig: TriggerHit, after: int, hi: int, exclude: set[str]) -> list[Hit]:
        rule = trig.rule
        limit = min(hi, after + rule.window)
        stop_at_boundary = rule.window < 20
        preferred: list[Hit] = []
        plain: list[Hit] = []
        k = after
        preps = {normalize(p) if self.lang == "ar" else p for p in rule.preps}
        if self.lang == "en" and after < hi and self.word(after) in ("that", "whether", "if"):
            return []  # "warned that Washington was ready": the clause's subject is not the verb's object
        while k < limit:
            if rule.relation in ("criticized", "protested") and k > after and self.word(k) in RELATIVES:
                agent = self.relative_agent(k, hi)
                if agent is not None and not plain and agent.key not in exclude:
                    return [agent]  # "criticised the restrictions that Israel imposes": Israel's act
            if self.toks[k].text in (",", "،") and k + 1 < hi and self.word(k + 1) in AKA:
                close = next((c for c in range(k + 2, min(hi, k + 8)) if self.toks[c].text in (",", "،")), k)
                limit = min(hi, limit + close - k + 1)  # a nickname in apposition does not use up the window
            if stop_at_boundary and k > after and self.gap_stop(k) and self.toks[k].text not in ('"',):
                break
            if k > after and (
                self.word(k) in CONTRAST or (self.word(k) == "في" and k + 1 < hi and self.word(k + 1) == "حين")
            ):
                break  # "…، في حين أكد روبيو": another clause, another claim
            if rule.frame == "sym" and rule.pos == "verb" and k > after and self.word(k) in ("between", "بين"):
                break  # "welcomed the agreement between A and B": A and B are the agreement's parties
            hit = self.hit_at(k)
            and_verb = hit is None and self.lang == "en" and k > after and self.word(k) == "and" and k + 1 < hi
            if and_verb and any(r.pos == "verb" for _e, r, _p in self.t.triggers.match(self.keys, k + 1)):
                break  # "welcomed the move and asked Washington": the next verb has its own object
            if hit is None:
                if rule.pos != "noun" and self.noun_trigger_at(k):
                    break  # "hosts talks between A and B": the talks are the object, A and B their parties
                k += 1
                continue
            if hit.key in exclude or not self.eligible(hit, rule.types):
                k = hit.end
                continue
            if rule.frame == "sym" and hit.kind == "adjmod":
                k = hit.end
                continue  # "welcomed Syrian refugees", اللاجئين السوريين: not agentive (as "Syrian officials" is)
            if rule.relation == "met" and self.lang == "en" and self.modifier_en(hit, hi):
                k = hit.end
                continue  # "welcomed the U.S. move", "received the Chinese proposal": not a partner
            if rule.relation not in CONCRETE_OBJECTS and self.possessor(hit, after, hi):
                # "supports Egypt's plan", خطة مصر: the owner of the object; what follows is inside it, but
                # "sanctions on Russia's two largest oil companies, Rosneft and Lukoil" names them after a comma
                preferred = self.apposed(hit.end, hi, rule.types, exclude)
                break
            if (
                hit.start - 1 >= after
                and self.word(hit.start - 1) in LOCATIVE
                and not set(rule.types) & {"place", "event"}
            ):
                k = hit.end
                continue  # "met in London": a place, not a partner
            if self.lang == "ar" and hit.kind == "capital" and rule.frame == "sym" and "ب" in self.proclitic_ar(hit):
                k = hit.end
                continue  # جولة بالقاهرة "in Cairo": a place, not a partner
            group = [h for h in self.group_from(hit, hi) if h.key not in exclude and self.eligible(h, rule.types)]
            prev = hit.start - 1
            while prev > after and self.word(prev) in ("the", "a", "an"):
                prev -= 1  # "with the United States"
            by_prep = prev >= after and self.word(prev) in preps
            if self.lang == "ar" and prev - 1 >= after and self.each_of_ar(prev - 1, hi):
                # مع كل من X وY, بكل من X وY: the preposition stands before "each of"
                each = self.keys[prev - 1]
                by_prep = (prev - 2 >= after and self.word(prev - 2) in preps) or any(
                    key in EACH_AR and pro.replace("|a", "")[-1:] in preps for key, pro in each.items()
                )
            if by_prep or (self.lang == "ar" and self.proclitic_ar(hit)[-1:] in preps):
                preferred = group
                break
            if rule.frame == "sym" and rule.relation != "met":
                k = hit.end
                continue  # "agreed to a deal mediated by Qatar": partners come with "with"/مع
            if not plain:
                plain = group
            k = hit.end
        return preferred or plain

    def relative_agent(self, rel: int, hi: int) -> Hit | None:
        """The actor doing what an object relative clause describes: القيود التي تفرضها إسرائيل, "the
        restrictions that Israel imposes" (the relative pronoun at rel, a verb, then the actor)."""
        v = rel + 1
        if v + 1 >= hi or self.toks[v].punct:
            return None
        if self.lang == "ar":
            if self.hit_at(v) is not None:
                return None
            readings = analyses(normalize(self.toks[v].text))
            if not any(enc in RESUMPTIVE_AR and len(stem) >= 3 for _p, stem, enc in readings):
                return None  # an object relative carries the resumptive pronoun: تفرضها
            hit = self.hit_at(v + 1)
            ok = hit is not None and hit.start == v + 1 and self.bare_ar(hit)
        else:
            hit, v = self.hit_at(v), v  # "the curbs that Israel imposes": the actor comes first
            ok = hit is not None and hit.start == v and v + 1 < hi and self.toks[v + 1].text.isalpha()
        if not ok or hit is None or self.type_of(hit.key) not in ACTOR_TYPES or hit.kind == "adjmod":
            return None
        return hit

    def apposed(self, k: int, hi: int, types: tuple[str, ...], exclude: set[str]) -> list[Hit]:
        """The actors a comma apposition names right after a possessed noun phrase starting at k
        ("Russia's two largest oil companies, Rosneft and Lukoil,"); [] when none does."""
        for m in range(k, min(hi, k + 7)):
            if self.hit_at(m) is not None or self.boundary(m) and self.toks[m].text not in (",", "،"):
                return []
            if self.toks[m].text in (",", "،"):
                first = self.hit_at(m + 1) if m + 1 < hi else None
                if first is None or first.start != m + 1:
                    return []
                group = [h for h in self.group_from(first, hi) if h.key not in exclude and self.eligible(h, types)]
                end = group[-1].end if group else m
                closed = end >= hi or self.toks[end].text in (",", "،", ".")
                return group if closed else []
        return []

    def modifier_en(self, hit: Hit, hi: int) -> bool:
        """Does this English mention modify the noun after it ("the U.S. move", "the Chinese proposal")?"""
        k = hit.end
        if k >= hi or hit.start == 0 or self.word(hit.start - 1) not in ("the", "a", "an"):
            return False
        tok = self.toks[k]
        return tok.text.isalpha() and tok.text.islower() and tok.text not in FUNCTION_WORDS_EN | SKIP_EN

    def resolve_pronoun(self, trig: TriggerHit, want: str) -> list[str]:
        """The nearest compatible actor earlier in the same sentence ("قال الشرع إنه بحث", "X said he
        would …"), else the most recent salient subject compatible with the verb's gender (m, f, n, p)."""
        sent = self.toks[trig.start].sent
        earlier = [
            h.key for h in self.hits if h.end <= trig.start and self.toks[h.start].sent == sent and h.kind != "adjmod"
        ]
        for key in [*reversed(earlier), *reversed(self.salient)]:
            t = self.type_of(key)
            entity = self.ent.gaz(key)
            gender = entity.gender if entity else ""
            if want == "m" and t == "Person" and gender != "female":
                return [key]
            if want == "f" and ((t == "Person" and gender == "female") or t in ACTOR_TYPES - {"Person"}):
                return [key]
            if want == "she" and t == "Person" and gender != "male":
                return [key]
            if want == "n" and t in ACTOR_TYPES - {"Person"}:
                return [key]
            if want == "any" and t in ACTOR_TYPES:
                return [key]
        return []

    def pronoun_subject_ar(self, trig: TriggerHit, hi: int) -> bool:
        """Does the verb carry its subject (VSO with no noun after it)? أعرب عن …, ألقى كلمة, وأصدرت قانونا."""
        k = trig.start + 1
        while k < hi and self.skippable(k):
            k += 1
        if k >= hi or self.strong(k) or self.hit_at(k) is not None:
            return True
        tok = self.toks[k]
        if any(key in PARTICLES_AR for key in tok.keys) or any(
            p.replace("|a", "")[-1:] in ("ب", "ل") for p in tok.keys.values() if p
        ):
            return True
        # An indefinite accusative or a gapped trigger's own words (ألقى … كلمة) are objects, not subjects.
        return k < trig.end or normalize(tok.text).endswith("ا") or not normalize(tok.text).startswith("ال")

    def verb_gender_ar(self, trig: TriggerHit) -> str:
        text = normalize(self.toks[trig.start].text)
        stem = min(self.keys[trig.start], key=len) if self.keys[trig.start] else text
        for key, pro in self.keys[trig.start].items():
            if (not pro or pro in ("و", "ف")) and key in self.t.triggers.first:
                stem = key  # the reading the trigger matched (وتتعاون → تتعاون), not the raw token
                break
        else:
            for key, pro in self.keys[trig.start].items():
                if not pro or pro in ("و", "ف"):
                    stem = key
                    break
        if stem in {normalize(f.split()[0]) for f in trig.rule.forms}:
            return "m"  # a listed 3rd person masculine form: توعد, تعاون (Form V/VI pasts start with ت)
        if stem.endswith("ت") or stem.startswith("ت") and len(stem) > 3:
            return "f"
        return "m"

    # -- nominal acts: "Russia's invasion of Ukraine", الحرب الروسية على أوكرانيا ----------------------------
    def nominal_agent(self, start: int, end: int, lo: int, hi: int) -> Hit | None:
        """The actor attached to an act noun at [start, end): a possessive or nisba before it in English
        ("Russia's full-scale invasion", "Israeli strikes"), a nisba or idafa actor after it in Arabic
        (الحرب الروسية, غارة جوية إسرائيلية, حرب روسيا); None when there is none or the act is hypothetical."""
        agent: Hit | None = None
        own = self.hit_at(start)
        if own is not None and own.kind == "adj" and own.start == start and own.end > end:
            agent = own  # غارات إسرائيلية read as one mention: the head noun with its nisba
            around = [*range(max(lo, start - 2), start), *range(own.end, min(hi, own.end + 2))]
            if self.lang == "ar" and any(not HYPOTHETICAL_AR.isdisjoint(self.keys[m]) for m in around):
                return None
        elif self.lang == "ar":
            k, skipped = end, 0
            while k < hi and skipped <= 1:
                hit = self.hit_at(k)
                if hit is not None:
                    agent = hit if hit.start == k else None
                    break
                tok = self.toks[k]
                if tok.punct or not tok.keys or any(p.replace("|a", "") for p in tok.keys.values()):
                    break  # a preposition or a conjunction: the noun's own phrase has ended
                if any(key in PARTICLES_AR for key in tok.keys):
                    break
                skipped += 1
                k += 1
            if agent is None:
                return None
            around = [*range(max(lo, start - 2), start), *range(agent.end, min(hi, agent.end + 2))]
            if any(not HYPOTHETICAL_AR.isdisjoint(self.keys[m]) for m in around):
                return None
        elif self.lang == "en":
            p, skipped = start - 1, 0
            while p >= lo and skipped <= 2:
                hit = self.hit_at(p)
                if hit is not None:
                    agent = hit if hit.end == p + 1 else None
                    break
                tok = self.toks[p]
                if tok.text in ("'s", "’s") and p - 1 >= lo:
                    hit = self.hit_at(p - 1)
                    agent = hit if hit is not None and hit.end == p else None
                    break
                if (tok.punct and tok.text != "-") or tok.cap or self.word(p) in FUNCTION_WORDS_EN:
                    break
                if self.word(p) in EN_DETERMINERS or self.t.triggers.match(self.keys, p):
                    break
                skipped += tok.text != "-"  # "full-scale" is one modifier
                p -= 1
            if agent is None:
                return None
            q = agent.start - 1
            while q >= lo and self.word(q) in ("the", "a", "an"):
                q -= 1
            if any(self.word(m) in HYPOTHETICAL_EN for m in range(max(lo, q - 2), start)):
                return None
        if agent is None or self.type_of(agent.key) not in ACTOR_TYPES:
            return None
        return agent

    def nominal_targets(self, trig: TriggerHit, after: int, hi: int) -> list[Hit]:
        """The target of an act noun: the first eligible actor after one of its prepositions (على أراضي قطر,
        "on the Ukrainian city of Odesa")."""
        preps = {normalize(p) if self.lang == "ar" else p for p in trig.rule.preps}
        limit = min(hi, after + trig.rule.window)
        k = after
        while k < limit:
            if k > after and self.boundary(k):
                return []
            if self.hit_at(k) is None and self.word(k) in preps:
                for m in range(k + 1, min(hi, k + 4)):
                    hit = self.hit_at(m)
                    if hit is not None:
                        if hit.start != m or not self.eligible(hit, trig.rule.types):
                            return []
                        return [h for h in self.group_from(hit, hi) if self.eligible(h, trig.rule.types)]
                    if self.toks[m].punct:
                        return []
                return []
            k += 1
        return []

    def nominal(self, trig: TriggerHit, lo: int, hi: int, sent: int, date: str | None) -> None:
        agent = self.nominal_agent(trig.start, trig.end, lo, hi)
        if agent is None:
            return
        after = agent.end if self.lang == "ar" or agent.start == trig.start else trig.end
        modality = self.modality(trig, lo, hi)
        rule_id = f"{self.lang}.{trig.rule.relation}.nom"
        for obj in self.nominal_targets(trig, after, hi):
            self.emit(agent.key, trig.rule, obj.key, trig, sent, modality, date, rule_id)

    def attacker(self, after: int, lo: int, hi: int) -> str | None:
        """ "condemned the attack (on Qatar)", إدانة الهجوم: the one who attacked. The act noun's own agent
        (the Israeli strike, Israel's attack) when it has one, else, for a definite noun with none, the
        last actor found attacking in the document; "" when it is not known; None when no act noun follows."""
        k = after
        while k < min(hi, after + 2) and self.word(k) in ("the", "this", "that", "these", "those", "هذا", "هذه"):
            k += 1
        p = k
        while p < min(hi, k + 3) and (hit := self.hit_at(p)) is not None:
            p = hit.end  # "the Israeli strike", "Israel's attack"
            if p < hi and self.toks[p].text in ("'s", "’s"):
                p += 1
        if p >= hi:
            return None
        found = [m for m in self.t.triggers.match(self.keys, p) if m[1].pos == "nom" and m[1].relation == "attacked"]
        if not found:
            return None
        end = found[0][0]
        agent = self.nominal_agent(p, end, lo, hi)
        if agent is not None:
            return agent.key
        definite = self.word(after) in ("the", "this", "these") or any(s.startswith("ال") for s in self.keys[p])
        if not definite or p != k or (end < hi and self.hit_at(end) is not None):
            return ""
        for rel in reversed(self.relations):
            if rel.relation == "attacked" and rel.modality == "asserted":
                return rel.subject
        return ""

    # -- the sentence ------------------------------------------------------------------------------
    def run_sentence(self, lo: int, hi: int, sent_index: int, allow: bool, date: str | None) -> None:
        self.title_relations(lo, hi, sent_index)
        if not allow:
            self.update_salience(lo, hi)
            return
        trigger_hits = self.triggers(lo, hi)
        for hit in self.hits_by_sent.get(self.toks[lo].sent, ()) if self.hits_by_sent else ():
            # غارة إسرائيلية على الدوحة: an act noun the mention finder read with its nisba as one mention
            if hit.kind == "adj" and lo <= hit.start < hi and hit.end - hit.start >= 2:
                for end, rule, pro in self.t.triggers.match(self.keys, hit.start):
                    if rule.pos == "nom" and end < hit.end:
                        self.nominal(TriggerHit(hit.start, end, rule, pro), lo, hi, sent_index, date)
                        break
        verb_clauses: list[tuple[int, int]] = []
        verbs: list[TriggerHit] = []
        for trig in trigger_hits:
            c_lo, c_hi = self.clause_start(trig.start, lo), self.clause_end(trig.end, hi)
            if trig.rule.pos == "nom":
                self.nominal(trig, lo, hi, sent_index, date)
                continue
            governing = next((v for v, (a, b) in zip(verbs, verb_clauses, strict=True) if a <= trig.start < b), None)
            if trig.rule.pos == "noun" and governing is not None:
                # "agreed to strengthen cooperation": the verb carries the relation; but "hosts talks between A
                # and B" still pairs A and B, with the hosting verb's modality.
                if trig.rule.frame == "sym":
                    modality = self.modality(trig, lo, hi)
                    if modality == "asserted":
                        modality = self.modality(governing, lo, hi)
                    rule_id = f"{self.lang}.{trig.rule.relation}.noun"
                    paired = self.between(trig, hi, sent_index, modality, date, rule_id)
                    if paired and governing.rule.relation == "hosted":
                        self.hosted_talks(governing, trig, lo, hi, sent_index, modality, date)
                continue
            if (
                trig.rule.pos == "verb"
                and any(
                    t.rule.pos == "noun" and trig.end <= t.start <= trig.end + 6 and t.start < c_hi
                    for t in trigger_hits
                )
                and any(mod == "negated" for _e, (mod, _s), _p in self.t.cues.match(self.keys, trig.start))
            ):
                continue  # رفض (…) التوقيع "refused to sign": the verbal noun is the relation, the verb its negation
            if trig.rule.pos in ("verb", "part"):
                verb_clauses.append((c_lo, c_hi))
                verbs.append(trig)
            self.relate(trig, lo, hi, sent_index, date)
        self.update_salience(lo, hi)

    def update_salience(self, lo: int, hi: int) -> None:
        in_sentence = self.hits_by_sent.get(self.toks[lo].sent, []) if self.hits_by_sent and lo < hi else self.hits
        for hit in in_sentence:
            if lo <= hit.start < hi and self.type_of(hit.key) in ACTOR_TYPES and hit.kind != "adj":
                if hit.key in self.salient:
                    self.salient.remove(hit.key)
                self.salient.append(hit.key)

    def relate(self, trig: TriggerHit, lo: int, hi: int, sent_index: int, date: str | None) -> None:
        rule = trig.rule
        modality = self.modality(trig, lo, hi)
        if modality == "asserted" and self.accusation_content(trig, lo):
            modality = "hedged"  # "accused X of backing Y", اتهم X بدعم Y: the accuser's claim
        if rule.frame == "eval":
            subj_hits = [h for h in self.hits if lo <= h.start < trig.start and self.type_of(h.key) in ACTOR_TYPES]
            if not subj_hits:
                return
            subject = subj_hits[0]
            after = self.group_from(subject, hi)[-1].end
            objs = [h for h in self.hits if after <= h.start < trig.start and self.eligible(h, rule.types)]
            owners = [h for h in objs if h.end < trig.start and self.toks[h.end].text in ("'s", "’s")]
            if objs:
                # the judged one: the owner of what is judged ("called Spain's position terrible", after a
                # relative clause naming someone else), else the first actor after the speaker
                judged = owners[-1] if owners else objs[0]
                self.emit(subject.key, rule, judged.key, trig, sent_index, modality, date, "eval")
            return
        rule_id = f"{self.lang}.{rule.relation}.{rule.pos}"
        if self.lang == "ar" and modality == "asserted" and trig.pro.startswith("و") and self.present_ar(trig):
            # سيلتقي المحافظ ويزور مركزا: a present verb joined to a future (or hedged) one shares its modality
            same = [r for r in self.relations if r.sentence == sent_index and r.rule.count(".") > 1]
            last = same[-1] if same else None
            if last is not None and last.modality in ("future", "hedged"):
                modality = last.modality
        if self.lang == "en" and rule.relation == "threatened" and trig.end < hi and self.word(trig.end) == "of":
            return  # "warned of a possible attack": a warning about something, not a threat to anyone
        if rule.frame == "member":
            self.membership(trig, lo, hi, sent_index, modality, date, rule_id)
            return
        if rule.frame == "gather":
            self.gather(trig, lo, hi, sent_index, modality, date, rule_id)
            return
        if rule.relation in ("met", "negotiatedWith") and self.by_phone(trig, hi):
            return  # بحث هاتفيا مع, "discussed by phone with": a call is no meeting and no negotiation we state
        if self.lang == "en" and self.passive(trig, lo, hi, sent_index, modality, date, rule_id):
            return
        if rule.frame == "sym" and rule.pos == "noun" and self.between(trig, hi, sent_index, modality, date, rule_id):
            host = self.hosting_verb_before(trig, lo)
            if host is not None:
                self.hosted_talks(host, trig, lo, hi, sent_index, modality, date)
            return
        if rule.pos == "part":
            subjects, vso = self.main_subject(trig, lo), False
        else:
            subjects, vso = self.subject_group(trig, lo, hi)
        genitive = self.hit_at(trig.end) if self.lang == "ar" and trig.end < hi else None
        if genitive is not None and genitive.kind == "anaphor" and genitive.type == "State":
            subjects, vso = [genitive], True  # دعم بلاده لأوكرانيا: the verbal noun's genitive is its agent
        subject_keys = [h.key for h in subjects]
        # أكد دعم, مؤكدة دعمها: after a verb of saying or stance the trigger is a verbal noun, not a verb.
        masdar = self.lang == "ar" and trig.start > lo and not MASDAR_GOVERNORS_AR.isdisjoint(self.keys[trig.start - 1])
        if not subject_keys:
            if rule.pos == "part":
                return
            if rule.pos == "noun" or masdar:
                # A noun may take its subject right after it (إصدار اليابان قانونا) but never from coreference.
                k = trig.end
                if self.lang == "ar" and rule.pos == "noun":
                    k = self.support_verb_end(k, hi)  # زيارة (رسمية) يجريها ماكرون إلى مصر
                if self.lang == "ar" and k < hi:
                    hit = self.hit_at(k)
                    if hit is not None and self.type_of(hit.key) in ACTOR_TYPES:
                        subjects = self.group_from(hit, hi)
                        subject_keys = [h.key for h in subjects if self.type_of(h.key) in ACTOR_TYPES]
                        vso = True
                if not subject_keys:
                    return
            else:
                want = "any"
                if self.lang == "ar":
                    if not self.pronoun_subject_ar(trig, hi):
                        return  # "أبدى مسؤولون قلقهم": the subject is a noun we do not know, not "he"
                    prev = self.hit_at(trig.start - 1) if trig.start > lo else None
                    if prev is not None and prev.end == trig.start and self.prep_object_ar(prev):
                        return  # "… على الدوحة تستهدف": the subject is the noun before the preposition, not "she"
                    before = self.hit_at(trig.start - 1) if trig.start > lo else None
                    if before is not None and self.type_of(before.key) in DOCUMENT_TYPES | EVENT_TYPES:
                        return  # مشروع قرار يدين …: "a draft resolution condemning", the document is the subject
                    relative = trig.start > lo and self.word(trig.start - 1) in RELATIVES
                    if relative and not self.resumptive_after(trig, hi):
                        # الهجوم الذي استهدف …: the antecedent is the subject; only an actor one gives a relation.
                        # (التي التقى خلالها …: "during which he met" has a subject of its own.)
                        h = trig.start - 2
                        if h - 1 >= lo and self.toks[h].text in (",", "،"):
                            h -= 1  # "نور نافع، التي عارضت": the antecedent before the comma
                        head = self.hit_at(h) if h >= lo else None
                        if head is None or self.type_of(head.key) not in ACTOR_TYPES:
                            return
                        subject_keys = [head.key]
                        rule_id += ".relative"
                    want = "" if subject_keys else self.verb_gender_ar(trig)
                    pair = [] if subject_keys else self.dual_subject_ar(trig, sent_index)
                    if subject_keys:
                        pass
                    elif pair:
                        subject_keys, want = pair, ""  # وبحثا "and the two discussed": the pair just named
                    elif self.coordinated_verb_ar(trig, lo):
                        # "، ووقع معه": the clause before it in the sentence gives the subject.
                        last = next(
                            (r for r in reversed(self.relations) if r.sentence == sent_index and r.rule.count(".") > 1),
                            None,
                        )
                        if last is not None:
                            subject_keys, want = [last.subject], ""
                else:
                    p = trig.start - 1
                    while p >= lo and self.skippable(p):
                        p -= 1
                    if p >= lo and self.toks[p].text.lower() in PRONOUNS_EN:
                        want = PRONOUNS_EN[self.toks[p].text.lower()]
                    elif p >= lo and self.toks[p].text.lower() in ("who", "which") and p - 1 >= lo:
                        # "Karin Keller-Sutter, who met Bessent": the relative pronoun's antecedent.
                        q = p - 1 if self.toks[p - 1].text == "," else p
                        antecedent = self.group_ending_before(q, lo, 0)
                        subject_keys = [h.key for h in antecedent if self.type_of(h.key) in ACTOR_TYPES]
                        if not subject_keys:
                            return
                        want = ""
                    elif p >= lo and self.toks[p].text == "," and (appos := self.apposition_closed(p)):
                        subject_keys, want = appos, ""  # "Peru's interim president, Jose Jeri, met …"
                    elif p >= lo and self.toks[p].text == "," and (closed := self.relative_closed(p, lo)):
                        subject_keys, want = closed, ""  # "Zelensky, who attended …, met Trump": the antecedent
                    elif p >= lo and self.toks[p].text == "," and self.toks[trig.start].text.lower().endswith("ing"):
                        # Participle clause: ", calling for …" / ", accusing Beijing …" takes the
                        # sentence's main subject, its first actor.
                        first = next(
                            (
                                h
                                for h in self.hits
                                if lo <= h.start < p
                                and self.type_of(h.key) in ACTOR_TYPES
                                and h.kind not in ("adjmod",)
                            ),
                            None,
                        )
                        if first is None:
                            return
                        subject_keys = [first.key]
                        want = ""
                    elif p >= lo and self.toks[p].text.lower() == "and":
                        # "… and met X": the subject of the clause before, else the sentence's first actor.
                        last = next(
                            (r for r in reversed(self.relations) if r.sentence == sent_index and r.rule.count(".") > 1),
                            None,
                        )
                        if last is not None:
                            # after "X, who was hosted by Y, …": the passive's patient is the clause's subject
                            subject_keys = [last.object if last.rule.endswith(".passive") else last.subject]
                            modality = last.modality if modality == "asserted" else modality
                        else:
                            first = next(
                                (h for h in self.hits if lo <= h.start < p and self.type_of(h.key) in ACTOR_TYPES),
                                None,
                            )
                            if first is None or first.kind == "adjmod":
                                return
                            subject_keys = [first.key]
                        want = ""
                    else:
                        return
                    if want == "p":
                        # "they": the last group that acted together, in this sentence or the one before.
                        subject_keys = self.last_group(sent_index)
                        if not subject_keys:
                            return
                        want = ""
                if want:
                    subject_keys = self.resolve_pronoun(trig, want)
                    rule_id += ".coref"
                if not subject_keys:
                    return
        # شن إسرائيل، الثلاثاء، غارة على: a gapped trigger's own words come after its VSO subject
        after = max(subjects[-1].end, trig.end) if vso and subjects else trig.end
        if self.lang == "en" and trig.start > lo and self.word(trig.start - 1) == "to" and subjects:
            # "travel to Moscow next week to meet Putin": the traveller meets, not the destination.
            earlier = [r for r in self.relations if r.sentence == sent_index and r.rule.count(".") > 1]
            if earlier and all(any(r.object == k for r in earlier) for k in subject_keys):
                subject_keys = [earlier[-1].subject]
        if rule.frame == "body":  # صوت على: a legislature or council votes a text through; a state only votes
            subject_keys = [k for k in subject_keys if self.type_of(k) not in ("State", "Person")]
        if len(subject_keys) >= 2:
            self.group_memory = (sent_index, list(subject_keys))
        target = self.attacker(after, lo, hi) if rule.relation in ("criticized", "protested") else None
        if target is not None:
            # "condemned the attack": the attacker is criticised, not its target (none when it is not known)
            for a in subject_keys if target else ():
                self.emit(a, rule, target, trig, sent_index, modality, date, rule_id + ".attack")
            return
        package = self.hit_at(trig.end - 1) if rule.relation == "sanctioned" and trig.end - trig.start > 1 else None
        if package is not None and self.type_of(package.key) in DOCUMENT_TYPES:
            # "adopted a 16th package of sanctions against Russia": the package itself was adopted too
            verb = self.word(trig.start)
            relation = "passed" if verb.startswith(("adopt", "approv", "pass", "اعتمد", "اقر")) else "issued"
            for a in subject_keys:
                self.emit_plain(a, relation, package.key, "", trig, sent_index, modality, date, rule_id + ".package")
        objs = self.objects(trig, after, hi, set(subject_keys))
        guest = self.guest_ar(trig, after, hi, sent_index) if not objs and rule.relation in ("met", "hosted") else ""
        if guest and guest not in subject_keys:
            # استقبل ضيفه "received his guest": the visitor named before
            for a in subject_keys:
                self.emit(a, rule, guest, trig, sent_index, modality, date, rule_id + ".guest")
            return
        if not objs and rule.frame in ("act", "body") and subjects:
            objs = self.relative_antecedent(trig, subjects, lo)
        if not objs and self.lang == "ar" and "actor" in rule.types and rule.pos == "verb" and not masdar:
            objs = self.pronoun_object_ar(trig, hi, set(subject_keys))
        if rule.frame == "sym" and not objs and not (rule.relation == "met" and self.direct_object(after, hi)):
            # "X and Y met": they pair up; "X and Y held talks with Z": they are one side.
            for a_i, a in enumerate(subject_keys):
                for b in subject_keys[a_i + 1 :]:
                    self.emit(a, rule, b, trig, sent_index, modality, date, rule_id + ".coord")
        if objs and modality == "asserted" and self.lang == "en" and self.word(max(0, objs[0].start - 1)) == "neither":
            modality = "negated"  # "condemned neither Iran nor Russia"
        for a in subject_keys:
            for obj in objs:
                self.emit(a, rule, obj.key, trig, sent_index, modality, date, rule_id)
        # Meetings on the sidelines of (or at) an event: the participants attended it.
        if rule.relation in ("met", "agreedWith", "negotiatedWith") and subject_keys:
            preps = SIDELINE_PREPS_AR if self.lang == "ar" else SIDELINE_PREPS_EN
            for hit in self.hits:
                if trig.end <= hit.start < hi and self.type_of(hit.key) in EVENT_TYPES:
                    if any(self.boundary(m) for m in range(trig.end, hit.start)):
                        break  # "met in Washington, and discussed the war in Gaza": another clause
                    window = [self.word(k) for k in range(max(trig.end, hit.start - 4), hit.start)]
                    if self.lang == "ar":
                        window += [k for m in range(max(trig.end, hit.start - 4), hit.start + 1) for k in self.keys[m]]
                    if any(w in preps for w in window):
                        for a in subject_keys:
                            self.emit_plain(
                                a,
                                "attended",
                                hit.key,
                                "CONSULT",
                                trig,
                                sent_index,
                                modality,
                                date,
                                rule_id + ".sidelines",
                            )
                        break
        if modality == "asserted" or rule.pos == "verb":
            for key in subject_keys:
                if key in self.salient:
                    self.salient.remove(key)
                self.salient.append(key)

    def direct_object(self, k: int, hi: int) -> bool:
        """Does a non-actor direct object follow at k ("A and B welcomed the deal", استقبلت مصر والأردن
        اللاجئين)? Then the verb is transitive (receive, welcome) and its coordinated subjects did not meet."""
        while k < hi and self.lang == "ar" and self.skippable(k):
            k += 1  # اليوم, أمس; English "on" is a preposition ("met on the sidelines")
        if k >= hi or self.toks[k].punct:
            return False
        if (hit := self.hit_at(k)) is not None:
            return hit.kind == "adjmod"  # "welcomed Syrian refugees"
        if self.lang == "en":
            return self.word(k) in ("the", "a", "an", "it", "its", "their", "this", "these", "those")
        tok = self.toks[k]
        if any(key in PARTICLES_AR for key in tok.keys) or any(p.replace("|a", "") for p in tok.keys.values()):
            return False  # في الرياض, بالرئيس: a place or a partner, not a direct object
        return normalize(tok.text).startswith("ال")

    def relative_antecedent(self, trig: TriggerHit, subjects: list[Hit], lo: int) -> list[Hit]:
        """The object of an object relative clause: "the Oslo Accords, which Israel and the PLO signed",
        اتفاقية أوسلو التي وقعتها إسرائيل (the verb carries the resumptive pronoun ـها)."""
        c_lo = self.clause_start(min(trig.start, subjects[0].start), lo)
        rel = c_lo - 1
        if rel < lo or self.word(rel) not in RELATIVES:
            return []
        if self.lang == "en" and subjects[0].start < c_lo:
            return []
        if self.lang == "ar":
            readings = analyses(normalize(self.toks[trig.start].text))
            if not any(enc in RESUMPTIVE_AR and stem in self.t.triggers.first for _p, stem, enc in readings):
                return []  # الدولة التي هاجمت إيران: a subject relative, the antecedent is the subject
        p = rel - 1
        if p >= lo and self.toks[p].text in (",", "،"):
            p -= 1
        hit = self.hit_at(p) if p >= lo else None
        if hit is None or hit.end != p + 1 or hit in subjects or not self.eligible(hit, trig.rule.types):
            return []
        return [hit]

    def delegation_of(self, person: Hit, lo: int) -> str:
        """The actor whose delegation this person heads (وفد حماس برئاسة X; وفدها برئاسة X after حماس), or ""."""
        p = person.start - 1
        if p < lo or not any(key == HEADED_BY_AR and pro in ("", "و") for key, pro in self.keys[p].items()):
            return ""
        for m in range(p - 1, max(lo, p - 4) - 1, -1):
            readings = analyses(normalize(self.toks[m].text))
            head = [enc for _p, stem, enc in readings if stem in (DELEGATION_AR, "ال" + DELEGATION_AR)]
            if not head:
                continue
            own = self.hit_at(m)
            if own is not None and own.kind == "adj" and own.start == m:
                return own.key  # وفد أمريكي: read with its nisba as the state
            owner = self.hit_at(m + 1) if m + 1 < p else None
            if not head[0] and owner is not None and owner.start == m + 1:
                kind_ok = self.type_of(owner.key) in ACTOR_TYPES - {"Person"}
                return owner.key if kind_ok else ""
            if head[0] in ("ها", "ه"):
                earlier = [h for h in self.hits if lo <= h.end <= m and self.type_of(h.key) in ACTOR_TYPES - {"Person"}]
                return earlier[-1].key if earlier and earlier[-1].kind != "adjmod" else ""
            return ""
        return ""

    def based_in(self, hit: Hit, hi: int) -> str:
        """ "X, a Pakistan-based militant group" / "the Doha-based X": the state X is based in, or ""."""
        if self.type_of(hit.key) not in ACTOR_TYPES - {"Person", "State"}:
            return ""
        k = hit.end
        if k + 4 < hi and self.toks[k].text == "," and self.word(k + 1) in ("a", "an", "the"):
            place = self.hit_at(k + 2)
            if place is not None and place.start == k + 2 and self.type_of(place.key) == "State":
                m = place.end
                if m + 1 < hi and self.toks[m].text == "-" and self.word(m + 1) == "based":
                    return place.key
        return ""

    def by_phone(self, trig: TriggerHit, hi: int) -> bool:
        """Is the exchange said to be by phone (هاتفيا, "by phone") in the trigger's clause?"""
        for m in range(trig.end, min(hi, trig.end + 10)):
            if self.boundary(m):
                return False
            if not PHONE.isdisjoint(self.keys[m]) or self.word(m) in PHONE:
                return True
        return False

    def guest_ar(self, trig: TriggerHit, after: int, hi: int, sent: int) -> str:
        """ضيفه / ضيفها "his/her guest" right after the verb: the one who visited in this sentence or the two
        before, or ""."""
        if self.lang != "ar":
            return ""
        k = after
        while k < hi and self.skippable(k):
            k += 1
        if k >= hi or not any(stem == GUEST_AR and enc in ("ه", "ها") for _p, stem, enc in self.analyses_at(k)):
            return ""
        for rel in reversed(self.relations):
            if rel.sentence < sent - 2:
                break
            if rel.relation == "visited" and self.type_of(rel.subject) == "Person":
                return rel.subject
        return ""

    def analyses_at(self, k: int) -> tuple[tuple[str, str, str], ...]:
        return analyses(normalize(self.toks[k].text))

    def apposition_closed(self, comma: int) -> list[str]:
        """ "Peru's interim president, Jose Jeri, met": the titled person whose name in apposition this comma
        closes."""
        hit = self.hit_at(comma - 1) if comma > 0 else None
        if hit is None or hit.kind != "title" or hit.end != comma:
            return []
        return [hit.key] if any(self.toks[m].text == "," for m in range(hit.start, hit.end)) else []

    def relative_closed(self, comma: int, lo: int) -> list[str]:
        """ "X, who …, VERB": the actors a relative clause closed by this comma was about; [] when the comma
        closes something else."""
        r = comma - 1
        while r > lo and not self.strong(r):
            if self.word(r) in ("who", "which") and self.toks[r - 1].text == ",":
                antecedent = self.group_ending_before(r - 1, lo, 0)
                return [h.key for h in antecedent if self.type_of(h.key) in ACTOR_TYPES and h.kind != "adjmod"]
            r -= 1
        return []

    def main_subject(self, trig: TriggerHit, lo: int) -> list[Hit]:
        """The subject of the sentence's main clause, for a participle clause after a comma (، منتقدا …):
        the subject of the last relation already found in the sentence, else its first actor."""
        sent = self.toks[trig.start].sent
        p = trig.start - 1
        while p >= lo and self.skippable(p):
            p -= 1
        if p < lo or (self.lang == "en" and self.toks[p].text not in (",", "،")):
            return []  # Arabic participles and reasons (احتجاجا على) need no comma; English ones do
        for rel in reversed(self.relations):
            if rel.sentence != sent or rel.relation in ("holdsPosition", "affiliatedWith", "locatedIn"):
                continue
            hit = next((h for h in self.hits if h.key == rel.subject and lo <= h.start < trig.start), None)
            if hit is not None:
                return [hit]
        first = next(
            (h for h in self.hits if lo <= h.start < p and self.type_of(h.key) in ACTOR_TYPES and h.kind != "adjmod"),
            None,
        )
        return [first] if first is not None else []

    def last_group(self, sent: int) -> list[str]:
        if self.group_memory and self.group_memory[0] >= sent - 1:
            return list(self.group_memory[1])
        return []

    def between(self, trig: TriggerHit, hi: int, sent: int, modality: str, date: str | None, rule_id: str) -> bool:
        """ "talks between A and B", محادثات بين A و B: the parties pair up."""
        k = trig.end
        while k < hi and k < trig.end + 4 and self.word(k) not in ("between", "بين"):
            if self.hit_at(k) is not None or self.strong(k):
                return False
            k += 1
        if k >= hi or self.word(k) not in ("between", "بين") or k + 1 >= hi:
            return False
        if modality == "asserted":  # محادثات قد تعقد بين A و B, "talks to be held between": the verb's mood
            modality = self.span_modality(trig.end, k)
        first = self.hit_at(k + 1) or (self.hit_at(k + 2) if k + 2 < hi and self.word(k + 1) == "the" else None)
        if first is None:
            return False
        parties = [h.key for h in self.group_from(first, hi) if self.type_of(h.key) in ACTOR_TYPES]
        # "talks between Rubio and Lavrov": two people holding talks met, unless the talks were indirect.
        meeting = (
            trig.rule.relation == "negotiatedWith"
            and all(self.type_of(key) == "Person" for key in parties)
            and not any(self.word(m) in INDIRECT for m in range(max(0, trig.start - 2), min(hi, trig.end + 3)))
        )
        for a_i, a in enumerate(parties):
            for b in parties[a_i + 1 :]:
                if meeting:
                    self.emit_plain(a, "met", b, "CONSULT", trig, sent, modality, date, rule_id + ".between")
                else:
                    self.emit(a, trig.rule, b, trig, sent, modality, date, rule_id + ".between")
        return len(parties) >= 2

    def gather(
        self, trig: TriggerHit, lo: int, hi: int, sent: int, modality: str, date: str | None, rule_id: str
    ) -> None:
        """لقاء جمع الرئيس X بنظيره Y, قمة جمعته بماكرون والعاهل الأردني: the meeting "brought together" one party
        (the verb's object or its pronoun) with the others (after ب); they met, and attended the event that
        is the verb's subject."""
        first = self.pronoun_object_ar(trig, hi, set())
        k = trig.end
        if not first and k < hi and (hit := self.hit_at(k)) is not None and hit.start == k and self.bare_ar(hit):
            first = self.group_from(hit, hi)
            k = first[-1].end
        others: list[Hit] = []
        for m in range(k, min(hi, k + 3)):
            hit = self.hit_at(m)
            if hit is not None and hit.start == m and self.proclitic_ar(hit).endswith("ب"):
                others = self.group_from(hit, hi)
                break
        parties = [h.key for h in [*first, *others] if self.type_of(h.key) in ACTOR_TYPES]
        if len(parties) < 2:
            return
        for a_i, a in enumerate(parties):
            for b in parties[a_i + 1 :]:
                self.emit_plain(a, "met", b, trig.rule.plover, trig, sent, modality, date, rule_id)
        before = self.hit_at(trig.start - 1) if trig.start > lo else None
        if before is not None and self.type_of(before.key) in EVENT_TYPES:
            for key in parties:
                self.emit_plain(key, "attended", before.key, trig.rule.plover, trig, sent, modality, date, rule_id)

    def hosting_verb_before(self, trig: TriggerHit, lo: int) -> TriggerHit | None:
        """استضافت السعودية، الثلاثاء، محادثات: a hosting verb earlier in the noun's clause (day commas aside)."""
        for m in range(trig.start - 1, max(lo, trig.start - 9) - 1, -1):
            if self.gap_stop(m):
                return None
            for end, rule, pro in self.t.triggers.match(self.keys, m):
                if rule.relation == "hosted" and rule.pos == "verb":
                    return TriggerHit(m, end, rule, pro)
        return None

    def hosted_talks(
        self, verb: TriggerHit, noun: TriggerHit, lo: int, hi: int, sent: int, modality: str, date: str | None
    ) -> None:
        """ "Malaysia hosted talks between Cambodia and Thailand", استضافت السعودية محادثات بين …: the talks are an
        event named by the parties' states ("Cambodia-Thailand talks"), hosted by the verb's subject."""
        pair = [r for r in self.relations if r.sentence == sent and r.rule.endswith(".between")]
        if not pair:
            return
        a, b = (self.state_of(k) or k for k in (pair[-1].subject, pair[-1].object))
        if a == b or self.type_of(a) != "State" or self.type_of(b) != "State":
            return
        hosts, _vso = self.subject_group(verb, lo, hi)
        keys = [h.key for h in hosts]
        if not keys and self.lang == "en" and verb.start - 1 > lo and self.word(verb.start - 1) in ("who", "which"):
            q = verb.start - 2 if self.toks[verb.start - 2].text == "," else verb.start - 1
            keys = [h.key for h in self.group_ending_before(q, lo, 0) if self.type_of(h.key) in ACTOR_TYPES]
        if not keys:
            return
        names = [self.ent.table[a].label_en, self.ent.table[b].label_en]
        event = self.ent.ensure_new("Meeting", f"{names[0]}-{names[1]} talks")
        for key in keys:
            if key not in (a, b):
                self.emit_plain(key, "hosted", event.key, "CONSULT", noun, sent, modality, date, "hosted.talks")

    def membership(
        self, trig: TriggerHit, lo: int, hi: int, sent: int, modality: str, date: str | None, rule_id: str
    ) -> None:
        """ "Finland, a NATO member" / "became NATO's 32nd member" / "is not a member of the ICC" / عضو في الناتو."""
        org = None
        k = trig.end
        if k < hi and self.word(k) in ("of", "in", "في", "ب"):
            k += 1
        while k < hi and k < trig.end + 3 and self.hit_at(k) is None and self.word(k) in ("the", "a", "an"):
            k += 1
        if k < hi and (hit := self.hit_at(k)) is not None and hit.start == k:
            org = hit
        if org is None and self.lang == "ar":
            for m in range(trig.end, min(hi, trig.end + 5)):
                hit = self.hit_at(m)
                if hit is not None:
                    if any(p.endswith(("ب", "ل")) for p in self.keys[m].values()) or self.word(m - 1) in ("في",):
                        org = hit
                    break
        if org is None:
            m = trig.start - 1
            while m >= lo and m >= trig.start - 4 and self.hit_at(m) is None and not self.strong(m):
                m -= 1  # "NATO's 32nd member"
            if m >= lo and (hit := self.hit_at(m)) is not None:
                org = hit
        if org is None or self.type_of(org.key) not in ACTOR_TYPES - {"Person", "State"}:
            return
        m = min(trig.start, org.start) - 1
        while m >= lo and (self.hit_at(m) is None or self.hit_at(m) is org):
            m -= 1
        if m < lo:
            return
        member = self.hit_at(m)
        if member is None or self.type_of(member.key) not in ACTOR_TYPES:
            return
        for h in self.group_ending_before(member.end, lo, 0) or [member]:
            self.emit_plain(h.key, "memberOf", org.key, trig.rule.plover, trig, sent, modality, date, rule_id)

    def passive(
        self, trig: TriggerHit, lo: int, hi: int, sent: int, modality: str, date: str | None, rule_id: str
    ) -> bool:
        """English passive: "Iran was (sharply) sanctioned by the United States"."""
        p = trig.start - 1
        while p >= lo and self.toks[p].text.lower().endswith("ly") and self.hit_at(p) is None:
            p -= 1
        if p < lo or self.word(p) not in PASSIVE_AUX:
            return False
        k = trig.end
        while k < hi and k < trig.end + 3 and self.word(k) != "by":
            k += 1
        if k >= hi or self.word(k) != "by":
            return False
        agent = self.hit_at(k + 1) if k + 1 < hi else (None)
        if agent is None and k + 2 < hi and self.word(k + 1) == "the":
            agent = self.hit_at(k + 2)
        if agent is None:
            return False
        agents = [h.key for h in self.group_from(agent, hi) if self.type_of(h.key) in ACTOR_TYPES]
        patients = [
            h
            for h in self.group_ending_before(p, self.clause_start(p, lo), 2)
            if self.eligible(h, trig.rule.types) and (h.kind != "adjmod" or trig.rule.relation in CONCRETE_OBJECTS)
        ]  # "two Chinese refiners were sanctioned": not China
        if not patients and p - 1 >= lo and self.word(p - 1) in ("who", "which"):
            # "Trump, who was hosted by King Willem-Alexander": the relative pronoun's antecedent.
            q = p - 2 if p - 2 >= lo and self.toks[p - 2].text == "," else p - 1
            patients = [h for h in self.group_ending_before(q, lo, 0) if self.eligible(h, trig.rule.types)]
            if not patients:
                return True  # a passive all the same: never read it as active
        if not patients and p - 1 >= lo and self.toks[p - 1].text == ",":
            # "Francesca Albanese, the U.N. special rapporteur …, was sanctioned by": the sentence's subject.
            first = next((h for h in self.hits if lo <= h.start < p), None)
            opens = first is not None and (first.start == lo or (first.start == lo + 1 and self.word(lo) == "the"))
            if first is not None and opens and self.eligible(first, trig.rule.types):
                patients = [first]
        for a in agents:  # with no patient we know, still a passive: never read it as active
            for patient in patients:
                self.emit(a, trig.rule, patient.key, trig, sent, modality, date, rule_id + ".passive")
        return True

    def emit(
        self,
        subj: str,
        rule: TriggerRule,
        obj: str,
        trig: TriggerHit,
        sent: int,
        modality: str,
        date: str | None,
        rule_id: str,
    ) -> None:
        if subj == obj:
            return
        obj = self.disambiguate(obj, subj)
        relation = rule.relation_for(self.type_of(obj))
        if relation == "cooperatesWith" and self.type_of(subj) == self.type_of(obj) == "Person":
            # "السيسي وماكرون يرفعان العلاقات إلى شراكة": a partnership of leaders is one of their states
            a, b = self.state_of(subj), self.state_of(obj)
            if a and b and a != b:
                subj, obj = a, b
        self.emit_plain(subj, relation, obj, rule.plover, trig, sent, modality, date, rule_id)

    def emit_plain(
        self,
        subj: str,
        relation: str,
        obj: str,
        plover: str,
        trig: TriggerHit,
        sent: int,
        modality: str,
        date: str | None,
        rule_id: str,
    ) -> None:
        if subj == obj:
            return
        a, b = self.toks[trig.start].start, self.toks[trig.end - 1].end
        self.relations.append(
            Relation(
                subj,
                relation,
                obj,
                sent,
                a,
                b,
                rule_id,
                cast(Modality, modality),
                plover,
                0.7 if ".coref" in rule_id else 0.8,
                date,
            )  # type: ignore[arg-type]
        )

    def as_city(self, obj: str, trig: TriggerHit) -> str:
        """ "visited Kyiv" names the city: a capital mention becomes a City located in its state."""
        hit = next((h for h in self.hits if h.key == obj and h.start >= trig.start), None)
        entry = self.ent.gaz(obj)
        if hit is None or hit.kind != "capital" or entry is None:
            return obj
        surface = self.ent.text[self.toks[hit.start].start : self.toks[hit.end - 1].end]
        if self.lang == "ar":
            bare = normalize(surface)
            match = next((i for i, c in enumerate(entry.capitals_ar) if bare.endswith(normalize(c))), 0)
            label_en = entry.capitals_en[match] if match < len(entry.capitals_en) else surface
            label_ar = entry.capitals_ar[match] if entry.capitals_ar else surface
        else:
            label_en, label_ar = surface, ""
        city = self.ent.ensure_new("City", label_en, label_ar, country=entry.country)
        return city.key

    def state_of(self, person: str) -> str:
        """The state a known person is of (gazetteer country), as an entity key; "" when unknown."""
        entry = self.ent.gaz(person)
        key = self.t.gazetteer.country_by_iso3.get(entry.country, "") if entry is not None and entry.country else ""
        if not key:  # a person we only know from a title here: "Thai Prime Minister Paetongtarn Shinawatra"
            titled = (h.affiliation for h in self.hits if h.key == person and h.kind == "title")
            key = next((a for a in titled if self.type_of(a) == "State"), "")
        if key:
            self.ent.ensure_gaz(key)
        return key

    def disambiguate(self, obj: str, subj: str) -> str:
        """An ambiguous document name (two countries' National Defense Strategy) takes the subject's country."""
        if self.ambiguous is None:  # mentions with alternative readings, indexed once
            self.ambiguous = {}
            for h in self.hits:
                if h.alternatives:
                    self.ambiguous.setdefault(h.key, h)
        hit = self.ambiguous.get(obj)
        if hit is None:
            return obj
        subject = self.ent.table.get(subj)
        country = subject.country if subject else ""
        for key in [hit.key, *hit.alternatives]:
            entity = self.ent.table.get(key)
            if entity is not None and country and entity.country == country:
                return key
        return obj

    # -- titles ------------------------------------------------------------------------------------
    def title_relations(self, lo: int, hi: int, sent: int) -> None:
        if self.hits_by_sent is None:  # the mentions are final once relations run: index them once
            self.hits_by_sent = {}
            for h in self.hits:
                self.hits_by_sent.setdefault(self.toks[h.start].sent, []).append(h)
        done: set[tuple[str, str, str]] = set()
        for hit in self.hits_by_sent.get(sent, ()):
            if hit.kind in ("name", "head") and hit.affiliation and lo <= hit.start < hi:
                a, b = self.toks[hit.start].start, self.toks[hit.end - 1].end
                rel = Relation(hit.key, "partOf", hit.affiliation, sent, a, b, f"{self.lang}.apposition", "asserted")
                self.relations.append(rel)
                continue
            if hit.kind == "place" and hit.affiliation and lo <= hit.start < hi:
                # "the Ukrainian city of Kharkiv": where the place is, stated as background, always asserted.
                a, b = self.toks[hit.start].start, self.toks[hit.end - 1].end
                rel = Relation(hit.key, "locatedIn", hit.affiliation, sent, a, b, f"{self.lang}.place", "asserted")
                self.relations.append(rel)
                continue
            here = self.lang == "ar" and hit.type == "Person" and lo <= hit.start < hi
            org = self.delegation_of(hit, lo) if here else ""
            if org:
                # وفد حماس برئاسة خليل الحية, وفدها برئاسة …: the head of an actor's delegation is with that actor
                a, b = self.toks[hit.start].start, self.toks[hit.end - 1].end
                self.relations.append(Relation(hit.key, "affiliatedWith", org, sent, a, b, "ar.delegation", "asserted"))
                continue
            if self.lang == "en" and lo <= hit.start < hi and (base := self.based_in(hit, hi)):
                # "Lashkar-e-Taiba, a Pakistan-based militant group": where the group is, as background
                a, b = self.toks[hit.start].start, self.toks[hit.end - 1].end
                rel = Relation(hit.key, "locatedIn", base, sent, a, b, f"{self.lang}.based", "asserted")
                self.relations.append(rel)
                continue
            if hit.kind != "title" or not lo <= hit.start < hi:
                continue
            a, b = self.toks[hit.start].start, self.toks[max(hit.start, hit.title_end - 1)].end
            for position, affiliation in [(hit.position, hit.affiliation), *hit.extra]:
                for relation, target in (("holdsPosition", position), ("affiliatedWith", affiliation)):
                    if target and (hit.key, relation, target) not in done:
                        done.add((hit.key, relation, target))
                        rel = Relation(hit.key, relation, target, sent, a, b, f"{self.lang}.title", "asserted", "", 0.9)
                        self.relations.append(rel)
