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
		case t.kind != tokWord || t.flags&fCapsExempt != 0 || t.hashtag != 0 || !hasLetter(t.norm):
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
