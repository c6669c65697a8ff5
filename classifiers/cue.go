package classifiers

import "github.com/allystream/allystream/lexicons"

// cue is a hit that survived its context checks and counts towards a label.
type cue struct {
	s, e       int // tokens
	start, end int // bytes
	rule       *crule
	ref        string
}

// labelCues gathers the cues of every label from the hits of a post.
type labelCues struct {
	cues   [numLabels][]cue
	vetoes [numLabels][]cue
}

// collect sorts hits into cues and vetoes, pairing the two sides of near rules and
// applying negation, voice and subject checks.
func (e *Engine) collect(p *post) *labelCues {
	lc := &p.cues
	p.withs = p.withs[:0]
	for i, h := range p.hits {
		if h.p.with {
			p.withs = append(p.withs, int32(i))
		}
	}
	for _, h := range p.hits {
		r := h.p.rule
		switch r.Kind {
		case lexicons.KindVeto:
			if !e.negated(p, h.s) {
				lc.vetoes[r.label] = append(lc.vetoes[r.label], hitCue(h))
			}
		case lexicons.KindNear:
			if !h.p.with {
				e.pairNear(p, h, lc)
			}
		default:
			e.accept(p, hitCue(h), lc)
		}
	}
	if len(e.shouts) > 0 {
		caps := shoutWords(p)
		for _, r := range e.shouts {
			if caps >= r.MinWords {
				lc.cues[r.label] = append(lc.cues[r.label], e.shoutCues(p, r)...)
			}
		}
	}
	return lc
}

func hitCue(h hit) cue {
	return cue{s: h.s, e: h.e, start: h.start, end: h.end, rule: h.p.rule, ref: h.p.ref}
}

// accept adds c to its label when its context allows.
func (e *Engine) accept(p *post, c cue, lc *labelCues) {
	r := c.rule
	switch {
	case r.Negatable && e.negated(p, c.s):
	case r.OwnVoice && !e.ownVoice(p, c.s, c.e):
	case r.WriterSubject && !e.writerSubject(p, c.s, c.e):
	case r.SentenceStart && !sentenceStart(p, c.s):
	default:
		lc.cues[r.label] = append(lc.cues[r.label], c)
	}
}

// pairNear finds, among p.withs, the nearest with-side hit of the same rule for a
// match-side hit h, in the same sentence (anywhere in the post for scope: post), not
// overlapping and within the rule's window, and accepts the span that covers both (the match
// side alone for scope: post).
func (e *Engine) pairNear(p *post, h hit, lc *labelCues) {
	best, bestDist := -1, 1<<30
	for _, w := range p.withs {
		i := int(w)
		o := &p.hits[i]
		if o.p.rule != h.p.rule || (h.p.rule.Scope != lexicons.ScopePost && p.toks[o.s].sent != p.toks[h.s].sent) {
			continue
		}
		d := tokenGap(h, *o)
		if h.p.rule.Target && isAgent(p, h, *o) {
			continue
		}
		if d >= 0 && d <= h.p.rule.Window && d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return
	}
	o := p.hits[best]
	c := hitCue(h)
	if h.p.rule.Scope == lexicons.ScopePost {
		// across sentences the with side only licenses the cue; the evidence is the match side
		e.accept(p, c, lc)
		return
	}
	if o.s < c.s {
		c.s, c.start = o.s, o.start
	}
	if o.e > c.e {
		c.e, c.end = o.e, o.end
	}
	e.accept(p, c, lc)
}

// isAgent reports whether match-side hit h is the agent of with-side hit w: it follows w
// and stands right after "by", or "by" and a determiner ("killed by police", "attacked by
// the immigrants").
func isAgent(p *post, h, w hit) bool {
	if w.e > h.s {
		return false
	}
	for i, words := h.s-1, 0; i >= w.e && words < 2; i-- {
		t := &p.toks[i]
		if t.kind != tokWord {
			continue
		}
		words++
		switch {
		case t.reads("by"):
			return true
		case t.flags&fNotReport == 0:
			return false
		}
	}
	return false
}

// tokenGap is the number of tokens between two hits, or -1 when they overlap.
func tokenGap(a, b hit) int {
	switch {
	case b.s >= a.e:
		return b.s - a.e
	case a.s >= b.e:
		return a.s - b.e
	}
	return -1
}

// sentenceStart reports whether token s opens its sentence — only links, @mentions and
// punctuation stand before it in the sentence — or an aside: it follows an opening
// bracket, a comma or a dash ("I think (white guy here) that…", "Honestly, gay guy here,
// and…", "[Black nurse, 11 years in]").
func sentenceStart(p *post, s int) bool {
	sent := p.toks[s].sent
	for i := s - 1; i >= 0 && p.toks[i].sent == sent; i-- {
		t := &p.toks[i]
		if t.kind == tokWord || t.kind == tokEmoji {
			return false
		}
		if t.kind == tokPunct && opensAside(p.text[t.start:t.end]) {
			return true
		}
	}
	return true
}

// opensAside reports punctuation after which an aside or a new clause starts.
func opensAside(s string) bool {
	switch s {
	case "(", "[", ",", "—", "–", "--":
		return true
	}
	return false
}
