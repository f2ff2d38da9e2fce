"""The speed-ups of the recognizers and the context step change no result.

- a WindowedPattern finds the same matches as its plain regex run over the whole text;
- a recognizer's NEEDS test fails only on texts where none of its patterns matches;
- the context step over token columns raises the same scores as presidio's own.
"""
from __future__ import annotations

import random

import pytest
import regex as re

TEXTS = [
    "Dhr. Jansen en mevrouw El Amrani. mw. drs. K. de Vries-van Dam\n\nDe heer\nvan den Berg",
    "dhr.Jansen Mevr.   \t Pietersen MA Karin Smit LLM\nJ. Jansen MSc Jan\nde Boer; Drs Ing. Th. Ploeg",
    "k.jansen@minbzk.nl, <a.b@c.nl>;x@y.z @ @@ a@b.c.d@e.f test@@x.nl  [REDACTED]@x.nl e\u00e9@v.nl",
    "mail:Jan.Jansen@Minbzk.NL\u00a0en\u2003p.de.vries+woo@x-y.nl\n\u3000q@r.st ok",
    "\u212a@x.nl \u017f@x.nl k@\u212a.nl",
    "",
    "@",
    "Dhr.",
    "mw. " * 50 + "Jansen",
    # every title form, and offices, before a name
    "Dhr Jansen, dhr. de Vries, De Heer Smit, de heer van Dam, Heer Bos, Meneer El Amrani, mijnheer Post,\n"
    "Mevr. Kok, mevrouw 't Hart, MW Bakker, mw Visser, Mej. Mulder, Drs. Jong, drs Bos, Mr. Smit, ir. Vos,\n"
    "Dr. Peters, prof. Hendriks, Ing. Dekker, ds. Brouwer, Bc. Dijkstra, MSc Jansen, MA Smits, LLM Bosch,\n"
    "de vergadering. Jansen; MINISTER Faber, minister-president Schoof, loco-burgemeester Jansen, CdK Brok,\n"
    "CvdK Bouwmeester, SG Kuijken, DG Migratie, Staatssecretaris mr. Van der Burg, Commissaris van de Koning Brok,\n"
    "secretaris-generaal Kuijken, directeur-generaal Jansen, woordvoerder Smit, premier Rutte, gouverneur Tromp,\n"
    "wethouder De Vries, gedeputeerde Bakker, kamerlid Omtzigt, burgemeester Halsema, miniſter Faber, MİNISTER Faber\n"
    "Met vriendelijke groet,\nKarin Jansen\n  groeten\nPiet\nMVG\nJan\nHoogachtend,\nDe minister\nKind regards,\nAnn\n"
    "\u0130stanbul mw. Jansen Best regards\nLotte",
]

ALPHABET = "aAbdeDhHjJkKmMrRsStvV.@ \t\n-'()0123456789,;:<>[]\u00e9\u00a0\u2003"


def _random_texts(n: int, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    words = ["Dhr.", "dhr", "mevrouw", "Mw.", "drs.", "MA", "LLM", "MSc", "Jansen", "Karin", "de", "van",
             "'t", "El", "k.jansen@minbzk.nl", "x@y.nl", "@", "geb.", "06-12345678", "NL91ABNA0417164300",
             "1234 AB", "Kerkstraat", "12", "12-BDF-3", "111222333", "heer", "De", "Van", "minister", "Burgemeester",
             "loco-burgemeester", "SG", "groet", "Met vriendelijke groet,", "MVG", "ing.", "MA", "drs",
             # addresses: street words, additions, "te <Plaats>", "'s-"
             "Molenweg", "Laan van", "Oost", "23a", "140-III", "173 bis", "te", "Emmen", "'s-Gravenhage", "Burg.",
             "Zuidhaven", "9876 ZX"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randint(1, 40)):
            if rnd.random() < 0.6:
                parts.append(rnd.choice(words))
            else:
                parts.append("".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(1, 6))))
            parts.append(rnd.choice([" ", " ", "  ", "\n", " \n ", "\t", "", ", "]))
        out.append("".join(parts))
    return out


@pytest.fixture(scope="module")
def recognizers():
    from woocheck.pii.recognizers import all_recognizers

    return all_recognizers()


@pytest.fixture(scope="module")
def texts():
    return TEXTS + _random_texts(1500)


