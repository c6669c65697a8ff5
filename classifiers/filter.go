package classifiers

import "slices"

// filterPos is the token offset, after the two the index keys on, whose word tryAll checks
// before matching a pattern.
const filterPos = 2

// thirdTokens returns the words that a match of cp can have at token offset filterPos, or
// nil when some match has a token there that no word set fixes, or ends before it.
func thirdTokens(cp *cpattern) *idSet {
	var ids []uint32
	if !idsAt(cp.elems, filterPos, &ids) {
		return nil
	}
	slices.Sort(ids)
	s := newIDSet(slices.Compact(ids))
	return &s
}

// idsAt adds to ids the words that a match of elems can have at token offset pos and
// reports whether every match has a word from a word set there.
func idsAt(elems []celem, pos int, ids *[]uint32) bool {
	if len(elems) == 0 || elems[0].set == nil {
		return false
	}
	var rest [filterPos]bool // offsets into the next element
	for _, seqs := range elems[0].set.seqs {
		for _, seq := range seqs {
			if pos < len(seq) {
				*ids = append(*ids, seq[pos])
			} else {
				rest[pos-len(seq)] = true
			}
		}
	}
	for r, need := range rest {
		if need && !idsAt(elems[1:], r, ids) {
			return false
		}
	}
	return true
}

// thirdFits reports whether the token at filterPos after token i can be cp's.
func thirdFits(p *post, cp *cpattern, i int) bool {
	if cp.third == nil {
		return true
	}
	j := i + filterPos
	if j >= len(p.toks) {
		return false
	}
	t := &p.toks[j]
	return cp.third.has(t.id) || (t.altID != 0 && cp.third.has(t.altID))
}
