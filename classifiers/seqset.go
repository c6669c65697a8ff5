package classifiers

import (
	"math/bits"
	"slices"
	"sort"
)

// vocabulary interns every word the compiled lexicons compare tokens against into a dense
// id. Id 0 stands for every word not in the lexicons.
type vocabulary struct {
	ids   map[string]uint32
	words []string // by id; words[0] is ""
}

func newVocabulary() *vocabulary {
	return &vocabulary{ids: map[string]uint32{}, words: []string{""}}
}

// intern returns the id of w, adding w if it is new.
func (v *vocabulary) intern(w string) uint32 {
	if id, ok := v.ids[w]; ok {
		return id
	}
	id := uint32(len(v.words))
	v.ids[w] = id
	v.words = append(v.words, w)
	return id
}

// bitsetMin is the size from which an idSet keeps a bitset: smaller sets are scanned.
const bitsetMin = 8

// idSet is a set of word ids: an ascending slice and, once the set is large, a bitset with
// the rank of each of its words, so that finding an id costs a short scan or one bit test.
type idSet struct {
	mask uint64   // bit id%64 is set for every id in the set: a clear bit rules id out at once
	ids  []uint32 // ascending, distinct
	bits []uint64 // bit id%64 of word id/64 is set when id is in the set; nil when small
	rank []uint32 // rank[w]: the number of ids below 64*w
}

// newIDSet makes a set of ids, which must be ascending and distinct.
func newIDSet(ids []uint32) idSet {
	s := idSet{ids: ids}
	for _, id := range ids {
		s.mask |= 1 << (id & 63)
	}
	if len(ids) < bitsetMin {
		return s
	}
	s.bits = make([]uint64, ids[len(ids)-1]>>6+1)
	s.rank = make([]uint32, len(s.bits))
	for _, id := range ids {
		s.bits[id>>6] |= 1 << (id & 63)
	}
	n := 0
	for w, b := range s.bits {
		s.rank[w] = uint32(n)
		n += bits.OnesCount64(b)
	}
	return s
}

// find returns the position of id among the set's ids, or -1.
func (s *idSet) find(id uint32) int {
	if s.mask&(1<<(id&63)) == 0 {
		return -1
	}
	if s.bits == nil {
		for k, x := range s.ids {
			if x == id {
				return k
			}
		}
		return -1
	}
	w := int(id >> 6)
	if w >= len(s.bits) {
		return -1
	}
	b, bit := s.bits[w], uint64(1)<<(id&63)
	if b&bit == 0 {
		return -1
	}
	return int(s.rank[w]) + bits.OnesCount64(b&(bit-1))
}

// has reports whether id is in the set.
func (s *idSet) has(id uint32) bool { return s.find(id) >= 0 }

// seqSet is a set of token sequences (word ids) grouped by their first token.
type seqSet struct {
	firsts idSet        // the distinct first tokens
	seqs   [][][]uint32 // seqs[k]: the sequences that start with firsts.ids[k], longest first
	size   int          // number of sequences
	only   uint32       // the first token when there is one (most sets), else 0
}

// lookup returns the sequences that start with word id (not 0), longest first.
func (s *seqSet) lookup(id uint32) [][]uint32 {
	if s.only != 0 {
		if id == s.only {
			return s.seqs[0]
		}
		return nil
	}
	if k := s.firsts.find(id); k >= 0 {
		return s.seqs[k]
	}
	return nil
}

// seqBuilder collects the sequences of a seqSet in insertion order.
type seqBuilder map[uint32][][]uint32

func (b seqBuilder) add(seq []uint32) {
	if len(seq) == 0 {
		return
	}
	b[seq[0]] = append(b[seq[0]], seq)
}

// build makes the set. Sequences with the same first token keep their insertion order
// among those of the same length, the longest first, so matching prefers the longest.
func (b seqBuilder) build() *seqSet {
	firsts := make([]uint32, 0, len(b))
	for id := range b {
		firsts = append(firsts, id)
	}
	slices.Sort(firsts)
	s := &seqSet{firsts: newIDSet(firsts), seqs: make([][][]uint32, len(firsts))}
	for k, id := range firsts {
		seqs := b[id]
		sort.SliceStable(seqs, func(i, j int) bool { return len(seqs[i]) > len(seqs[j]) })
		s.seqs[k] = seqs
		s.size += len(seqs)
	}
	if len(firsts) == 1 {
		s.only = firsts[0]
	}
	return s
}
