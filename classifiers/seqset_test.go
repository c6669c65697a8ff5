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

// TestThirdTokenFilter checks that the third-token filter never turns away a pattern that
// matches: at every token of the test posts, no pattern that it turns away matches.
func TestThirdTokenFilter(t *testing.T) {
	e := testEngine(t)
	pats := indexedPatterns(e)
	filtered := 0
	for _, text := range append(benchPosts(), hardPosts()...) {
		p := e.getPost(cleanText(text))
		p.toks, p.hashtags = e.a.tokenizeWith(p.text, p.toks, p.hashtags, &p.words)
		e.flagWords(p.toks)
		for i := range p.toks {
			for _, cp := range pats {
				if thirdFits(p, cp, i) {
					continue
				}
				filtered++
				if _, ok := matchElems(p, cp.elems, i, p.toks[i].sent); ok {
					t.Fatalf("%s: the filter turns away a match at token %d of %q", cp.ref, i, text)
				}
			}
		}
		e.posts.Put(p)
	}
	if filtered == 0 {
		t.Fatal("the filter turned nothing away")
	}
}

// indexedPatterns lists every pattern in the engine's index once.
func indexedPatterns(e *Engine) []*cpattern {
	seen := map[*cpattern]bool{}
	var out []*cpattern
	add := func(l []*cpattern) {
		for _, cp := range l {
			if !seen[cp] {
				seen[cp] = true
				out = append(out, cp)
			}
		}
	}
	for id := range e.index {
		add(e.index[id].any)
		for _, l := range e.index[id].bySecond {
			add(l)
		}
	}
	return out
}
