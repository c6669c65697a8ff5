package classifiers

import (
	"unicode"
	"unicode/utf8"
)

// splitHashtag splits a hashtag body at case changes and letter/digit boundaries:
// "CheckYourPrivilege" gives check, your, privilege; "LGBTRights" gives lgbt, rights.
// An all-lower-case body stays one token; the engine matches it against the space-less
// forms of lexicon phrases instead.
func splitHashtag(toks []token, text string, s, e int, id int32) []token {
	start := s
	var prev rune
	for i := s; i < e; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if i > start && hashtagBoundary(prev, r, text[i+size:e]) {
			toks = appendPart(toks, text, start, i, id)
			start = i
		}
		prev = r
		i += size
	}
	return appendPart(toks, text, start, e, id)
}

// hashtagBoundary reports whether a new word starts at r, given the previous rune and the
// rest of the hashtag.
func hashtagBoundary(prev, r rune, rest string) bool {
	switch {
	case unicode.IsLower(prev) && unicode.IsUpper(r):
		return true
	case unicode.IsLetter(prev) != unicode.IsLetter(r) && (unicode.IsDigit(prev) || unicode.IsDigit(r)):
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(r):
		next, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsLower(next)
	}
	return false
}

func appendPart(toks []token, text string, s, e int, id int32) []token {
	if s >= e {
		return toks
	}
	t := wordToken(text, s, e)
	t.hashtag = id
	t.caps = false
	return append(toks, t)
}
