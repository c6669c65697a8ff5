package classifiers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file re-implements the splitter of prose v2.0.0's tokenizer (doSplit, isSpecial and
// the sanitizer in prose's tokenize.go), so that proseWords needs prose only for runs with
// an apostrophe whose lower-casing changes byte lengths (see exoticRune). For each
// white-space-delimited run, prose's tokenizer:
//
//   - first rewrites curly quotes and "&rsquo;" to straight quotes (the sanitizer runs over
//     the whole text, but none of its patterns holds white space, so run by run is the same);
//   - then, on the remaining token, repeats until the token stops shrinking:
//     an emoticon or abbreviation ("U.S.", "Mr.") is emitted whole and ends the loop;
//     a prefix "$", "(", `"` or "[" (when more follows) is emitted and peeled;
//     a contraction "'ll", "'s", "'re", "'m" or else "n't", searched in that order anywhere
//     in the lower-cased token (when the token is longer than it), splits off the text
//     before it, and if that text is empty the loop ends and the token is dropped
//     ("can't." gives "ca" alone);
//     a suffix of `,)"]!;.?:'` (when more precedes) is peeled, to be emitted after the loop;
//     anything else is emitted whole and ends the loop;
//   - and finally emits the peeled suffixes one character each, in text order.
//
// prose also caches the split of each run but the text's last by its text and hands out
// one token object for repeats; that affects tagging (see post.tagThrough) but not the
// tokens' texts: the last run is split the same way, only not cached.

// contractions are the patterns prose's splitter searches the lower-cased token for, in
// its order; each holds an apostrophe.
var contractions = [...]string{"'ll", "'s", "'re", "'m", "n't"}

// appendSplit appends to words the tokens prose's splitter gives for run, a sanitized run
// with no exotic rune or no apostrophe. The tokens are substrings of run.
func appendSplit(words []string, run string) []string {
	lo, hi := 0, len(run) // the token is run[lo:hi]; run[hi:] are peeled suffixes
	apos := strings.IndexByte(run, '\'') >= 0
	for {
		tok := run[lo:hi]
		if isSpecialToken(tok) {
			words = append(words, tok)
			break
		}
		if len(tok) > 1 && splitPrefix[tok[0]] {
			words = append(words, tok[:1])
			lo++
			continue
		}
		if apos {
			if i := contractionIndex(tok); i == 0 {
				break // prose adds the empty head and stops: the token is lost
			} else if i > 0 {
				words = append(words, tok[:i])
				lo += i
				continue
			}
		}
		if len(tok) > 1 && splitSuffix[tok[len(tok)-1]] {
			hi--
			continue
		}
		words = append(words, tok)
		break
	}
	for i := hi; i < len(run); i++ {
		words = append(words, run[i:i+1])
	}
	return words
}

// contractionIndex returns where prose's splitter cuts tok before a contraction, or -1.
func contractionIndex(tok string) int {
	for _, pat := range contractions {
		if i := indexLowerASCII(tok, pat); i >= 0 && len(tok) > len(pat) {
			return i
		}
	}
	return -1
}

// indexLowerASCII returns the index of the first occurrence of pat, lower-case ASCII
// holding an apostrophe, in s with ASCII letters lower-cased, or -1. For s with no exotic
// rune that is the index of pat in strings.ToLower(s).
func indexLowerASCII(s, pat string) int {
	apos := strings.IndexByte(pat, '\'')
	for from := apos; from < len(s); {
		j := strings.IndexByte(s[from:], '\'')
		if j < 0 {
			return -1
		}
		start := from + j - apos
		if start+len(pat) <= len(s) && equalLowerASCII(s[start:start+len(pat)], pat) {
			return start
		}
		from += j + 1
	}
	return -1
}

// equalLowerASCII reports whether s with ASCII letters lower-cased equals pat, which is
// lower-case ASCII of the same length.
func equalLowerASCII(s, pat string) bool {
	for i := 0; i < len(pat); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != pat[i] {
			return false
		}
	}
	return true
}

// exoticRune reports whether r, decoded from size bytes, lower-cases to a rune of another
// length (as "İ" and the Kelvin sign do, and invalid UTF-8, which lower-cases to U+FFFD).
// prose finds contractions in the lower-cased token but cuts the token itself at that
// index, so a run holding such a rune and an apostrophe is left to prose (which may cut
// inside a rune, or beyond the token and panic). Without an apostrophe no contraction is
// found, and the rest of the splitter works on bytes of the token itself.
func exoticRune(r rune, size int) bool {
	return r >= utf8.RuneSelf && utf8.RuneLen(unicode.ToLower(r)) != size
}

