package classifiers

// post is the working state of one Classify call.
type post struct {
	e        *Engine
	text     string
	toks     []token
	hashtags []span
	hits     []hit
	tags     []string // part-of-speech tags by prose token, computed on first need
	tagged   bool
	quotes   []span
}

// addHit records a hit once.
func (p *post) addHit(h hit) {
	for _, o := range p.hits {
		if o.p == h.p && o.s == h.s {
			return
		}
	}
	p.hits = append(p.hits, h)
}

// tag returns the part-of-speech tag of token i, running prose's tagger over the post the
// first time a rule asks: posts no tag-needing rule reaches never pay for tagging.
func (p *post) tag(i int) string {
	if !p.tagged {
		p.tagged = true
		for _, t := range p.e.a.proseTokens(p.text, true) {
			p.tags = append(p.tags, t.Tag)
		}
	}
	src := int(p.toks[i].src)
	if src < len(p.tags) {
		return p.tags[src]
	}
	return ""
}