def test_windowed_patterns_match_like_the_plain_regex(recognizers, texts):
    from woocheck.pii.recognizers.base import WindowedPattern

    windowed = [(r, p) for r in recognizers for p in r.patterns if isinstance(p, WindowedPattern)]
    assert {p.name for _, p in windowed} >= {"email", "title before a name"}
    for r, p in windowed:
        plain = re.compile(p.regex, flags=r.global_regex_flags)
        for text in texts:
            assert [m.span() for m in p.compiled_regex.finditer(text)] == [m.span() for m in plain.finditer(text)], \
                (p.name, text)


def test_prefilter_only_skips_texts_without_matches(recognizers, texts):
    for r in recognizers:
        needs = getattr(r, "NEEDS", None)
        if needs is None:
            continue
        plains = [re.compile(p.regex, flags=r.global_regex_flags) for p in r.patterns]
        bsn_like = ["111 222 333", "1112.22.333", "111.222 333", "111.222.333", "12345678", "1234567890",
                    "111-222-333", "x111222333y", "1112.22.3334", "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"]
        for text in texts + bsn_like:
            if not needs.search(text):
                assert not any(plain.search(text) for plain in plains), (r.name, text)


def test_context_step_agrees_with_presidio(texts):
    """Scores after our context step equal those after presidio's LemmaContextAwareEnhancer
    with the same bounded walk (8 * (n + 1) tokens each way)."""
    import copy

    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from woocheck.pii.engine import analyzer

    class Reference(LemmaContextAwareEnhancer):
        @staticmethod
        def _add_n_words(index, n_words, lemmas, keywords, is_backward):
            words, remaining, i, steps = [], n_words + 1, index, 0
            while 0 <= i < len(lemmas) and remaining > 0 and steps < 8 * (n_words + 1):
                lower = lemmas[i].lower()
                if lower in keywords:
                    words.append(lower)
                    remaining -= 1
                i = i - 1 if is_backward else i + 1
                steps += 1
            return words

    engine = analyzer()
    recognizers = engine.registry.get_recognizers(language="nl", all_fields=True)
    reference = Reference()
    samples = texts[:300] + [
        "BSN: 111222333 en tel. 06-12345678, mail k.jansen@minbzk.nl kenteken 12-BDF-3",
        "Het burgerservicenummer\n\n van  betrokkene is 111.222.333; rekening NL91 ABNA 0417 1643 00",
    ]
    # The word "bsn" just inside and just outside the walk (punctuation is no keyword).
    samples += ["bsn" + " ," * k + " 111222333" for k in range(40, 52)]
    samples += ["bsn" + " de" * k + " 111222333" + " ," * k + " bsn" for k in range(0, 12)]
    # Long pages, tokenised only around their hits: hits far apart and close together,
    # whitespace tokens, and a lemma with ':' whose pieces make "de" and "tel" keywords.
    randoms = _random_texts(400, seed=11)
    samples += ["\n".join(randoms[i:i + 25]) for i in range(0, 400, 25)]
    samples += ["tel:" + " de" * 30 + " 06-12345678 " + "x " * 200 + "de:bsn " + "de , " * 20 + "111222333",
                "  \n\t " + "Geb. " + "  ".join(["de"] * 60) + "\u2003BSN\u00a0111222333 \x1c 12-BDF-3 " * 3]
    # Pages without a recognizer's context words skip its hits; letters whose lower case
    # is ASCII ("\u212a" Kelvin sign -> k) or longer ("\u0130" -> i + dot) must not fool that.
    # A context word just inside and just outside the reach of the walk, before and after
    # the hit, in runs of one or more tokens (hits out of reach are not walked).
    samples += ["111222333" + " ," * k + " bsn" for k in range(0, 14)]
    samples += ["bsn:" + " de" * k + "  111222333" for k in range(40, 52)]
    samples += ["bsn" + "\u2003," * k + "\n111222333 en bsn" + " ," * k + " 111222333" for k in (44, 46, 47, 48, 49)]
    samples += ["\u212aenteken 12-BDF-3", "ma\u0130l k.jansen@minbzk.nl", "MAIL k.jansen@minbzk.nl",
                "k.jansen@minbzk.nl en 12-BDF-3 en 111222333", "TEL 06-12345678 \u03a3 bsn\u03a3 111222333"]
    raised = 0
    for text in samples:
        artifacts = engine.nlp_engine.process_text(text, "nl")
        raw = []
        for r in recognizers:
            for res in r.analyze(text, None, artifacts) or []:
                res.recognition_metadata.setdefault(res.RECOGNIZER_IDENTIFIER_KEY, r.id)
                raw.append(res)
        expected = reference.enhance_using_context(text, copy.deepcopy(raw), artifacts, recognizers)
        got = engine.context_aware_enhancer.enhance_using_context(text, raw, artifacts, recognizers)
        assert [(x.entity_type, x.start, x.end, x.score) for x in got] == \
            [(x.entity_type, x.start, x.end, x.score) for x in expected], text
        raised += sum(bool(x.analysis_explanation.supportive_context_word) for x in got)
    assert raised  # the samples do exercise the context words