// isSpecialToken is prose's isSpecial: an emoticon, or a match of
// `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$` ("U.S.", "e.g.", "Mr.", "Mrs.").
func isSpecialToken(tok string) bool {
	if emoticonStart[tok[0]] {
		if _, ok := emoticons[tok]; ok {
			return true
		}
	}
	return isInitials(tok) || isShortTitle(tok)
}

// isInitials matches `^(?:[A-Za-z]\.){2,}$`.
func isInitials(s string) bool {
	if len(s) < 4 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if !isASCIILetter(s[i]) || s[i+1] != '.' {
			return false
		}
	}
	return true
}

// isShortTitle matches `^[A-Z][a-z]{1,2}\.$`.
func isShortTitle(s string) bool {
	n := len(s)
	if n < 3 || n > 4 || s[n-1] != '.' || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < n-1; i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// appendSanitized appends run to buf with prose's sanitizer replacements made: curly
// quotes and "&rsquo;" become straight quotes.
func appendSanitized(buf []byte, run string) []byte {
	for i := 0; i < len(run); {
		c := run[i]
		if c == 0xE2 && i+2 < len(run) && run[i+1] == 0x80 {
			if q := curlyQuote(run[i+2]); q != 0 {
				buf = append(buf, q)
				i += 3
				continue
			}
		}
		if c == '&' && strings.HasPrefix(run[i:], "&rsquo;") {
			buf = append(buf, '\'')
			i += len("&rsquo;")
			continue
		}
		buf = append(buf, c)
		i++
	}
	return buf
}

// curlyQuote returns the straight quote for the last byte of a curly quote's UTF-8
// encoding (E2 80 xx), or 0.
func curlyQuote(last byte) byte {
	switch last {
	case 0x98, 0x99: // U+2018, U+2019
		return '\''
	case 0x9C, 0x9D: // U+201C, U+201D
		return '"'
	}
	return 0
}

// splitPrefix and splitSuffix mark prose's prefixes and suffixes, all single ASCII bytes.
var splitPrefix, splitSuffix = byteSet(`$(["`), byteSet(`,)"]!;.?:'`)

// byteSet returns the set of the bytes of s.
func byteSet(s string) (t [256]bool) {
	for i := 0; i < len(s); i++ {
		t[s[i]] = true
	}
	return t
}

// emoticonStart marks the first bytes of emoticons, to skip the map lookup for most tokens.
var emoticonStart = func() (t [256]bool) {
	for e := range emoticons {
		t[e[0]] = true
	}
	return t
}()

// emoticons are prose's emoticons, which its splitter keeps whole.
var emoticons = map[string]struct{}{
	"(-8":         {},
	"(-;":         {},
	"(-_-)":       {},
	"(._.)":       {},
	"(:":          {},
	"(=":          {},
	"(o:":         {},
	"(¬_¬)":       {},
	"(ಠ_ಠ)":       {},
	"(╯°□°）╯︵┻━┻": {},
	"-__-":        {},
	"8-)":         {},
	"8-D":         {},
	"8D":          {},
	":(":          {},
	":((":         {},
	":(((":        {},
	":()":         {},
	":)))":        {},
	":-)":         {},
	":-))":        {},
	":-)))":       {},
	":-*":         {},
	":-/":         {},
	":-X":         {},
	":-]":         {},
	":-o":         {},
	":-p":         {},
	":-x":         {},
	":-|":         {},
	":-}":         {},
	":0":          {},
	":3":          {},
	":P":          {},
	":]":          {},
	":`(":         {},
	":`)":         {},
	":`-(":        {},
	":o":          {},
	":o)":         {},
	"=(":          {},
	"=)":          {},
	"=D":          {},
	"=|":          {},
	"@_@":         {},
	"O.o":         {},
	"O_o":         {},
	"V_V":         {},
	"XDD":         {},
	"[-:":         {},
	"^___^":       {},
	"o_0":         {},
	"o_O":         {},
	"o_o":         {},
	"v_v":         {},
	"xD":          {},
	"xDD":         {},
	"¯\\(ツ)/¯":    {},
}
