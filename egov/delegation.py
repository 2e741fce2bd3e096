"""Submitting on someone else's behalf (ủy quyền): who the authorised person is to the applicant,
whether their written authorisation must be certified, and the authorisation as a document of the
dossier.

The rule kept here (unverified: check before relying on it, Circular 04/2020/TT-BTP Art. 2 for
civil-status procedures, applied here to every procedure that may be delegated): the applicant
authorises in writing, and the writing is certified (chứng thực) unless the authorised person is a
grandparent, parent, child, spouse or sibling of the applicant. Procedures the catalogue marks
`may_delegate: false` (marriage registration, recognition of parentage, signature certification)
cannot be delegated at all; the visit refuses them.

The catalogue's convention: a procedure's document coded `<procedure code>-UQ` is the written
authorisation. Where the catalogue lists none, a delegated dossier gets one of that code.
"""

from __future__ import annotations

import enum
from dataclasses import replace

from egov.catalog import Procedure, RequiredDocument
from egov.text import QT_TRANSLATE_NOOP

AUTHORISATION_SUFFIX = "-UQ"
# Catalogue data, like the catalogue's own document names: Vietnamese, sent to the portal as is.
AUTHORISATION_NAME = "Văn bản ủy quyền"
AUTHORISATION_NOTE = (
    "Phải có chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, "
    "anh, chị, em ruột của người ủy quyền."
)


class Relationship(enum.StrEnum):
    """The authorised person to the applicant; `label` is what the dossier and the slip say."""

    SPOUSE = "spouse"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    GRANDPARENT = "grandparent"
    OTHER = "other"

    @property
    def label(self) -> str:
        return RELATIONSHIP_LABELS[self]

    @property
    def close_relative(self) -> bool:
        """Whether the authorisation may be uncertified (see the module's docstring)."""
        return self is not Relationship.OTHER

    @classmethod
    def from_label(cls, text: str) -> Relationship | None:
        """The relationship a stored dossier names; None for free text written before this list."""
        for relationship, label in RELATIONSHIP_LABELS.items():
            if label == text:
                return relationship
        return None


RELATIONSHIP_LABELS: dict[Relationship, str] = {
    Relationship.SPOUSE: QT_TRANSLATE_NOOP("Delegate", "Vợ hoặc chồng"),
    Relationship.PARENT: QT_TRANSLATE_NOOP("Delegate", "Cha hoặc mẹ"),
    Relationship.CHILD: QT_TRANSLATE_NOOP("Delegate", "Con"),
    Relationship.SIBLING: QT_TRANSLATE_NOOP("Delegate", "Anh, chị, em ruột"),
    Relationship.GRANDPARENT: QT_TRANSLATE_NOOP("Delegate", "Ông hoặc bà"),
    Relationship.OTHER: QT_TRANSLATE_NOOP("Delegate", "Người khác"),
}

CERTIFICATION_NOT_NEEDED = QT_TRANSLATE_NOOP("Delegate", "Không cần chứng thực (người thân)")
CERTIFIED = QT_TRANSLATE_NOOP("Delegate", "Đã chứng thực")


def certification_words(relationship: Relationship | None) -> str:
    """What the authorisation needed, in the words of the check page and the slip."""
    if relationship is not None and relationship.close_relative:
        return CERTIFICATION_NOT_NEEDED
    return CERTIFIED


def authorisation_code(procedure: Procedure) -> str:
    return procedure.code + AUTHORISATION_SUFFIX


def documents_for(procedure: Procedure, *, delegated: bool) -> tuple[RequiredDocument, ...]:
    """The documents of a dossier for `procedure`: the catalogue's, and when the dossier is
    submitted by an authorised person, the written authorisation among the required ones."""
    if not delegated:
        return procedure.documents
    code = authorisation_code(procedure)
    documents = list(procedure.documents)
    for index, document in enumerate(documents):
        if document.code == code:
            documents[index] = replace(document, required=True)
            return tuple(documents)
    authorisation = RequiredDocument(
        code=code,
        name=AUTHORISATION_NAME,
        name_en="Written authorisation",
        originals=1,
        copies=0,
        required=True,
        note=AUTHORISATION_NOTE,
    )
    return (*documents, authorisation)
