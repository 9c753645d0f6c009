"""A readable Latin transliteration of unvocalised Arabic names (for actors with no English name).

Unvocalised script does not record short vowels, so this is a guess that reads like news English
(ناكاتاني → Nakatani, الحنيفات → al-Hunayfat is out of reach; we give al-Hnyfat-like forms only where
no long vowel helps). Names from the gazetteer never go through here.
"""

from __future__ import annotations

from actorgraph.extract.lang.ar.normalize import normalize

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "'", "ة": "a", "پ": "p", "چ": "ch", "ڤ": "v",
    "گ": "g",
}  # fmt: skip


def _word(word: str) -> str:
    out: list[str] = []
    n = len(word)
    for i, ch in enumerate(word):
        prev_vowel = bool(out) and out[-1][-1:] in "aeiou"
        if ch == "ا":
            out.append("a")
        elif ch in "وي":
            consonant = "w" if ch == "و" else "y"
            vowel = "u" if ch == "و" else "i"
            at_start = i == 0
            before_vowel = i + 1 < n and word[i + 1] in "اوي"
            out.append(consonant if at_start or before_vowel or prev_vowel else vowel)
        elif ch == "ه" and i == n - 1 and n > 2:
            out.append("a")  # ta marbuta after normalisation
        elif ch == "ع" and i == 0:
            out.append("" if i + 1 < n and word[i + 1] in "اوي" else "A")  # عليوي → Alywi, not Lywi
        elif ch in _CONSONANTS:
            letter = _CONSONANTS[ch]
            next_is_consonant = i + 1 < n and word[i + 1] in _CONSONANTS and word[i + 1] != "ه"
            out.append(letter)
            # Unwritten short vowel between two consonants at the start of a word: a guess, 'a'.
            if i == 0 and next_is_consonant and letter != "'":
                out.append("a")
        else:
            out.append(ch)
    text = "".join(out).strip("'")
    return text[:1].upper() + text[1:] if text else text


# Common given names and name parts, spelled as news English spells them (the short vowels the script leaves
# out cannot be guessed: محمد is Mohamed, not Mhmd).
_COMMON = {
    normalize(ar): en
    for ar, en in (
        ("محمد", "Mohamed"), ("أحمد", "Ahmed"), ("محمود", "Mahmoud"), ("مصطفى", "Mustafa"), ("علي", "Ali"),
        ("حسن", "Hassan"), ("حسين", "Hussein"), ("خالد", "Khaled"), ("عمر", "Omar"), ("يوسف", "Youssef"),
        ("إبراهيم", "Ibrahim"), ("سعيد", "Saeed"), ("عبدالله", "Abdullah"), ("فاطمة", "Fatima"),
        ("نور", "Nour"), ("مريم", "Maryam"),
        ("سالم", "Salem"), ("سلمان", "Salman"), ("ماجد", "Majed"), ("فيصل", "Faisal"), ("ناصر", "Nasser"),
        ("طارق", "Tarek"), ("هشام", "Hisham"), ("وليد", "Walid"), ("جمال", "Jamal"), ("كمال", "Kamal"),
        ("حمد", "Hamad"), ("عادل", "Adel"), ("سامي", "Sami"), ("عماد", "Emad"), ("زياد", "Ziad"),
        ("ياسر", "Yasser"), ("نبيل", "Nabil"), ("رامي", "Rami"), ("سمير", "Samir"), ("منير", "Mounir"),
        ("هاني", "Hani"), ("أسامة", "Osama"), ("عثمان", "Othman"), ("صالح", "Saleh"), ("سليمان", "Suleiman"),
        ("عيسى", "Issa"), ("موسى", "Moussa"), ("جعفر", "Jaafar"), ("حمزة", "Hamza"), ("بدر", "Badr"),
        ("رشيد", "Rashid"), ("راشد", "Rashed"), ("منصور", "Mansour"), ("عبير", "Abeer"), ("ليلى", "Layla"),
        ("هدى", "Huda"), ("سارة", "Sara"), ("زينب", "Zainab"), ("عائشة", "Aisha"), ("أمل", "Amal"),
        ("بن", "bin"), ("أبو", "Abu"), ("ابو", "Abu"), ("آل", "Al"),
    )  # fmt: skip
}


_ABD = {normalize("الله"): "Abdullah", normalize("الرحمن"): "Abdulrahman", normalize("العزيز"): "Abdulaziz"}


def transliterate(name: str) -> str:
    words: list[str] = []
    for raw in normalize(name).split():
        if words and words[-1] == "Abd":
            words[-1] = _ABD.get(raw) or "Abdel " + _word(raw[2:] if raw.startswith("ال") else raw)
        elif raw == normalize("عبد"):
            words.append("Abd")  # عبد الله → Abdullah, عبد الفتاح → Abdel Fattah: decided by the next word
        elif raw in _COMMON:
            words.append(_COMMON[raw])
        elif raw.startswith("ال") and len(raw) > 3:
            words.append("al-" + _word(raw[2:]))
        else:
            words.append(_word(raw))
    return " ".join(w for w in words if w)
