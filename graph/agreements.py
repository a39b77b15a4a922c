"""Agreements and joint services: the curated SKOS vocabulary (``ontology/agreements.ttl``),
matching of written names to its concepts by any alias, and detection of agreements the
vocabulary does not know from the phrasing of a text (``X-avtalet``, ``avtal om …``,
``överenskommelse om …``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from samgraf.graph.organisations import normalise_name

SCHEME = "https://w3id.org/samgraf/concept/agreement/"
VOCABULARY_FILE = "agreements.ttl"


@dataclass(frozen=True)
class AgreementConcept:
    iri: str
    key: str  # the concept's local name, used in data IRIs
    pref_label: str
    alt_labels: tuple[str, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.pref_label, *self.alt_labels)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[AgreementConcept, ...]:
    """The concepts of ``ontology/agreements.ttl``, sorted by IRI."""
    import rdflib
    from rdflib.namespace import RDF, SKOS

    from samgraf.ontology import turtle_text

    graph = rdflib.Graph().parse(data=turtle_text(VOCABULARY_FILE), format="turtle")
    concepts = []
    for concept in sorted(graph.subjects(RDF.type, SKOS.Concept)):
        pref = str(graph.value(concept, SKOS.prefLabel))
        alts = tuple(sorted(str(a) for a in graph.objects(concept, SKOS.altLabel)))
        concepts.append(AgreementConcept(str(concept), str(concept)[len(SCHEME):], pref, alts))
    return tuple(concepts)


def _strip_agreement_word(key: str) -> str:
    return re.sub(r"\s*(avtalet|avtal|överenskommelsen|överenskommelse)$", "", key).strip()


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, AgreementConcept]:
    index: dict[str, AgreementConcept] = {}
    for concept in vocabulary():
        for label in concept.labels:
            key = normalise_name(label)
            index.setdefault(key, concept)
            index.setdefault(_strip_agreement_word(key) or key, concept)
    return index


def match_agreement(name: str) -> AgreementConcept | None:
    """The vocabulary concept a written agreement name stands for (whole name, any alias)."""
    key = normalise_name(name)
    index = _alias_index()
    return index.get(key) or index.get(_strip_agreement_word(key) or key)


def _is_acronym(label: str) -> bool:
    return len(label) <= 6 and not label.islower()


@lru_cache(maxsize=1)
def _text_patterns() -> list[tuple[str, re.Pattern, AgreementConcept]]:
    """(a word the text must contain, lower-cased; the label's pattern; its concept) per label."""
    patterns = []
    for concept in vocabulary():
        for label in sorted(set(concept.labels), key=len, reverse=True):
            body = re.escape(label).replace(r"\-", "[-‐–]?").replace(r"\ ", r"[\s-]+")
            flags = 0 if _is_acronym(label) else re.IGNORECASE
            word = max(re.findall(r"\w+", label.lower()) or [""], key=len)
            patterns.append((word, re.compile(rf"(?<![\w-]){body}(?![\w])", flags), concept))
    return patterns


def concepts_in_text(text: str | None) -> list[AgreementConcept]:
    """The vocabulary concepts a text names by any alias (acronyms case-sensitively), in IRI order."""
    if not text:
        return []
    lowered = text.lower()
    found = {concept.iri: concept for word, pattern, concept in _text_patterns()
             if word in lowered and pattern.search(text)}
    return [found[k] for k in sorted(found)]


_WORD = r"[A-Za-zÅÄÖåäöÉé0-9][\wÅÄÖåäöÉé/]*"
_NEW_PATTERNS = (
    re.compile(rf"(?<![\w-])((?:{_WORD}-)?[A-ZÅÄÖ][\wÅÄÖåäö/]*-avtalet)(?![\w-])"),
    re.compile(r"(?<![\w-])((?:[Aa]vtal(?:et)?|[Öö]verenskommelse(?:n)?) om [a-zåäö][\wåäö-]*(?: (?:och|för|i|inom|vid|av) [\wåäö-]+| [\wåäö-]+){0,4}?)(?=[.,;:()]|$| och | samt | som | ska | till | med )"),
)


def detect_agreements(text: str | None) -> list[str]:
    """Names of agreements a text's phrasing shows (``LOSUS-avtalet``, ``avtal om vårdhygien``)."""
    if not text:
        return []
    names = []
    for pattern in _NEW_PATTERNS:
        for match in pattern.finditer(text):
            name = match.group(1).strip(" -")
            if name and name not in names:
                names.append(name)
    return names