def test_token_windows_hold_the_page_tokens_around_each_start():
    """columns_around gives, around each start, the tokens, lemmas and keyword flags of
    the whole page's tokenisation (presidio's own lists)."""
    from woocheck.pii.engine import analyzer
    from woocheck.pii.nlp import SPACE_CHARS

    assert SPACE_CHARS == "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    engine = analyzer().nlp_engine
    rnd = random.Random(3)
    randoms = _random_texts(300, seed=5)
    pages = ["\n".join(randoms[i:i + 30]) for i in range(0, 300, 30)]
    pages += ["  " + "de:x tel: " * 3 + "woord " * 120 + " \x1c\u2003 " + "de " * 80 + "  "]
    # a few hits (tokenised in windows) and hits all over the page (tokenised whole)
    for text, count in [(text, count) for text in pages for count in (2, 6, 90)]:
        full = engine.process_text(text, "nl")
        keywords = set(full.keywords)
        ends = [i + len(t) for i, t in zip(full.tokens_indices, full.tokens)]
        lowers = [lemma.lower() for lemma in full.lemmas]
        starts = sorted(rnd.sample(range(len(text)), min(count, len(text))))
        cols = engine.process_text(text, "nl").columns_around(starts, 47, 7)
        flags = {i: cols.lowers[h] for i, h in zip(cols.keyword_at, cols.keyword_hashes)}
        for start in starts:
            i = next((n for n, e in enumerate(ends) if e > start), None)
            j = next((n for n, e in enumerate(cols.ends) if e > start), None)
            if i is None:
                assert j is None
                continue
            for d in range(-47, 8):
                if 0 <= i + d < len(ends):
                    assert cols.ends[j + d] == ends[i + d], (start, d)
                    assert ((j + d) in flags) == (lowers[i + d] in keywords)
                    assert flags.get(j + d, lowers[i + d]) == lowers[i + d]
                elif i + d < 0:
                    assert j + d < 0
                else:
                    assert j + d >= len(cols.ends)


def test_context_walk_agrees_with_presidio_walk():
    """The walk over keyword positions picks the words presidio's bounded walk picks."""
    from woocheck.pii.context import WindowedLemmaEnhancer
    from woocheck.pii.nlp import Columns

    rnd = random.Random(9)
    enhancer = WindowedLemmaEnhancer()
    for _ in range(200):
        n = rnd.randint(1, 120)
        lowers = [rnd.choice(["tel", "de", ",", "bsn", "x", "\n", "mail"]) + str(rnd.randint(0, 3)) for _ in range(n)]
        keywords = {w for w in set(lowers) if rnd.random() < 0.4}
        ends = list(range(1, n + 1))
        at = [i for i, w in enumerate(lowers) if w in keywords]
        cols = Columns.of(ends, at, [lowers[i] for i in at])
        for i in range(n):
            expected = []
            for backward, count in ((True, enhancer.context_prefix_count), (False, enhancer.context_suffix_count)):
                j, remaining, steps = i, count + 1, 0
                while 0 <= j < n and remaining > 0 and steps < 8 * (count + 1):
                    if lowers[j] in keywords:
                        expected.append(lowers[j])
                        remaining -= 1
                    j, steps = j - 1 if backward else j + 1, steps + 1
            hit = type("Hit", (), {"start": i, "end": i + 1})()
            assert set(enhancer._surrounding(cols, "w" * n, hit)) == set(expected)


