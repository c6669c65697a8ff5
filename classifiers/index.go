package classifiers

// firstIndex holds the patterns that can start at one token, split by the token that must
// follow it, so a common first word ("i", "we") does not try every pattern that starts with it.
type firstIndex struct {
	any      []*cpattern            // patterns whose second token is not fixed
	bySecond map[uint32][]*cpattern // second token id -> patterns
}

// indexBuilder builds the pattern index. Patterns are added in order; the lists of
// patterns by first and second token are made at the end, by counting, as slices of one
// array.
type indexBuilder struct {
	index   []firstIndex
	pats    []*cpattern // in the order added
	pending [][]filing  // by first token: its filings in the order added; nil when none fixed
	seen    []int32     // by second token: the last filing call that filed under it
	call    int32       // the current filing call: one pattern and one first token
}

// filing files the pattern pats[pat] under a second token.
type filing struct {
	second uint32
	pat    int32
}

// add files cp under each token it can start with.
func (b *indexBuilder) add(cp *cpattern) {
	pat := int32(len(b.pats))
	b.pats = append(b.pats, cp)
	set := cp.elems[0].set
	for k, first := range set.firsts.ids {
		if n := int(first) + 1 - len(b.index); n > 0 {
			b.index = append(b.index, make([]firstIndex, n)...)
			b.pending = append(b.pending, make([][]filing, n)...)
		}
		if !fixedSecond(cp, set.seqs[k]) {
			b.index[first].any = append(b.index[first].any, cp)
			continue
		}
		if b.pending[first] == nil {
			b.pending[first] = []filing{}
		}
		b.call++
		b.fileFixed(cp, pat, first, set.seqs[k])
	}
}

// fileFixed files cp, whose matches start with one of seqs, under each token that can
// follow: the second word of a sequence, or a first word of the next element after a
// one-word sequence.
func (b *indexBuilder) fileFixed(cp *cpattern, pat int32, first uint32, seqs [][]uint32) {
	needNext := false
	for _, seq := range seqs {
		if len(seq) >= 2 {
			b.file(first, seq[1], pat)
		} else {
			needNext = true
		}
	}
	if needNext {
		for _, second := range cp.elems[1].set.firsts.ids {
			b.file(first, second, pat)
		}
	}
}

// file files pattern pat under first and second, once.
func (b *indexBuilder) file(first, second uint32, pat int32) {
	if n := int(second) + 1 - len(b.seen); n > 0 {
		b.seen = append(b.seen, make([]int32, n)...)
	}
	if b.seen[second] == b.call {
		return
	}
	b.seen[second] = b.call
	b.pending[first] = append(b.pending[first], filing{second, pat})
}

// fixedSecond reports whether the token after the first in a match of cp starting with one
// of seqs comes from a word set (the second word of a sequence or the next element); it is
// not when a one-word sequence is followed by a wildcard, a tag or nothing.
func fixedSecond(cp *cpattern, seqs [][]uint32) bool {
	for _, seq := range seqs {
		if len(seq) < 2 {
			return len(cp.elems) >= 2 && cp.elems[1].set != nil
		}
	}
	return true
}

// build returns the index: under each first token, the patterns filed under each second
// token in the order they were added, sorted into place by counting.
func (b *indexBuilder) build() []firstIndex {
	total := 0
	for _, pend := range b.pending {
		total += len(pend)
	}
	all := make([]*cpattern, total)
	count := make([]int32, len(b.seen)) // by second token, within one first
	next := make([]int32, len(b.seen))  // by second token: its next place in all
	off := int32(0)
	var seconds []uint32
	for first, pend := range b.pending {
		if pend == nil {
			continue
		}
		seconds = seconds[:0]
		for _, f := range pend {
			if count[f.second] == 0 {
				seconds = append(seconds, f.second)
			}
			count[f.second]++
		}
		for _, s := range seconds {
			next[s], off = off, off+count[s]
		}
		for _, f := range pend {
			all[next[f.second]] = b.pats[f.pat]
			next[f.second]++
		}
		m := make(map[uint32][]*cpattern, len(seconds))
		for _, s := range seconds {
			end := next[s]
			m[s] = all[end-count[s] : end : end]
			count[s] = 0
		}
		b.index[first].bySecond = m
	}
	return b.index
}

// tryIndexed runs the patterns filed under word id (flagged fIndexed) that can start at
// token i: those whose second token is free, then those filed under the next token's norm,
// then under its short form.
func (e *Engine) tryIndexed(p *post, id uint32, i int) {
	fi := &e.index[id]
	e.tryAll(p, fi.any, i)
	if i+1 >= len(p.toks) || fi.bySecond == nil {
		return
	}
	next := &p.toks[i+1]
	if next.id != 0 {
		e.tryAll(p, fi.bySecond[next.id], i)
	}
	if next.altID != 0 {
		e.tryAll(p, fi.bySecond[next.altID], i)
	}
}
