"""Dutch recognizers, one presidio PatternRecognizer subclass per module."""
from __future__ import annotations


def all_recognizers() -> list:
    """Fresh instances of every recognizer woocheck uses (imports presidio)."""
    from .address import AddressRecognizer
    from .birthdate import BirthDateRecognizer
    from .bsn import BsnRecognizer
    from .email import EmailRecognizer
    from .iban import IbanRecognizer
    from .person import PersonRecognizer
    from .phone import PhoneRecognizer
    from .plate import PlateRecognizer

    return [
        EmailRecognizer(), PhoneRecognizer(), BsnRecognizer(), IbanRecognizer(),
        AddressRecognizer(), PlateRecognizer(), BirthDateRecognizer(), PersonRecognizer(),
    ]
