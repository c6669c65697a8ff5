package classifiers

import "strings"

// Masked swear words. Writers star out or symbol-mask swear words ("f**k", "sh*t",
// "a$$hole", "F#@!", "b*****"); the codebook counts them as spelled out. A word token
// that holds mask characters and is no lexicon word is read as the word of maskable.txt
// it masks (its short form, like an elongated word's), so every rule about that word
// applies.

// maskChars are the characters that mask letters.
const maskChars = "*#@$%!"

// maskable is a word that writers mask, with its vocabulary id.
type maskable struct {
	word string
	id   uint32
}

// loadMaskable reads maskable.txt into the engine, in list order (which decides ties).
func (e *Engine) loadMaskable() {
	l := e.set.List("maskable")
	if l == nil {
		return
	}
	for _, en := range l.Entries {
		if id := e.vocab[en.Text]; id != 0 && !strings.Contains(en.Text, " ") {
			e.masks = append(e.masks, maskable{word: en.Text, id: id})
		}
	}
}

// unmask returns the id of the maskable word that w masks, or 0. w must start with a
// letter and hold a mask character. The letters of w must stand where they stand in the
// word, the same length; or, when w is one letter and masks only ("f***", "F#@"), the word
// with that first letter closest in length (at most two letters apart) is taken. Parts of
// a hyphenated word are unmasked on their own ("in-f*cking-credible").
func (e *Engine) unmask(w string) uint32 {
	if len(e.masks) == 0 || len(w) < 3 || !strings.ContainsAny(w, maskChars) {
		return 0
	}
	if strings.IndexByte(w, '-') > 0 {
		for _, part := range strings.Split(w, "-") {
			if id := e.unmask(part); id != 0 {
				return id
			}
		}
		return 0
	}
	if !isASCIILetter(w[0]) {
		return 0
	}
	for _, m := range e.masks {
		if masksExactly(w, m.word) {
			return m.id
		}
	}
	if !allMasked(w[1:]) {
		return 0
	}
	best, bestGap := uint32(0), 3
	for _, m := range e.masks {
		if m.word[0] != w[0] {
			continue
		}
		gap := len(m.word) - len(w)
		if gap < 0 {
			gap = -gap
		}
		if gap < bestGap {
			best, bestGap = m.id, gap
		}
	}
	return best
}

// masksExactly reports whether w, of the same length as word, has word's letter at every
// position it does not mask, and masks at least one.
func masksExactly(w, word string) bool {
	if len(w) != len(word) {
		return false
	}
	masked := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case strings.IndexByte(maskChars, c) >= 0:
			masked = true
		case c != word[i]:
			return false
		}
	}
	return masked
}

func allMasked(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(maskChars, s[i]) < 0 {
			return false
		}
	}
	return true
}
