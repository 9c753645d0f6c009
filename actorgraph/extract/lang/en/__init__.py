"""English specifics: word sets and hooks; the trained pipeline's parse is used when one is installed."""

from actorgraph.extract.lang import Profile


def normalize(text: str) -> str:
    return text.lower().replace("’", "'")


PROFILE = Profile(lang="en", normalize=normalize)
