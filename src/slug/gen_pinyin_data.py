#!/usr/bin/env python3
"""Generate the pinyin tables that src/slug/pinyin.rs embeds.

Source: PyPI's ``pypinyin`` (MIT licence, see PYPINYIN-LICENSE.txt next to
this script), its single-character table ``pinyin_dict.json`` and its phrase
table ``phrases_dict.json``.

Regenerate (from the crate root):

    pip install pypinyin==0.55.0    # the release the checked-in data came from
    python3 src/slug/gen_pinyin_data.py
    cargo test slug                 # the expected slugs must still hold

It needs Python 3.8+ and nothing but pypinyin; it prints the counts and the
file sizes.  Output is deterministic: the same pypinyin and Python versions
give the same bytes (han_fold.txt follows Python's Unicode version).  A newer
pypinyin is fine too; review the diff of data/ and rerun the tests.

The script writes:

``data/chars.txt``
    One line per toneless reading: the reading, then every Han character
    whose default reading it is, in code point order (``yin`` then 因,
    银, 音 and the rest).  The default
    reading is pypinyin's first one.  Toneless means plain lowercase ASCII:
    tone marks dropped, ``ü`` -> ``v`` (绿 -> ``lv``), ``ê`` -> ``e``.
    Characters outside the Han blocks (pypinyin also lists private-use
    code points from old GB 18030 mappings) are left out, because the
    slugifier only asks about Han characters.

``data/phrases.txt``
    One line per phrase: the phrase, a space, then its syllables separated
    by spaces, e.g. ``银行 yin hang``.  Only phrases the converter would
    otherwise get wrong are kept; see ``prune`` for the rule.  That is what
    makes the table small.

``data/han_fold.txt``
    Pairs of characters, one pair per line: a CJK compatibility ideograph or
    Kangxi/CJK radical, then the unified ideograph it stands for (NFKC).
    Text copied out of PDFs is full of radicals that look exactly like
    ideographs (⼯ U+2F2F for 工), and they deserve the same slug.

Lines starting with ``#`` are comments.  ``segment`` and ``is_han`` below
must stay the same as their namesakes in pinyin.rs: the pruning is only
sound for the algorithm that will read the table.
"""

import json
import os
import sys
import unicodedata

import pypinyin

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data")
PKG = os.path.dirname(pypinyin.__file__)


def is_han(cp):
    """Must match `is_han` in pinyin.rs."""
    return (
        cp == 0x3007
        or 0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
    )


def toneless(reading):
    out = []
    for ch in unicodedata.normalize("NFD", reading.strip()):
        if ch == "\u0308":
            # Only ü carries a diaeresis in pinyin; v is the usual ASCII form.
            if not out or out[-1] != "u":
                raise ValueError(f"diaeresis not on u in {reading!r}")
            out[-1] = "v"
        elif unicodedata.combining(ch):
            continue
        else:
            out.append(ch)
    s = "".join(out).lower()
    if not (s.isascii() and s.isalpha()):
        raise ValueError(f"reading {reading!r} is not plain letters: {s!r}")
    return s


def load():
    with open(os.path.join(PKG, "pinyin_dict.json"), encoding="utf-8") as f:
        raw_chars = json.load(f)
    with open(os.path.join(PKG, "phrases_dict.json"), encoding="utf-8") as f:
        raw_phrases = json.load(f)

    chars = {}
    for key, readings in raw_chars.items():
        cp = int(key)
        if is_han(cp):
            chars[chr(cp)] = toneless(readings.split(",")[0])

    phrases = {}
    skipped = 0
    for phrase, readings in raw_phrases.items():
        if len(phrase) < 2 or len(readings) != len(phrase) or not all(
            is_han(ord(c)) for c in phrase
        ):
            skipped += 1
            continue
        phrases[phrase] = [toneless(r[0]) for r in readings]
    return chars, phrases, skipped


def default_reading(chars, c):
    """Must match the fallback in pinyin.rs: u + lowercase hex."""
    return chars.get(c) or f"u{ord(c):x}"