def test_office_and_signoff_scans_match_the_plain_regex(texts):
    from woocheck.pii.recognizers import person
    from woocheck.pii.recognizers.name_parts import (
        _ATTENDEES_RE, _CHAT_RE, _CONTACT_RE, _GREETING_RE, _HEADER_RE, _LONE_FIELD_RE, _PERSON_NOUN_RE, _ROLE_AFTER_RE,
        _ROLE_RE, _SIGNOFF_RE,
    )

    fields = ["K. Jansen", "\n\nKarin Jansen\n\n", "x\n \t\nJansen, K.\n\n\nPiet Smit", "\n\n\n\nab\n\nabc\n",
              "Van: Jansen, Karin <k@x.nl>\n> Aan: Piet; Jan\nCC : x\nHallo Karin,\n  Beste Jan en Piet!\nHi Ann\n"
              "Aanwezigen: Jan, Piet\n**Voorzitter**: Ann\nT.a.v. dhr. Smit\nContactpersoon\nK. Jansen\n"
              "[14-08-2024 08:12] Bram Vonk: hoi\n12-09-2023 21:06 - Thomas: ja\nDag Bram",
              "K. Roodhart, gedeputeerde van Noordmark; Roodhart (CdK Noordmark), Jan de Vries-Smit, de wethouder,\n"
              "collega Smeets, de aanvrager dhr. J. van Dam, Familie Van Dongen-Sprenkels, fam. Bos"]
    for text in texts + [t.replace("\u0130", "i") for t in TEXTS] + fields:
        assert [m.span() for m in person._roles_in(_ROLE_RE, text)] == [m.span() for m in _ROLE_RE.finditer(text)], text
        assert [m.span() for m in person._signoffs_in(_SIGNOFF_RE, text)] == \
            [m.span() for m in _SIGNOFF_RE.finditer(text)], text
        assert [m.span() for m in person._lone_fields_in(_LONE_FIELD_RE, text)] == \
            [m.span() for m in _LONE_FIELD_RE.finditer(text)], text
        for scan, pattern in [(person._greetings_in, _GREETING_RE), (person._headers_in, _HEADER_RE),
                              (person._chats_in, _CHAT_RE), (person._attendees_in, _ATTENDEES_RE),
                              (person._contacts_in, _CONTACT_RE), (person._offices_after_in, _ROLE_AFTER_RE),
                              (person._person_nouns_in, _PERSON_NOUN_RE)]:
            assert [m.span() for m in scan(pattern, text)] == [m.span() for m in pattern.finditer(text)], text


def test_first_name_candidates_find_the_overlapped_matches(texts):
    """_from_lists tries _FIRST_LAST_RE only at listed first names; the overlapped scan
    of the whole text keeps the same matches."""
    from woocheck.pii.names import lists
    from woocheck.pii.recognizers.name_parts import _CAPW_ANY, _FIRST_LAST_RE

    first_names = lists().first_names
    extra = ["Karin Jansen en Jan de Vries-Smit, Anne Marie O'Neill; Peter van 't Hof en Ria Ronda-Pieters"]
    for text in texts + extra:
        expected = [m.span() for m in _FIRST_LAST_RE.finditer(text, overlapped=True)
                    if m.group("first").lower() in first_names]
        got = [m.span() for c in _CAPW_ANY.finditer(text) if c.group().lower() in first_names
               if (m := _FIRST_LAST_RE.match(text, c.start()))]
        assert got == expected, text


def test_prefilter_tests_agree_with_their_regex(recognizers, texts):
    """A recognizer's may_match, where it is a hand-written test, says what NEEDS says."""
    extra = ["12-BDF-3", "B-1", "1-B", "-B1-", "x-\U00010d40B", "B-\U00010d41", "GEB", "D.D. geboorte", "geſ", "\u0130 geb"]
    for r in recognizers:
        if getattr(r, "NEEDS", None) is None:
            continue
        for text in texts + extra:
            assert r.may_match(text) == bool(r.NEEDS.search(text)), (r.name, text)


def test_surname_lines_hold_every_match_with_a_known_key(texts):
    """spread_surnames looks only at the lines holding a known surname: the matches there
    are the whole scan's matches whose key is known."""
    from woocheck.pii.recognizers import person

    extra = ["Van Dijk-Jansen en van der Berg\nMevr. de Vries- Smit, In 't Veld\n\nJansen", "\u0130k Jansen"]
    for text in texts + extra:
        words = {m.group("b") or m.group("a") for m in person._SURNAME_LIKE.finditer(text)}
        keys = sorted(w.lower() for w in words)[::2] + ["jansen", "smit"]
        expected = [m.span() for m in person._SURNAME_LIKE.finditer(text)
                    if (m.group("b") or m.group("a")).lower() in keys]
        got = [m.span() for m in person._surname_like_in(text, keys)
               if (m.group("b") or m.group("a")).lower() in keys]
        assert got == expected, text


