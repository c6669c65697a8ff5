package classifiers

// firstIndex holds the patterns that can start at one token, split by the token that must
// follow it, so a common first word ("i", "we") does not try every pattern that starts with it.
type firstIndex struct {
	any      []*cpattern            // patterns whose second token is not fixed
	bySecond map[uint32][]*cpattern // second token id -> patterns
}

// indexPattern files cp under each token it can start with.
func (e *Engine) indexPattern(cp *cpattern) {
	set := cp.elems[0].set
	for k, first := range set.firsts.ids {
		if int(first) >= len(e.index) {
			e.index = append(e.index, make([]firstIndex, int(first)+1-len(e.index))...)
		}
		fi := &e.index[first]
		if fixedSecond(cp, set.seqs[k]) {
			fi.fileFixed(cp, set.seqs[k])
		} else {
			fi.any = append(fi.any, cp)
		}
	}
}

// fileFixed files cp, whose matches start with one of seqs, under each token that can
// follow: the second word of a sequence, or a first word of the next element after a
// one-word sequence.
func (fi *firstIndex) fileFixed(cp *cpattern, seqs [][]uint32) {
	if fi.bySecond == nil {
		fi.bySecond = map[uint32][]*cpattern{}
	}
	needNext := false
	for _, seq := range seqs {
		if len(seq) >= 2 {
			fi.file(seq[1], cp)
		} else {
			needNext = true
		}
	}
	if needNext {
		for _, second := range cp.elems[1].set.firsts.ids {
			fi.file(second, cp)
		}
	}
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

// file adds cp to the patterns filed under second, once: patterns are indexed one at a
// time, so an earlier filing of cp is the last in the list.
func (fi *firstIndex) file(second uint32, cp *cpattern) {
	list := fi.bySecond[second]
	if n := len(list); n > 0 && list[n-1] == cp {
		return
	}
	fi.bySecond[second] = append(list, cp)
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
