package classifiers

// post is the working state of one Classify call.
type post struct {
	e           *Engine
	text        string
	toks        []token
	hashtags    []span
	hits        []hit
	tags        []string // part-of-speech tags by token, filled a sentence at a time
	tagged      bool     // whether any sentence was tagged
	taggedSents []int32
	quotes      []span
	cues        labelCues
	words       wordScratch // tokenizer buffers
}

// reset readies a pooled post for text, keeping its buffers.
func (p *post) reset(e *Engine, text string) {
	p.e, p.text, p.tagged, p.quotes = e, text, false, nil
	p.toks, p.hashtags, p.hits, p.tags = p.toks[:0], p.hashtags[:0], p.hits[:0], p.tags[:0]
	p.taggedSents = p.taggedSents[:0]
	for i := range p.cues.cues {
		p.cues.cues[i] = p.cues.cues[i][:0]
		p.cues.vetoes[i] = p.cues.vetoes[i][:0]
	}
}

// maxHits bounds the hits kept for one post, so that pathological posts (a 100 KB wall of
// the same cue) cost linear time; far below it every score has long saturated.
const maxHits = 512

// addHit records a hit once. Hits arrive in token order, so a duplicate (a pattern found
// through both a token's norm and its short form) is among the last hits at the same token.
func (p *post) addHit(h hit) {
	if len(p.hits) >= maxHits {
		return
	}
	for i := len(p.hits) - 1; i >= 0 && p.hits[i].s == h.s; i-- {
		if p.hits[i].p == h.p {
			return
		}
	}
	p.hits = append(p.hits, h)
}

// hasHit reports whether pattern cp already matched at token s.
func (p *post) hasHit(cp *cpattern, s int) bool {
	for _, o := range p.hits {
		if o.p == cp && o.s == s {
			return true
		}
	}
	return false
}

// tag returns the part-of-speech tag of token i. The first time a rule asks about a
// sentence, prose's tagger runs over that sentence alone: posts that no tag-needing rule
// reaches never pay for tagging, and those that do pay for one sentence.
func (p *post) tag(i int) string {
	if !p.sentTagged(p.toks[i].sent) {
		p.tagSentence(p.toks[i].sent)
	}
	return p.tags[i]
}

func (p *post) sentTagged(sent int32) bool {
	for _, s := range p.taggedSents {
		if s == sent {
			return true
		}
	}
	return false
}

// tagSentence tags the tokens of one sentence, aligning prose's tokens by byte offset.
func (p *post) tagSentence(sent int32) {
	p.tagged = true
	p.taggedSents = append(p.taggedSents, sent)
	if len(p.tags) < len(p.toks) {
		p.tags = append(p.tags, make([]string, len(p.toks)-len(p.tags))...)
	}
	first, last := sentenceBounds(p.toks, sent)
	base := p.toks[first].start
	sub := p.text[base:p.toks[last].end]
	cursor, j := 0, first
	for _, pt := range p.e.a.proseTokens(sub, true) {
		s, e, ok := align(sub, cursor, pt.Text)
		if !ok {
			continue
		}
		cursor = e
		for ; j <= last && p.toks[j].start < base+e; j++ {
			if p.toks[j].start >= base+s {
				p.tags[j] = pt.Tag
			}
		}
	}
}

// sentenceBounds returns the first and last token index of a sentence.
func sentenceBounds(toks []token, sent int32) (int, int) {
	first, last := -1, -1
	for i := range toks {
		if toks[i].sent == sent {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}