def segment(text, table, max_len):
    """Fewest segments (a lone character is a segment); on a tie the longer
    segment at the left wins.  Returns segment lengths, left to right."""
    n = len(text)
    cost = [0] * (n + 1)
    take = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        best, best_len = cost[i + 1] + 1, 1
        for length in range(2, min(max_len, n - i) + 1):
            if text[i : i + length] in table and cost[i + length] + 1 <= best:
                best, best_len = cost[i + length] + 1, length
        cost[i], take[i] = best, best_len
    lengths, i = [], 0
    while i < n:
        lengths.append(take[i])
        i += take[i]
    return lengths


def convert(text, chars, table, max_len):
    out, i = [], 0
    for length in segment(text, table, max_len):
        word = text[i : i + length]
        out.extend(table[word] if length > 1 else [default_reading(chars, word)])
        i += length
    return out


def prune(chars, phrases):
    """Keep a phrase only if the converter, given the phrases kept so far,
    would read it wrongly on its own.

    Shorter phrases go first, and a phrase can only be overruled inside
    itself by shorter ones, so after the pass every phrase in pypinyin's
    table converts to its own reading.  This drops every phrase that reads
    as its characters' defaults (重要 zhong yao, 工会 gong hui), and also
    longer phrases whose reading already follows from kept shorter ones
    (中国银行 from 银行).  It keeps a default-reading phrase when a kept
    shorter phrase inside it would spoil it.
    """
    kept, max_len = {}, 1
    for phrase in sorted(phrases, key=lambda p: (len(p), p)):
        reading = phrases[phrase]
        if convert(phrase, chars, kept, max_len) != reading:
            kept[phrase] = reading
            max_len = max(max_len, len(phrase))
    return kept


def han_folds():
    pairs = []
    for lo, hi in [(0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            if unicodedata.category(c) == "Cn":
                continue
            n = unicodedata.normalize("NFKC", c)
            if len(n) == 1 and n != c and is_han(ord(n)) and not (0xF900 <= ord(n) <= 0xFAFF):
                pairs.append((c, n))
    return pairs


def write(name, header, lines):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(f"# {h}\n")
        for line in lines:
            f.write(line + "\n")
    return os.path.getsize(path)


def main():
    chars, phrases, skipped = load()
    kept = prune(chars, phrases)
    plain_rule = sum(
        1 for p, r in phrases.items() if r != [default_reading(chars, c) for c in p]
    )

    by_reading = {}
    for c, r in chars.items():
        by_reading.setdefault(r, []).append(c)
    char_lines = [
        r + "".join(sorted(cs, key=ord)) for r, cs in sorted(by_reading.items())
    ]

    phrase_lines = [p + " " + " ".join(kept[p]) for p in sorted(kept)]

    folds = han_folds()
    source = f"pypinyin {pypinyin.__version__} (MIT), generated by gen_pinyin_data.py"
    os.makedirs(OUT, exist_ok=True)
    sizes = {
        "chars.txt": write(
            "chars.txt", [source, "reading, then its characters"], char_lines
        ),
        "phrases.txt": write(
            "phrases.txt",
            [source, "phrase, then its syllables"],
            phrase_lines,
        ),
        "han_fold.txt": write(
            "han_fold.txt",
            [f"Unicode {unicodedata.unidata_version} NFKC", "variant, then ideograph"],
            [a + b for a, b in folds],
        ),
    }
    total = sum(sizes.values())
    print(f"characters: {len(chars)} in {len(by_reading)} readings", file=sys.stderr)
    print(
        f"phrases: {len(phrases)} usable ({skipped} skipped), "
        f"{plain_rule} differ from their characters' defaults, {len(kept)} kept",
        file=sys.stderr,
    )
    print(f"han folds: {len(folds)}", file=sys.stderr)
    for name, size in sizes.items():
        print(f"{name}: {size} bytes", file=sys.stderr)
    print(f"total: {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
