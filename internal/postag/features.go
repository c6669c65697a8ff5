package postag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The features are prose's (tag.go featurize): each key is a template name, a space, and
// its values joined by spaces. Context words are normalized; the word's own suffix and
// first byte are not.

// addWordFeatures adds the features of the word itself.
func (t *Tagger) addWordFeatures(w string, s *Scratch) {
	t.addRow(t.bias, s)
	s.key = append(append(s.key[:0], "i suffix "...), w[len(w)-min(len(w), 3):]...)
	t.add(s)
	// prose converts the first byte, not rune, to a string: a byte of 0x80 or above
	// becomes the two-byte UTF-8 of the rune with that number (pref1 is indexed by the
	// byte). An empty word (prose panics on one) gets an empty prefix.
	if w == "" {
		s.key = append(s.key[:0], "i pref1 "...)
		t.add(s)
		return
	}
	t.addRow(t.pref1[w[0]], s)
}

// addTagFeatures adds the features of the previous tags p1 and p2 (with word k).
func (t *Tagger) addTagFeatures(k int, p1, p2 string, s *Scratch) {
	s.key = append(append(s.key[:0], "i-1 tag "...), p1...)
	t.add(s)
	s.key = append(append(s.key[:0], "i-2 tag "...), p2...)
	t.add(s)
	s.key = append(append(append(append(s.key[:0], "i tag+i-2 tag "...), p1...), ' '), p2...)
	t.add(s)
	s.key = append(append(append(append(s.key[:0], "i-1 tag+i word "...), p1...), ' '), s.context(k)...)
	t.add(s)
}

// addContextFeatures adds the features of the normalized words around word k.
func (t *Tagger) addContextFeatures(k int, s *Scratch) {
	t.addContext("i word ", s.context(k), s)
	prev := s.context(k - 1)
	t.addContext("i-1 word ", prev, s)
	t.addContext("i-1 suffix ", prev[len(prev)-min(len(prev), 3):], s)
	t.addContext("i-2 word ", s.context(k-2), s)
	next := s.context(k + 1)
	t.addContext("i+1 word ", next, s)
	t.addContext("i+1 suffix ", next[len(next)-min(len(next), 3):], s)
	t.addContext("i+2 word ", s.context(k+2), s)
}

func (t *Tagger) addContext(name string, value []byte, s *Scratch) {
	s.key = append(append(s.key[:0], name...), value...)
	t.add(s)
}

// appendNormal appends prose's normalize(w) to b: "!HYPHEN" for a word that holds a hyphen
// but does not start with one, "!YEAR" for a four-byte integer, "!DIGITS" for a word
// starting with a digit, else w in lower case (strings.ToLower's: invalid UTF-8 becomes
// U+FFFD).
func appendNormal(b []byte, w string) []byte {
	switch {
	case w == "":
		return b
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return append(b, "!HYPHEN"...)
	case isYear(w):
		return append(b, "!YEAR"...)
	case '0' <= w[0] && w[0] <= '9':
		return append(b, "!DIGITS"...)
	}
	return appendLower(b, w)
}

// isYear reports whether w has four bytes and strconv.Atoi accepts it: an optional sign
// and decimal digits.
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	digits := w
	if w[0] == '+' || w[0] == '-' {
		digits = w[1:]
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return false
		}
	}
	return true
}

// appendLower appends strings.ToLower(w) to b.
func appendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += size
	}
	return b
}
