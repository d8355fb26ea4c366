#!/usr/bin/env python3
"""Writes src/Feed/Terms/UnicodeTables.txt, the Unicode data FeedTerms.Normalize needs, from Python's unicodedata.

Usage: python3 tests/Feed.Tests/Terms/unicode_tables.py > src/Feed/Terms/UnicodeTables.txt
The library carries its own tables because .NET's string.Normalize does nothing under invariant globalization (the
feed tool's mode), and a term's key must not depend on the host. FeedTermsTests compares the C# rule with this
module's own normalize/casefold over every code point.

Lines (hex code points, space-separated):
  V version              the Unicode version of the data
  C cp ccc               canonical combining class, where not 0
  D cp cps...            full canonical decomposition (NFD of cp), where it is not cp itself; Hangul excluded
  K cp cps...            full compatibility decomposition (NFKD of cp), where it differs from NFD of cp
  F cp cps...            full case folding (str.casefold), where it is not cp itself
  P first second cp      a primary composite: canonical composition of a pair
"""
import sys
import unicodedata as u

def hexs(s):
    return " ".join("%04X" % ord(c) for c in s)

def is_hangul_syllable(cp):
    return 0xAC00 <= cp <= 0xD7A3

out = sys.stdout
out.write("V %s\n" % u.unidata_version)
for cp in range(0x110000):
    if 0xD800 <= cp <= 0xDFFF:
        continue
    c = chr(cp)
    ccc = u.combining(c)
    if ccc:
        out.write("C %04X %d\n" % (cp, ccc))
    if is_hangul_syllable(cp):
        continue
    nfd = u.normalize("NFD", c)
    if nfd != c:
        out.write("D %04X %s\n" % (cp, hexs(nfd)))
    nfkd = u.normalize("NFKD", c)
    if nfkd != nfd:
        out.write("K %04X %s\n" % (cp, hexs(nfkd)))
    folded = c.casefold()
    if folded != c:
        out.write("F %04X %s\n" % (cp, hexs(folded)))
    # A primary composite: its canonical decomposition mapping is a pair that NFC composes back into it.
    decomposition = u.decomposition(c)
    if decomposition and not decomposition.startswith("<"):
        parts = [chr(int(x, 16)) for x in decomposition.split()]
        if len(parts) == 2 and u.normalize("NFC", "".join(parts)) == c:
            out.write("P %s %04X\n" % (hexs("".join(parts)), cp))
