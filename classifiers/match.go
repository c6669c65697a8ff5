package classifiers

import (
	"strings"

	"github.com/allystream/allystream/lexicons"
)

// hit is one match of a compiled pattern: tokens [s,e) and bytes [start,end).
type hit struct {
	p          *cpattern
	s, e       int
	start, end int
}

// findHits runs every pattern that can start at each token, then the hashtag index.
func (e *Engine) findHits(p *post) {
	for i := range p.toks {
		t := &p.toks[i]
		if !t.matchable() {
			continue
		}
		if t.flags&fIndexed != 0 {
			e.tryIndexed(p, t.id, i)
		}
		if t.altFlags&fIndexed != 0 {
			e.tryIndexed(p, t.altID, i)
		}
	}
	if len(p.hashtags) > 0 {
		e.matchHashtags(p)
	}
}

// matchHashtags matches each hashtag body as a whole against the space-less lexicon forms
// (#checkyourprivilege), covering the hashtag's tokens.
func (e *Engine) matchHashtags(p *post) {
	for i := 0; i < len(p.toks); {
		id := p.toks[i].hashtag
		if id == 0 {
			i++
			continue
		}
		end := i + 1
		for end < len(p.toks) && p.toks[end].hashtag == id {
			end++
		}
		e.matchHashtag(p, p.hashtags[id-1], i, end)
		i = end
	}
}

// tryAll matches each of cands at token i, in order, and records the hits; a candidate whose
// third token cannot be there is turned away before its elements are read.
func (e *Engine) tryAll(p *post, cands []*cpattern, i int) {
	for _, cp := range cands {
		if !thirdFits(p, cp, i) {
			continue
		}
		if end, ok := matchElems(p, cp.elems, i, p.toks[i].sent); ok {
			p.addHit(hit{p: cp, s: i, e: end, start: p.toks[i].start, end: p.toks[end-1].end})
		}
	}
}

// matchHashtag looks one hashtag body h, made of tokens [s,end), up in the joined index.
func (e *Engine) matchHashtag(p *post, h span, s, end int) {
	key := joinKey(normKey(p.text[h.start:h.end]))
	for _, cands := range [2][]*cpattern{e.joined[key], e.joined["#"+key]} {
		for _, cp := range cands {
			if !p.hasHit(cp, s) && len(p.hits) < maxHits {
				p.hits = append(p.hits, hit{p: cp, s: s, e: end, start: h.start, end: h.end})
			}
		}
	}
}

// matchElems matches elems from token i within sentence sent and returns the end token.
func matchElems(p *post, elems []celem, i int, sent int32) (int, bool) {
	if len(elems) == 0 {
		return i, true
	}
	el := &elems[0]
	switch el.kind {
	case lexicons.ElemWords, lexicons.ElemList:
		return matchSet(p, el.set, elems[1:], i, sent)
	case lexicons.ElemTag:
		if usable(p, i, sent) && p.toks[i].kind == tokWord && strings.HasPrefix(p.tag(i), el.tag) {
			return matchElems(p, elems[1:], i+1, sent)
		}
	case lexicons.ElemAny:
		if usable(p, i, sent) {
			return matchElems(p, elems[1:], i+1, sent)
		}
	case lexicons.ElemGap:
		for k := 0; k <= lexicons.GapMax; k++ {
			if k > 0 && !usable(p, i+k-1, sent) {
				break
			}
			if end, ok := matchElems(p, elems[1:], i+k, sent); ok {
				return end, true
			}
		}
	}
	return 0, false
}

// matchSet matches one of set's sequences, then rest, from token i within sentence sent,
// trying the sequences that start with the token's norm before those that start with its
// short form.
func matchSet(p *post, set *seqSet, rest []celem, i int, sent int32) (int, bool) {
	if !usable(p, i, sent) {
		return 0, false
	}
	t := &p.toks[i]
	for _, id := range [2]uint32{t.id, t.altID} {
		if id == 0 {
			continue
		}
		for _, seq := range set.lookup(id) {
			if !seqAt(p, seq, i, sent) {
				continue
			}
			if end, ok := matchElems(p, rest, i+len(seq), sent); ok {
				return end, true
			}
		}
	}
	return 0, false
}

// seqAt reports whether seq matches the tokens from i on, all in sentence sent.
func seqAt(p *post, seq []uint32, i int, sent int32) bool {
	for j := 1; j < len(seq); j++ {
		if !usable(p, i+j, sent) || !p.toks[i+j].is(seq[j]) {
			return false
		}
	}
	return true
}

// usable reports whether token i exists, is in sentence sent and may be evidence.
func usable(p *post, i int, sent int32) bool {
	return i < len(p.toks) && p.toks[i].sent == sent && p.toks[i].matchable()
}

// normKey is the normalized form of s used as a lookup key.
func normKey(s string) string {
	n, _ := normWord(s)
	return n
}
