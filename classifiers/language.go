package classifiers

import "unicode"

// Language decision: a post is English when most of its letters are Latin and, among its
// words, at least minEnglishShare are frequent English words or lexicon words. Posts with
// fewer than shortPost words need one such word. Posts without words (emoji only) are
// English, so their emoji can be read.
const (
	minEnglishShare = 0.2
	shortPost       = 3
)

func (e *Engine) isEnglish(p *post) bool {
	if !mostlyLatin(p.text) {
		return false
	}
	words, known := 0, 0
	for i := range p.toks {
		t := &p.toks[i]
		if t.kind != tokWord || t.hashtag != 0 {
			continue
		}
		words++
		if e.knownWord(t) {
			known++
		}
	}
	switch {
	case words == 0:
		return true
	case words < shortPost:
		return known > 0
	}
	return float64(known) >= minEnglishShare*float64(words)
}

func (e *Engine) knownWord(t *token) bool {
	return (t.flags|t.altFlags)&(fEnglish|fIndexed) != 0
}

// mostlyLatin reports whether at least half of the letters in s are Latin.
func mostlyLatin(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case r < 0x80:
			if (r|0x20) >= 'a' && (r|0x20) <= 'z' {
				latin++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return other <= latin
}
