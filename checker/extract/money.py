"""Money amounts: a figure with a currency marker, normalised to ISO 4217.

A marker is a symbol ("$", "US$", "S$", "HK$", "€", "£", "¥", "RM"), a code
("USD", "CNY", "RMB") or a name ("yuan", "renminbi", "euros", "ringgit",
"Australian dollars"), before or after the figure ("$53.4 billion", "380
billion yuan", "US$1bn", "10 €"). "$" and "dollars" are US dollars unless the
caller says the outlet uses another dollar (``default_dollar="SGD"``).
Minor units count in the main unit ("50 cents" is 0.50 USD).

The value is an :class:`~checker.models.Interval` in units of the currency,
with the stated precision and qualifiers of :mod:`checker.extract.numbers`
("$53 billion" is 52.5e9..53.5e9; "more than $1bn" has no upper bound). An
amount restated in another currency in parentheses or after "or" is linked to
the first: ``extra["equivalent_of"]`` is the first mention's start offset.

>>> ms = extract("a 380 billion yuan ($53.4 billion) pledge")
>>> [(m.text, m.unit, m.value.low, m.value.high, m.extra.get("equivalent_of")) for m in ms]
[('380 billion yuan', 'CNY', 379500000000.0, 380500000000.0, None), ('$53.4 billion', 'USD', 53350000000.0, 53450000000.0, 2)]
>>> [(m.text, m.unit, m.value.low) for m in extract("US$1bn, S$500m, over RM2 billion and 50 cents")]
[('US$1bn', 'USD', 900000000.0), ('S$500m', 'SGD', 499500000.0), ('over RM2 billion', 'MYR', 1800000000.0), ('50 cents', 'USD', 0.5)]
>>> [(m.text, m.unit) for m in extract("it cost $20", default_dollar="SGD")]
[('$20', 'SGD')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract import numbers
from checker.models import Interval, Mention
from checker.normalise.units import MONEY_SCALE_ABBR, SCALE_ABBR, SCALE_WORDS, case_forms, trie_pattern

DOLLAR = "$"  # placeholder code for "the default dollar"

#: Symbols and letter prefixes, matched case-sensitively (before or after a figure).
SYMBOLS: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "U.S. $": "USD", "US $": "USD", "USD$": "USD", "usd$": "USD", "us $": "USD",
    "u.s $": "USD", "u.s. $": "USD", "S$": "SGD", "SG$": "SGD", "SGD$": "SGD", "HK$": "HKD", "hk $": "HKD",
    "HKD$": "HKD", "A$": "AUD", "AU$": "AUD", "AUD$": "AUD", "aud$": "AUD", "C$": "CAD", "CA$": "CAD",
    "CAD$": "CAD", "cad$": "CAD", "c $": "CAD", "NZ$": "NZD", "NZD$": "NZD", "nzd$": "NZD", "NT$": "TWD",
    "Mex$": "MXN", "MX$": "MXN", "MXN$": "MXN", "mxn$": "MXN", "R$": "BRL", "RM": "MYR", "€": "EUR",
    "£": "GBP", "¥": "JPY", "￥": "JPY", "元": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "₩": "KRW",
    "฿": "THB", "₱": "PHP", "₫": "VND", "₺": "TRY", "₽": "RUB", "₴": "UAH", "₡": "CRC", "₾": "GEL",
    "₭": "LAK", "₦": "NGN", "₪": "ILS", "₿": "BTC", "zł": "PLN", "Kč": "CZK", "Ft": "HUF", "Rp": "IDR",
    "Rp.": "IDR", "руб": "RUB", "руб.": "RUB", "грн": "UAH", "грн.": "UAH", "ரூ": "LKR", "₲": "PYG",
    "₵": "GHS", "₸": "KZT", "₼": "AZN", "֏": "AMD", "₮": "MNT", "៛": "KHR", "KD": "KWD", "د.إ": "AED",
    "د.ك": "KWD", "ر.س": "SAR", "Db": "STN", "VT": "VUV", "USh": "UGX", "KSh": "KES", "TSh": "TZS",
    "Dhs": "AED", "QR": "QAR", "SR": "SAR", "лв": "BGN", "лв.": "BGN", "ден": "MKD", "Lei": "RON",
    "lei": "RON", "kn": "HRK", "Bs": "VES", "S/": "PEN", "TL": "TRY", "FG": "GNF", "$": DOLLAR,
}
#: Ambiguous symbols: money, but the currency is not known from the symbol alone.
AMBIGUOUS_SYMBOLS = ("kr", "kr.", "Kr", "Kr.", "₣", "Fr.", "p.", "NT", "R")
#: ISO 4217 codes (upper case) that are read as currency markers.
CODES = set("""
AED ARS AUD BDT BGN BHD BRL BTC CAD CHF CLP CNY COP CZK DKK EGP EUR GBP GHS HKD HUF IDR ILS INR IQD ISK JOD
JPY KES KRW KWD KZT LKR MAD MXN MYR NGN NOK NZD OMR PEN PHP PKR PLN QAR RON RSD RUB SAR SEK SGD THB TND TRY
TWD UAH USD VND ZAR RMB UGX TZS GEL GNF PTE DEM FRF ITL ESP NLG ATS BEF IEP FIM
""".split())
#: Codes also read in lower case (frequent in lower-cased corpora; never English words).
LOWER_CODES = {"usd", "eur", "gbp", "rmb", "cny", "jpy", "aud", "sgd", "hkd", "inr", "chf", "nzd", "myr", "idr", "krw", "thb"}
#: Currency names (case-insensitive), singular and plural; None when the name alone is ambiguous.
NAMES: dict[str, str | None] = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD", "american dollars": "USD",
    "united states dollars": "USD", "australian dollars": "AUD", "australian dollar": "AUD",
    "canadian dollars": "CAD", "canadian dollar": "CAD", "singapore dollars": "SGD", "singapore dollar": "SGD",
    "singaporean dollars": "SGD", "hong kong dollars": "HKD", "hong kong dollar": "HKD",
    "new zealand dollars": "NZD", "new zealand dollar": "NZD", "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "taiwanese dollars": "TWD", "mexican pesos": "MXN", "mexican peso": "MXN", "philippine pesos": "PHP",
    "philippine peso": "PHP", "argentine pesos": "ARS", "chilean pesos": "CLP", "colombian pesos": "COP",
    "dollars": DOLLAR, "dollar": DOLLAR, "bucks": DOLLAR, "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pound sterling": "GBP", "sterling": "GBP", "british pounds": "GBP", "pounds": "GBP",
    "japanese yen": "JPY", "yen": "JPY", "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY", "kuai": "CNY",
    "korean won": "KRW", "south korean won": "KRW", "won": "KRW", "thai baht": "THB", "baht": "THB",
    "malaysian ringgit": "MYR", "ringgit": "MYR", "indian rupees": "INR", "indian rupee": "INR", "rupees": "INR",
    "rupee": "INR", "indonesian rupiah": "IDR", "rupiah": "IDR", "rupiahs": "IDR", "pesos": None, "peso": None,
    "uae dirhams": "AED", "dirhams": "AED", "dirham": "AED", "saudi riyals": "SAR", "riyals": "SAR",
    "riyal": "SAR", "qatari riyals": "QAR", "swiss francs": "CHF", "swiss franc": "CHF", "francs": None,
    "franc": None, "turkish lira": "TRY", "turkish liras": "TRY", "lira": "TRY", "rand": "ZAR", "naira": "NGN",
    "vietnamese dong": "VND", "dong": "VND", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "reais": "BRL", "brazilian reais": "BRL", "zloty": "PLN", "zlotys": "PLN", "finnish markka": "FIM",
    "markka": "FIM", "dutch guilders": "NLG", "guilders": "NLG", "pesetas": "ESP", "deutsche marks": "DEM",
    "bitcoins": "BTC", "bitcoin": "BTC", "shekels": "ILS", "shekel": "ILS", "hryvnias": "UAH", "hryvnia": "UAH",
    "kronor": "SEK", "krona": "SEK", "swedish kronor": "SEK", "norwegian kroner": "NOK", "danish kroner": "DKK",
    "kroner": None, "krone": None, "forints": "HUF", "forint": "HUF", "taka": "BDT", "kyat": "MMK", "kip": "LAK",
    "riel": "KHR", "tugrik": "MNT", "tenge": "KZT", "satoshis": None, "satoshi": None,
}
#: Minor units: name -> (main currency, or DOLLAR; share of the main unit).
MINOR: dict[str, tuple[str, float]] = {
    "cents": (DOLLAR, 0.01), "cent": (DOLLAR, 0.01), "¢": (DOLLAR, 0.01), "pence": ("GBP", 0.01),
    "penny": ("GBP", 0.01), "pennies": ("GBP", 0.01), "paise": ("INR", 0.01), "euro cents": ("EUR", 0.01),
}
#: Names that need more than a bare figure before them ("300 pounds" may be a weight; "he won 3").
WEAK_NAMES = {"pounds", "won", "rand", "dong", "lira", "kip", "franc", "bucks"}


def _alt(words, flags_ci: bool) -> str:
    parts = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in parts)


_SYM = _alt([*SYMBOLS, *AMBIGUOUS_SYMBOLS[:4]], False)
_CODE = "|".join(sorted(CODES, key=len, reverse=True))
_LCODE = "|".join(sorted(LOWER_CODES, key=len, reverse=True))
_NAME = _alt([*NAMES, *MINOR], True)
_MSCALE = "|".join(sorted([*SCALE_ABBR, *MONEY_SCALE_ABBR], key=len, reverse=True))
_MARK = rf"(?:(?<![A-Za-z])(?:{_SYM})|(?<![A-Za-z])(?:M?(?:{_CODE})|(?i:{_LCODE}))(?![A-Za-z])|\b(?i:{_NAME})\b)"
_SCALE_AFTER_CODE = re.compile(r"[ \u00a0]+(?P<s>thousand|million|billion|trillion)\b", re.I)
PREFIX_RE = re.compile(rf"(?P<m>{_MARK})[ \u00a0]{{0,2}}$")
SUFFIX_RE = re.compile(rf"(?P<scale>[ \u00a0]?(?:{_MSCALE})\b)?(?:[ \u00a0]{{0,2}}|-)(?P<m>{_MARK})(?![A-Za-z])")
#: Fast pre-check: any currency symbol, code or name at all (case-sensitive trie of case forms).
_ANY_MARK = re.compile(
    rf"[$€£¥￥元₹₩฿₱₫₺₽₴₡₾₭₦₪₿֏₮៛₲₵₸₼¢]|(?<![A-Za-z]){trie_pattern(case_forms([*NAMES, *MINOR]) + [*CODES, *LOWER_CODES, *(w for w in [*SYMBOLS, *AMBIGUOUS_SYMBOLS] if w[:1].isalnum()), *('M' + c for c in CODES)])}"
)
_EQUIV_GAP = re.compile(r"\s*(?:[(\[]|,?\s*(?:or|i\.e\.|equivalent to|equal to|worth)\b|,)\s*$", re.I)
_COMPOUND_TAIL = re.compile(r"\s+(?:and\s+)?$")


@dataclass(frozen=True)
class Marker:
    """A currency marker: ISO code (None when ambiguous), surface, share of the main unit."""

    code: str | None
    text: str
    factor: float = 1.0
    kind: str = "symbol"


def marker(surface: str, default_dollar: str = "USD") -> Marker:
    """The currency a marker stands for.

    >>> marker("US$"), marker("yuan").code, marker("$", "SGD").code, marker("cents").factor, marker("MUSD").factor
    (Marker(code='USD', text='US$', factor=1.0, kind='symbol'), 'CNY', 'SGD', 0.01, 1000000.0)
    """
    s = re.sub(r"\s+", " ", surface)
    low = s.lower()
    if s in SYMBOLS:
        code = SYMBOLS[s]
        return Marker(default_dollar if code == DOLLAR else code, surface)
    if s in AMBIGUOUS_SYMBOLS:
        return Marker(None, surface)
    if low in MINOR:
        code, f = MINOR[low]
        return Marker(default_dollar if code == DOLLAR else code, surface, f, "minor")
    if low in NAMES:
        code = NAMES[low]
        return Marker(default_dollar if code == DOLLAR else code, surface, 1.0, "name")
    if s.upper() in CODES or low in LOWER_CODES:
        code = s.upper()
        return Marker("CNY" if code == "RMB" else code, surface, 1.0, "code")
    if s.startswith("M") and s[1:] in CODES:
        return Marker(s[1:], surface, 1e6, "code")
    return Marker(None, surface)


def _figures(text: str) -> list[numbers.Figure]:
    return [f for f in numbers.scan(text) if not numbers._is_pronoun_one(text, f)]


def may_have_marker(text: str) -> bool:
    """False when ``text`` has no currency symbol, code or name, so no money mention.

    >>> may_have_marker("two new data halls"), may_have_marker("RM2 billion"), may_have_marker("380 billion yuan")
    (False, True, True)
    """
    return _ANY_MARK.search(text) is not None


def extract(text: str, reference: object = None, default_dollar: str = "USD") -> list[Mention]:
    """Money mentions in ``text``, left to right."""
    out: list[Mention] = []
    if not may_have_marker(text):
        return out
    figs = _figures(text)
    used_until = -1
    for idx, f in enumerate(figs):
        if f.start < used_until:
            continue
        pre = PREFIX_RE.search(text, max(0, f.start - 14), f.start)
        suf = SUFFIX_RE.match(text, f.end)
        start, end = f.start, f.end
        mk: Marker | None = None
        scale = 1.0
        if pre is not None and pre.start("m") < used_until:
            pre = None  # the marker belongs to the previous amount ("50 dollar 40 rmb")
        if pre is not None:
            mk = marker(pre.group("m"), default_dollar)
            if mk.kind in ("name", "minor"):
                mk = None  # names follow the figure ("380 billion yuan")
            else:
                start = pre.start("m")
                if suf is not None and suf.group("scale") and not suf.group("m").strip():
                    pass
                sm = re.match(rf"[ \u00a0]?(?P<s>{_MSCALE})\b", text[end:])
                if sm and not f.scaled:
                    scale = float({**SCALE_ABBR, **MONEY_SCALE_ABBR}[sm.group("s")])
                    end += sm.end()
                # "US$ 10 dollars": swallow a repeated name
                rep = re.match(r"\s+dollars?\b", text[end:], re.I)
                if rep:
                    end += rep.end()
        if mk is None and suf is not None:
            m2 = marker(suf.group("m"), default_dollar)
            name = suf.group("m").lower()
            if name in WEAK_NAMES and not (f.scaled or suf.group("scale")) and not re.search(r"(?:\d{1,3},\d{3}|\.\d\d)$", text[f.start:f.end]):
                m2 = None
            if m2 is not None and m2.kind in ("symbol", "code") and re.match(r"[-−]?\d", text[suf.end():suf.end() + 2]):
                m2 = None  # "1 $10 bill": the symbol belongs to the figure after it
            if m2 is not None and not (m2.kind == "symbol" and m2.text == "$" and suf.group(0).startswith("-")):
                mk = m2
                if suf.group("scale"):
                    scale = float({**SCALE_ABBR, **MONEY_SCALE_ABBR}[suf.group("scale").strip()])
                end = suf.end()
                sc = _SCALE_AFTER_CODE.match(text, end) if m2.kind == "code" and not f.scaled and not suf.group("scale") else None
                if sc:  # "75 USD million"
                    scale = float(SCALE_WORDS[sc.group("s").lower()])
                    end = sc.end()
        if mk is None:
            continue
        if f.words and not f.lit and f.value == 1 and text[f.start:f.end].lower() in ("a", "an"):
            continue
        factor = scale * mk.factor
        value = f.value * factor
        low, high = f.low * factor, f.high * factor
        if scale != 1.0 and not f.scaled:
            lv = numbers.lit_value(text[f.start:f.end]) if f.lit else None
            decimals = lv[1] if lv else 0
            half = 0.5 * scale / 10**decimals * mk.factor
            low, high = value - half, value + half
        # "3 dollars 50 cents", "thirteen dollars and forty-five cents"
        if mk.kind == "name" and mk.factor == 1.0 and float(f.value).is_integer() and idx + 1 < len(figs):
            g = figs[idx + 1]
            gap = text[end:g.start]
            if _COMPOUND_TAIL.fullmatch(gap) and g.value < 100 and float(g.value).is_integer() and not g.scaled:
                tail = re.match(r"\s*(?:cents?|pence)\b", text[g.end:], re.I)
                after = text[g.end:g.end + 20]
                if tail or not re.match(r"\s*(?:[A-Za-z$€£¥]|\d)", after) or re.match(r"\s*(?:and|or)\b", after):
                    if not SUFFIX_RE.match(text, g.end) or tail:
                        value += g.value / 100
                        low, high = value, value
                        end = g.end + (tail.end() if tail else 0)
        qual, q_start = numbers.qualifier_before(text, start)
        if qual:
            low, high = numbers.qualified(qual, low, high, value)
            start = q_start
        raw = text[start:end]
        extra = {"qualifier": qual, "value": value, "currency_text": mk.text, "figure_start": f.start, "figure_end": f.end}
        if out:
            prev = out[-1]
            if prev.unit != mk.code and _EQUIV_GAP.fullmatch(text, prev.end, start if not qual else start):
                extra["equivalent_of"] = prev.start
        out.append(Mention(kind="money", start=start, end=end, text=raw, value=Interval(low=low, high=high, text=raw),
                           unit=mk.code, extra=extra))
        used_until = end
    return out


#: Symbols that name a currency only where it is the local one: "R6.1 billion" in a South African story is rand.
LOCAL_SYMBOLS: dict[str, dict[str, str]] = {
    "ZA": {"R": "ZAR"}, "SE": {"kr": "SEK", "kr.": "SEK"}, "NO": {"kr": "NOK", "kr.": "NOK"}, "DK": {"kr": "DKK", "kr.": "DKK"},
    "IS": {"kr": "ISK", "kr.": "ISK"}, "TW": {"NT": "TWD"}, "CH": {"Fr.": "CHF"},
}


def local_amounts(text: str, country: str | None) -> list[Mention]:
    """Amounts written with the local currency's ambiguous symbol of ``country`` ("R6.1 billion" in South Africa).

    >>> [(m.text, m.unit, m.value.low) for m in local_amounts("Google will invest R6.1 billion (about $355 million), or R2m.", "ZA")]
    [('R6.1 billion', 'ZAR', 6050000000.0), ('R2m', 'ZAR', 1500000.0)]
    >>> local_amounts("R6.1 billion", "US")
    []
    """
    out: list[Mention] = []
    for symbol, code in LOCAL_SYMBOLS.get(country or "", {}).items():
        at = [m.start() for m in re.finditer(rf"(?<![A-Za-z]){re.escape(symbol)}(?=[ \u00a0]?\d)", text)]
        if not at:
            continue
        masked = text
        for p in at:  # the same length, so offsets hold: "R6.1" is read as "$6.1" with the local currency as the dollar
            masked = masked[:p] + "$" + " " * (len(symbol) - 1) + masked[p + len(symbol):]
        for m in extract(masked, default_dollar=code):
            if m.unit == code and any(m.start <= p < m.extra["figure_start"] for p in at):
                raw = text[m.start : m.end]
                out.append(m.model_copy(update={"text": raw, "value": m.value.model_copy(update={"text": raw}),
                                                "extra": {**m.extra, "currency_text": symbol}}))
    return sorted(out, key=lambda m: m.start)


# ---------------------------------------------------------------- price fields

_PRICE_AMOUNT = re.compile(r"[-−]?(?:\.{1,2}(?=\d))?\d(?:[\d.,'’ \u00a0\u202f]*\d)?(?!\s?%)")
_THREE_DECIMAL = {"KWD", "BHD", "OMR", "JOD", "TND", "LYD", "IQD"}
_FIELD_MARK = re.compile(rf"(?P<m>{_MARK}|(?<![A-Za-z])(?:{_alt(AMBIGUOUS_SYMBOLS, False)})(?![A-Za-z])|[^\s\d.,:;/*()\-+'’]+)")


def price_amount(raw: str, decimal_separator: str | None = None, currency: str | None = None) -> float | None:
    """The value of a price string's amount, inferring the decimal separator.

    >>> price_amount("1.837,32"), price_amount("1 298,00"), price_amount("200.000"), price_amount("29.1583")
    (1837.32, 1298.0, 200000.0, 29.1583)
    >>> price_amount("1'049.95"), price_amount("423.923", "."), price_amount("12,99")
    (1049.95, 423.923, 12.99)
    """
    s = raw.replace("−", "-").replace("’", "'").strip()
    neg = s.startswith("-")
    s = s.lstrip("-")
    s = re.sub(r"[ \u00a0\u202f']", "", s)
    if decimal_separator in (".", ","):
        other = "," if decimal_separator == "." else "."
        s = s.replace(other, "")
        if decimal_separator == ",":
            s = s.replace(",", ".")
    else:
        seps = [c for c in s if c in ".,"]
        if not seps:
            pass
        elif len(set(seps)) == 2:
            dec = s[max(s.rfind("."), s.rfind(","))]
            s = s.replace("," if dec == "." else ".", "").replace(dec, ".")
        else:
            sep = seps[0]
            tail = s.rsplit(sep, 1)[1]
            if len(seps) > 1 or (len(tail) == 3 and currency not in _THREE_DECIMAL and len(s.split(sep)[0]) <= 3 and s.split(sep)[0] != "0"):
                s = s.replace(sep, "")
            else:
                s = s.replace(sep, ".")
    try:
        v = float(s)
    except ValueError:
        return None
    return -v if neg else v


def parse_price(text: str, currency_hint: str | None = None, decimal_separator: str | None = None,
                default_dollar: str = "USD") -> Mention | None:
    """Read a price field (a product page's price string) as one money mention.

    Unlike :func:`extract`, which needs a currency marker in prose, a field is
    known to hold a price: its first amount is the price, with the currency of
    a marker anywhere in the field, else of ``currency_hint`` (text near the
    field on the page), else unknown (``unit`` None).

    >>> m = parse_price("Цена: 1 200 руб.")
    >>> m.text, m.unit, m.extra["value"]
    ('1 200', 'RUB', 1200.0)
    >>> m = parse_price("35.00", currency_hint="GBP")
    >>> m.unit, m.extra["value"]
    ('GBP', 35.0)
    """
    cands = list(_PRICE_AMOUNT.finditer(text))
    if not cands:
        return None
    # the first amount next to a currency marker, else the first amount
    am = next((c for c in cands if _near_marker(text, c.start(), c.end())), cands[0])
    raw = am.group(0).rstrip(" \u00a0\u202f.,'’")
    mk = _field_marker(text, default_dollar)
    if mk is None and currency_hint:
        mk = _field_marker(currency_hint, default_dollar)
    code = mk.code if mk else None
    value = price_amount(raw, decimal_separator, code)
    if value is None:
        return None
    start = am.start()
    end = start + len(raw)
    if raw.startswith("."):
        value = price_amount("0." + raw.lstrip("."), decimal_separator, code)
        if value is None:
            return None
    return Mention(kind="money", start=start, end=end, text=text[start:end], value=Interval(low=value, high=value, text=raw),
                   unit=code, extra={"value": value, "currency_text": mk.text if mk else None, "qualifier": None})


def _near_marker(text: str, start: int, end: int) -> bool:
    """Whether a known currency marker touches the amount at text[start:end]."""
    return bool(PREFIX_RE.search(text, max(0, start - 8), start) or SUFFIX_RE.match(text, end))


def _field_marker(text: str, default_dollar: str) -> Marker | None:
    """The field's currency: an ISO code beats a symbol ("$1,190.00 AUD"), a known marker an unknown one."""
    best = None
    known = [marker(m.group("m"), default_dollar) for m in _FIELD_MARK.finditer(text)]
    for mk in known:
        if mk.code is not None and mk.kind == "code":
            return mk
    for mk in known:
        if mk.code is not None:
            return mk
    for m in _FIELD_MARK.finditer(text):
        mk = marker(m.group("m"), default_dollar)
        if best is None and m.group("m") and not re.fullmatch(r"[A-Za-z]{2,}", m.group("m")) or (best is None and m.group("m") in AMBIGUOUS_SYMBOLS):
            best = Marker(None, m.group("m"))
    return best
