package classifiers

import (
	"slices"
	"testing"

	"github.com/allystream/allystream/lexicons"
)

// TestIndexBuild checks the counted index against lists built the plain way: every pattern
// appended, in order, to the list of each (first, second) it can start with, once.
func TestIndexBuild(t *testing.T) {
	set, err := lexicons.Load("")
	if err != nil {
		t.Fatal(err)
	}
	c := &compiler{a: &analyzer{}, lists: map[string]*seqSet{}, set: set, vocab: newVocabulary()}
	want := map[[2]uint32][]*cpattern{}
	for _, name := range labelOrder {
		for _, r := range set.Label(name).Rules {
			if r.Kind == lexicons.KindShout {
				continue
			}
			cr := &crule{Rule: r}
			for _, p := range append(slices.Clone(r.Match), r.With...) {
				cp := c.pattern(p, cr, false)
				c.index.add(cp)
				addPlain(want, cp)
			}
		}
	}
	index := c.index.build()
	n := 0
	for first := range index {
		for second, got := range index[first].bySecond {
			n++
			if w := want[[2]uint32{uint32(first), second}]; !slices.Equal(got, w) {
				t.Fatalf("first %d second %d: %d patterns, want %d", first, second, len(got), len(w))
			}
		}
	}
	if n != len(want) || n == 0 {
		t.Fatalf("%d lists, want %d", n, len(want))
	}
}

func addPlain(lists map[[2]uint32][]*cpattern, cp *cpattern) {
	set := cp.elems[0].set
	for k, first := range set.firsts.ids {
		if !fixedSecond(cp, set.seqs[k]) {
			continue
		}
		var seconds []uint32
		for _, seq := range set.seqs[k] {
			if len(seq) >= 2 {
				seconds = append(seconds, seq[1])
			} else {
				seconds = append(seconds, cp.elems[1].set.firsts.ids...)
			}
		}
		for _, s := range seconds {
			key := [2]uint32{first, s}
			if !slices.Contains(lists[key], cp) {
				lists[key] = append(lists[key], cp)
			}
		}
	}
}
