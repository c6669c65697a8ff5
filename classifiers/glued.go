package classifiers

// Glued words. Two artifacts of how posts are collected glue a cue to what follows it, so
// that it never matches: a truncated retweet ends in "…" written against the last word
// ("so infuriating…"), and exports that strip the backslash of "\n" leave the letter n
// where a line break was ("I care.nAlso we", "women\n\nThe" as "womennnThe").
// splitGlued cuts both off before splitRunOn looks at the run.

// strayNewline is the norm of the token made of the stray n's of a stripped line break; it
// ends a sentence as a line break does.
const strayNewline = "\n"

// ellipsis is U+2026, which ends a sentence like "...".
const ellipsis = "\u2026"

// splitGlued appends the tokens of the run text[s:e]: a "…" becomes a punctuation token of
// its own, the stray n's of a stripped line break a strayNewline token, and the rest goes
// to splitRunOn.
func splitGlued(toks []token, text string, s, e int) []token {
	start := s
	for i := s; i < e; i++ {
		switch c := text[i]; {
		case c == 0xE2 && i+3 <= e && text[i:i+3] == ellipsis:
			if start < i {
				toks = splitRunOn(toks, text, start, i)
			}
			toks = appendWordToken(toks, text, i, i+3)
			start = i + 3
			i += 2
		case c == 'n':
			from, to := strayNs(text, s, i, e)
			if from == to {
				continue
			}
			toks = splitTrailing(toks, text, start, from)
			toks = append(toks, token{start: from, end: to, norm: strayNewline, kind: tokPunct})
			start = to
			i = to - 1
		}
	}
	if start < e {
		toks = splitRunOn(toks, text, start, e)
	}
	return toks
}

// strayNs returns the bytes [from,to) of the run of n's that starts at i, inside the run
// text[s:e], that are what is left of stripped line breaks; from == to when there are
// none. The n's must be followed by a capitalized word ("nAlso", "nI can't") and preceded
// by sentence punctuation or by a word of two or more letters. After punctuation one or
// two n's are stray; after a letter the last one is, and the last two when three or more
// stand together ("womennThe" is "women", a break, "The"; "mennnThe" "men", two breaks).
func strayNs(text string, s, i, e int) (from, to int) {
	j := i
	for j < e && text[j] == 'n' {
		j++
	}
	if i == s || j >= e || !capitalizedAt(text, j, e) {
		return i, i
	}
	k := j - i
	switch prev := text[i-1]; {
	case prev == 'n':
		return i, i // only the first n of a run decides
	case prev == '.' || prev == '!' || prev == '?' || prev == ',' || prev == ')' ||
		(i-s >= 3 && text[i-3:i] == ellipsis):
		if k > 2 {
			return i, i
		}
		return i, j
	case isASCIILetter(prev) && i-s >= 2 && isASCIILetter(text[i-2]):
		if k >= 3 {
			return j - 2, j
		}
		return j - 1, j
	}
	return i, i
}

// capitalizedAt reports a capital at text[j] that starts a word: followed by a lower-case
// letter, or the pronoun "I" standing alone or before an apostrophe.
func capitalizedAt(text string, j, e int) bool {
	c := text[j]
	if c < 'A' || c > 'Z' {
		return false
	}
	if j+1 >= e {
		return c == 'I'
	}
	next := text[j+1]
	if next >= 'a' && next <= 'z' {
		return true
	}
	return c == 'I' && (next == '\'' || next == 0xE2 || !isASCIILetter(next))
}

// splitTrailing appends the tokens of text[s:e], a piece cut off before stray n's, with the
// sentence punctuation it ends in as tokens of their own ("care." gives "care", ".").
func splitTrailing(toks []token, text string, s, e int) []token {
	p := e
	for p > s && isTrailingPunct(text[p-1]) {
		p--
	}
	if s < p {
		toks = splitRunOn(toks, text, s, p)
	}
	for ; p < e; p++ {
		toks = appendWordToken(toks, text, p, p+1)
	}
	return toks
}

func isTrailingPunct(c byte) bool {
	return c == '.' || c == '!' || c == '?' || c == ',' || c == ')'
}
