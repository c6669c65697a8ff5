package classifiers

import (
	"slices"
	"testing"
)

func TestIDSetFind(t *testing.T) {
	for _, ids := range [][]uint32{{3, 9, 70}, {1, 2, 5, 63, 64, 65, 127, 128, 300, 301, 4000}} {
		s := newIDSet(ids)
		if big := len(ids) >= bitsetMin; (s.bits != nil) != big {
			t.Fatalf("%v: bitset %v, want %v", ids, s.bits != nil, big)
		}
		for id := uint32(0); id < 4100; id++ {
			want, _ := slices.BinarySearch(ids, id)
			if !slices.Contains(ids, id) {
				want = -1
			}
			if got := s.find(id); got != want {
				t.Fatalf("%v: find(%d) = %d, want %d", ids, id, got, want)
			}
		}
	}
}

func TestSeqSetLongestFirst(t *testing.T) {
	b := seqBuilder{}
	for _, seq := range [][]uint32{{4}, {4, 7}, {2, 1}, {4, 8}, {4, 7, 9}, {}} {
		b.add(seq)
	}
	s := b.build()
	got := s.lookup(4)
	want := [][]uint32{{4, 7, 9}, {4, 7}, {4, 8}, {4}}
	if !slices.EqualFunc(got, want, slices.Equal) || s.size != 6-1 || s.lookup(1) != nil {
		t.Fatalf("lookup(4) = %v (size %d), want %v", got, s.size, want)
	}
}
