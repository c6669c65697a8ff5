package classifiers

import "strings"

// post is the working state of one Classify call.
type post struct {
	e        *Engine
	text     string
	toks     []token
	hashtags []span
	hits     []hit
	tags     []string    // part-of-speech tags by token, filled as rules ask
	tagKnown []bool      // by token: whether tags holds the token's tag
	tagged   bool        // whether any sentence was tagged
	tagWords wordScratch // tokenizer buffers for tagging
	quotes   []span
	cues     labelCues
	roleCues []cue       // the speaker's cues by role, for speaker
	words    wordScratch // tokenizer buffers
}

// reset readies a pooled post for text, keeping its buffers.
func (p *post) reset(e *Engine, text string) {
	p.e, p.text, p.tagged, p.quotes = e, text, false, nil
	p.toks, p.hashtags, p.hits, p.tags = p.toks[:0], p.hashtags[:0], p.hits[:0], p.tags[:0]
	p.tagKnown = p.tagKnown[:0]
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
// sentence, prose's tagger runs over that sentence alone, and only as far as token i's tag
// depends on: posts that no tag-needing rule reaches never pay for tagging, and those that
// do pay for part of one sentence.
func (p *post) tag(i int) string {
	if i >= len(p.tagKnown) || !p.tagKnown[i] {
		p.tagThrough(i)
	}
	return p.tags[i]
}

// tagThrough tags tokens of token i's sentence, token i among them, aligning prose's tokens
// by byte offset, and marks those whose tags are now what tagging the whole sentence gives.
//
// prose's tagger works left to right: the tag it computes at a position depends on the
// words up to two tokens after it and on the tags computed before it. But prose's
// tokenizer hands out one token object for every repeat of a white-space-delimited run
// (except the text's last run), so the tag it reports for a token is the one computed at
// the last repeat of its run. So the sentence is cut after the run holding the second token
// after that last repeat: prose tokenizes the prefix into the same first tokens as the
// whole sentence, and every token whose last repeat is the same in the prefix and in the
// sentence and lies before the prefix's last two tokens gets the whole sentence's tag.
func (p *post) tagThrough(i int) {
	p.tagged = true
	for len(p.tags) < len(p.toks) {
		p.tags = append(p.tags, "")
		p.tagKnown = append(p.tagKnown, false)
	}
	first, last := sentenceBounds(p.toks, p.toks[i].sent)
	base := p.toks[first].start
	sub := p.text[base:p.toks[last].end]
	cut := len(sub)
	words := p.e.a.proseWords(sub, &p.tagWords)
	runs := p.tagWords.runs
	exact := len(runs) == len(words)
	if exact {
		if k := tagSource(p.toks, first, last, base, sub, words, i); k >= 0 {
			if l := lastRepeat(sub, runs, k, len(runs)); l+2 < len(words) {
				cut = runs[l+2].end
			}
		}
	}
	pts := p.e.a.proseTokens(sub[:cut], true)
	m := len(pts) // pts are words[:m]
	valid := func(k int) bool {
		if cut == len(sub) {
			return true
		}
		l := lastRepeat(sub, runs, k, len(runs))
		return l <= m-3 && lastRepeat(sub, runs, k, m) == l
	}
	cursor, j := 0, first
	for k, pt := range pts {
		s, e, ok := align(sub, cursor, pt.Text)
		if !ok {
			continue
		}
		cursor = e
		ok = valid(k)
		for ; j <= last && p.toks[j].start < base+e; j++ {
			if !ok {
				continue
			}
			if p.toks[j].start >= base+s {
				p.tags[j] = pt.Tag
			}
			p.tagKnown[j] = true
		}
	}
	if cut == len(sub) {
		for j := first; j <= last; j++ {
			p.tagKnown[j] = true
		}
	}
}

// lastRepeat returns the position of the last token that shares prose's token object with
// token k, among the first n tokens of text (n is len(runs) for the whole text): the token
// at the same place in the last repeat of k's run, if neither is the last of those tokens'
// runs; k itself when k's run is the last.
func lastRepeat(text string, runs []span, k, n int) int {
	lastRun := runs[n-1]
	if runs[k] == lastRun {
		return k
	}
	key := sanitizeRun(text[runs[k].start:runs[k].end])
	off := k
	for off > 0 && runs[off-1] == runs[k] {
		off--
	}
	off = k - off // place of k within its run
	l := k
	for q := k + 1; q < n; q++ {
		if runs[q] == lastRun {
			break
		}
		if runs[q] != runs[q-1] && q+off < n && runs[q+off] == runs[q] &&
			sanitizeRun(text[runs[q].start:runs[q].end]) == key {
			l = q + off
		}
	}
	return l
}

// sanitizeRun is prose's sanitizer, which runs before its tokenizer caches runs by text.
var runSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

func sanitizeRun(s string) string { return runSanitizer.Replace(s) }

// tagSource returns the index of the prose token (among words, the tokens of sub) that
// token i takes its tag from in tagThrough's alignment, or -1 when no prose token does.
func tagSource(toks []token, first, last, base int, sub string, words []string, i int) int {
	cursor, j := 0, first
	for k, w := range words {
		_, e, ok := align(sub, cursor, w)
		if !ok {
			continue
		}
		cursor = e
		for ; j <= last && toks[j].start < base+e; j++ {
			if j == i {
				return k
			}
		}
	}
	return -1
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
