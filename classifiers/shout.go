package classifiers

import (
	"strings"
	"unicode"
)

// shoutCues finds runs of at least r.MinWords all-capital words (acronyms in caps_exempt
// neither count nor break a run; punctuation does not break it). A run holding one of the
// rule's unless words (love, thanks…) is not angry shouting.
func (e *Engine) shoutCues(p *post, r *crule) []cue {
	var out []cue
	runStart, n := -1, 0
	flush := func(end int) {
		if n >= r.MinWords && !e.runHas(p, runStart, end, r.Unless) {
			out = append(out, cue{s: runStart, e: end, start: p.toks[runStart].start,
				end: p.toks[end-1].end, rule: r, ref: r.ref})
		}
		runStart, n = -1, 0
	}
	last := -1
	for i := range p.toks {
		t := &p.toks[i]
		switch {
		case runStart >= 0 && shoutedPronoun(t):
			n++
			last = i
		case !shoutable(t):
		case t.caps:
			if runStart < 0 {
				runStart = i
			}
			n++
			last = i
		default:
			flush(last + 1)
		}
	}
	flush(last + 1)
	return out
}

// shoutable reports whether a token counts in a shouting run or breaks it: a word with a
// letter, not an acronym in caps_exempt and not from a hashtag. Other tokens are skipped.
func shoutable(t *token) bool {
	return t.kind == tokWord && t.flags&fCapsExempt == 0 && t.hashtag == 0 && hasLetter(t.norm)
}

// shoutedPronoun reports an exempt acronym that is also an English word ("US", "IT",
// "AM"): inside a run of shouted words it is shouted too ("THEY KEEP LYING TO US").
func shoutedPronoun(t *token) bool {
	return t.kind == tokWord && t.caps && t.hashtag == 0 && t.flags&fCapsExempt != 0 && t.flags&fEnglish != 0
}

// shoutWords counts the words of a post that count in a shouting run, so that a post with
// fewer than a rule's MinWords is not scanned for runs.
func shoutWords(p *post) int {
	n := 0
	for i := range p.toks {
		if t := &p.toks[i]; t.caps && (shoutable(t) || shoutedPronoun(t)) {
			n++
		}
	}
	return n
}

func (e *Engine) runHas(p *post, s, end int, words []string) bool {
	for i := s; i < end && i >= 0; i++ {
		for _, w := range words {
			if p.toks[i].reads(w) || strings.HasPrefix(p.toks[i].norm, w) {
				return true
			}
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