def test_supportive_word_as_presidio_finds_it():
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from woocheck.pii.context import WindowedLemmaEnhancer

    rnd = random.Random(4)
    pool = ["tel", "telefoon", "t", "m", "bsn", "e-mail", "mailto", "x", "", "Tel", "NUMMER", "ab\x00c"]
    for _ in range(2000):
        words = [rnd.choice(pool) + rnd.choice(["", "s", ":", "x"]) for _ in range(rnd.randint(0, 7))]
        wanted = [rnd.choice(pool) for _ in range(rnd.randint(0, 5))]
        for mode in ("substring", "whole_word"):
            assert WindowedLemmaEnhancer._find_supportive_word_in_context(words, wanted, mode) == \
                LemmaContextAwareEnhancer._find_supportive_word_in_context(words, wanted, mode), (words, wanted)


def test_policy_searches_from_their_words(texts):
    from woocheck.pii import policy

    off = policy.load_officials(())
    cases = [
        (off.patterns.before, off.role_words), (policy._MOTION, policy._MOTION_WORDS),
        (policy._MEMBER, policy._MEMBER_WORDS), (policy._MOTION_END, policy._MOTION_END_WORDS),
        (policy._MOTION_SIGNERS, policy._MOTION_END_WORDS),
    ]
    extra = ["Motie van het lid Omtzigt en ", "de motie van de leden Jansen/Smit, ", "Het Lid Kamerleden ",
             "en gaat over tot de orde van de dag.\nJansen\n", "Over Tot De Orde Van De Dag. ", "MINISTER mw. ",
             "Tweede Kamerlid ", "plaatsvervangend secretaris-generaal dhr. ", "De minister van Justitie, ",
             "miniſter ", "\u0130 minister "]
    for text in texts + extra:
        for s in {text, text[-90:], text[-400:], text[:90]}:
            for pattern, words in cases:
                got = policy._search_from(pattern, s, words)
                want = pattern.search(s)
                assert (got and got.span()) == (want and want.span()), (pattern.pattern[:40], s)


def test_surname_initials_scan_finds_what_the_plain_regex_finds(texts):
    """"Achternaam, V." is tried only on the words before each ", X."; the plain scan of
    the whole text finds the same names."""
    from woocheck.pii.recognizers.name_parts import _SURNAME_INITIALS_RE
    from woocheck.pii.recognizers.person import PersonRecognizer

    recognizer = PersonRecognizer()
    extra = ["Zie Stapper, M. en Vries, J. de (Jan); van Dijk, A.B., Wolters-Dekker, A., Haarsma, P., & Sijbrands, T.",
             "Kortekaas, J. (2021). Oudshoorn, E., & Lelieveld, M. (2019)\n, A. Jansen,B. Smit, C."]
    for text in texts + extra:
        expected = [(m.start(), m.start() + len(m.group().rstrip())) for m in _SURNAME_INITIALS_RE.finditer(text)]
        got = [(r.start, r.end) for r in recognizer._from_lists(text)
               if r.recognition_metadata["evidence"] == "surname and initials"]
        assert got == expected, text


def test_residence_and_bracket_scans_find_what_the_plain_regex_finds(texts):
    """The residence pattern is tried only at its cue words (`address._CUE_WORDS`, kept by
    hand beside `_LIVES`/`_NAMED`/`_FIELD`) and the bracketed home only at " (": both find
    what a scan of every character finds."""
    from woocheck.pii.recognizers import address

    extra = ["Zij woont aan de Populierenweg 9.", "De aanvraag betreft de woning aan de Merelstraat 41b.",
             "Een klacht van mevrouw Tromp van de Brederodelaan 15.", "Straat en huisnummer:   Meidoornpad 12",
             "De bewoners van de Ganzenhof 3 zijn ingelicht.", "Verblijft op de Zandkamp 7 bij zijn zus.",
             "buurman Van Gelderen (Kolkweg 29) belde", "Fam. Ouwehand van de Dorpsstraat 8"]
    for text in texts + extra:
        assert [m.span() for m in address._at_cues(address._RESIDENCE, text)] == \
            [m.span() for m in address._RESIDENCE.finditer(text)], text
        assert [m.span() for m in address._bracket_homes(text)] == \
            [m.span() for m in address._BRACKET_HOME.finditer(text)], text
