package classifiers

import (
	"unicode/utf8"
)

// Evasion folding: trolls and spammers split words with invisible characters
// ("fu\u200brious") or write them in full-width forms ("ｆｕｒｉｏｕｓ") so that word
// filters miss them. Before tokenizing, foldText removes invisible format characters and
// maps full-width forms to ASCII; the folded text is classified and every evidence span
// is mapped back, so spans still index the text as published (Result.Text) and
// Text[Start:End] == Cue keeps holding — the cue then contains the invisible characters.

// foldText returns text with invisible format characters removed and full-width ASCII
// forms (U+FF01–U+FF5E, and the ideographic space) replaced by ASCII, and offs, where
// offs[i] is the byte offset in text of folded byte i (offs[len(folded)] == len(text)).
// When text holds nothing to fold it returns text and a nil offs, without allocating.
func foldText(text string) (folded string, offs []int32) {
	first := firstFoldable(text)
	if first < 0 {
		return text, nil
	}
	buf := make([]byte, 0, len(text))
	offs = make([]int32, 0, len(text)+1)
	buf = append(buf, text[:first]...)
	for i := 0; i < first; i++ {
		offs = append(offs, int32(i))
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:first])
	for i := first; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\u200d' && (isEmoji(prev) || isEmojiModifier(prev)):
			// a zero-width joiner inside an emoji sequence joins emoji, it hides nothing
			buf, offs = appendRun(buf, offs, text, i, size)
		case isInvisible(r):
			// dropped; prev stays the rune before it
			i += size
			continue
		case r >= 0xFF01 && r <= 0xFF5E:
			buf = append(buf, byte(r-0xFEE0))
			offs = append(offs, int32(i))
		case r == '\u3000':
			buf = append(buf, ' ')
			offs = append(offs, int32(i))
		default:
			buf, offs = appendRun(buf, offs, text, i, size)
		}
		prev = r
		i += size
	}
	offs = append(offs, int32(len(text)))
	return string(buf), offs
}

// appendRun copies text[i:i+size] to buf, each byte mapping to its own offset.
func appendRun(buf []byte, offs []int32, text string, i, size int) ([]byte, []int32) {
	buf = append(buf, text[i:i+size]...)
	for k := 0; k < size; k++ {
		offs = append(offs, int32(i+k))
	}
	return buf, offs
}

// firstFoldable returns the byte offset of the first rune foldText changes, or -1. Only
// the lead bytes of those runes (0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF) stop the scan.
func firstFoldable(text string) int {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case 0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF:
			r, _ := utf8.DecodeRuneInString(text[i:])
			if isInvisible(r) || (r >= 0xFF01 && r <= 0xFF5E) || r == '\u3000' || r == '\u200d' {
				return i
			}
		}
	}
	return -1
}

// isInvisible reports a format character that renders as nothing inside a word: the soft
// hyphen, zero-width space, non-joiner and joiner, the word joiner and invisible
// operators, bidirectional marks, embeddings, overrides and isolates, the byte-order mark
// (zero-width no-break space), the combining grapheme joiner and the Mongolian vowel
// separator.
func isInvisible(r rune) bool {
	switch {
	case r == '\u00ad', r == '\u034f', r == '\u061c', r == '\u180e', r == '\ufeff':
		return true
	case r >= '\u200b' && r <= '\u200f':
		return true
	case r >= '\u202a' && r <= '\u202e':
		return true
	case r >= '\u2060' && r <= '\u2064':
		return true
	case r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// unfoldSpan maps the span [start,end) of the folded text back to the text foldText was
// given: the start of the rune the span starts in and the end of the rune it ends in.
func unfoldSpan(text string, offs []int32, start, end int) (int, int) {
	s := int(offs[start])
	if end <= start {
		return s, s
	}
	last := int(offs[end-1])
	if utf8.RuneStart(text[last]) {
		_, size := utf8.DecodeRuneInString(text[last:])
		return s, last + size
	}
	return s, last + 1
}

// unfoldResult makes r, the result for the folded form of text, the result for text:
// its Text is text and every evidence span and cue indexes text.
func unfoldResult(r *Result, text string, offs []int32) {
	r.Text = text
	unfoldEvidence(r.Speaker.Evidence, text, offs)
	for i := 0; i < speakerIdx; i++ {
		unfoldEvidence(labelResult(r, i).Evidence, text, offs)
	}
}

func unfoldEvidence(evs []Evidence, text string, offs []int32) {
	for k := range evs {
		ev := &evs[k]
		ev.Start, ev.End = unfoldSpan(text, offs, ev.Start, ev.End)
		ev.Cue = text[ev.Start:ev.End]
	}
}
