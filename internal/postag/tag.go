package postag

import "math/bits"

// The tags prose gives the two positions before a sentence.
const (
	start1 = "-START-"
	start2 = "-START2-"
)

// Scratch holds the buffers of one tagging call, reused by the next: with one per
// goroutine, tagging does not allocate once the buffers have grown. Its zero value is ready.
type Scratch struct {
	tags   []string            // TagAt's tags of its window
	norm   []byte              // the window's context words, normalized, end to end
	off    []int               // context word k of the window is norm[off[k]:off[k+1]]
	base   int                 // the position of the window's first context word
	key    []byte              // the feature key being built
	scores [maxClasses]float64 // by class
	mask   uint64              // the classes that have a score
	ties   int                 // predictions that broke an exact tie, for tests
}

// Tag appends the tags of words, the tokens of one sentence as prose's tokenizer gives
// them, to dst and returns the extended slice. s may be nil.
func (t *Tagger) Tag(dst, words []string, s *Scratch) []string {
	if s == nil {
		s = new(Scratch)
	}
	return t.tagRange(dst, words, 0, len(words), start1, start2, s)
}

// TagAt returns the tag that Tag gives words[i], from as little of the sentence as it
// depends on. A word's tag depends on the words up to two before and two after it and on
// the tags of the two words before it, but the tags of words that the model tags whatever
// their context (such as "the" or ",") depend on nothing. So TagAt starts at the nearest
// position whose two preceding words are such words, or at the sentence start, and tags
// forward to i. s may be nil; TagAt panics if i is not an index of words.
func (t *Tagger) TagAt(words []string, i int, s *Scratch) string {
	if tag, ok := t.fixedTag(words[i]); ok {
		return tag
	}
	if s == nil {
		s = new(Scratch)
	}
	from := t.windowStart(words, i)
	p1, p2 := t.tagBefore(words, from-1), t.tagBefore(words, from-2)
	s.tags = t.tagRange(s.tags[:0], words, from, i+1, p1, p2, s)
	return s.tags[len(s.tags)-1]
}

// windowStart returns the last position at or before i whose two preceding positions
// (those at or after the sentence start) hold words with fixed tags.
func (t *Tagger) windowStart(words []string, i int) int {
	from := i
	for from > 0 {
		if _, ok := t.fixedTag(words[from-1]); !ok {
			from--
			continue
		}
		if from == 1 {
			break
		}
		if _, ok := t.fixedTag(words[from-2]); ok {
			break
		}
		from -= 2
	}
	return from
}

// tagBefore returns the fixed tag of words[k], or, before the sentence (k < 0), the tag
// prose gives that position: start1 just before, start2 two before.
func (t *Tagger) tagBefore(words []string, k int) string {
	if k < 0 {
		if k == -1 {
			return start1
		}
		return start2
	}
	tag, _ := t.fixedTag(words[k])
	return tag
}

// tagRange appends the tags of words[from:to] to dst, given p1 and p2, the tags of the two
// words before from.
func (t *Tagger) tagRange(dst, words []string, from, to int, p1, p2 string, s *Scratch) []string {
	s.window(words, from, to)
	for k := from; k < to; k++ {
		tag, ok := t.fixedTag(words[k])
		if !ok {
			tag = t.predict(words, k, p1, p2, s)
		}
		dst = append(dst, tag)
		p1, p2 = tag, p1
	}
	return dst
}

// window normalizes the context words that tagging words[from:to] reads: those from two
// before from to two after to-1, with prose's markers before and after the sentence.
func (s *Scratch) window(words []string, from, to int) {
	n := len(words)
	s.base = max(from-2, -2)
	s.norm, s.off = s.norm[:0], append(s.off[:0], 0)
	for k := s.base; k < min(to+2, n+2); k++ {
		switch {
		case k == -2:
			s.norm = append(s.norm, start1...)
		case k == -1:
			s.norm = append(s.norm, start2...)
		case k == n:
			s.norm = append(s.norm, "-END-"...)
		case k == n+1:
			s.norm = append(s.norm, "-END2-"...)
		default:
			s.norm = appendNormal(s.norm, words[k])
		}
		s.off = append(s.off, len(s.norm))
	}
}

// context returns the normalized context word at position k (from -2 to len(words)+1).
func (s *Scratch) context(k int) []byte {
	k -= s.base
	return s.norm[s.off[k]:s.off[k+1]]
}

// predict returns the model's best class for words[k] after tags p1 and p2: the class
// with the highest sum of weights over the word's features, the first in class order on
// an exact tie, or "" when no feature has a weight (as in prose).
func (t *Tagger) predict(words []string, k int, p1, p2 string, s *Scratch) string {
	s.scores, s.mask = [maxClasses]float64{}, 0
	t.addWordFeatures(words[k], s)
	t.addTagFeatures(k, p1, p2, s)
	t.addContextFeatures(k, s)
	return t.best(s)
}

// best returns the best-scoring class among those with a score.
func (t *Tagger) best(s *Scratch) string {
	if s.mask == 0 {
		return ""
	}
	top := bits.TrailingZeros64(s.mask)
	tie := false
	for m := s.mask & (s.mask - 1); m != 0; m &= m - 1 {
		switch c := bits.TrailingZeros64(m); {
		case s.scores[c] > s.scores[top]:
			top, tie = c, false
		case s.scores[c] == s.scores[top]:
			tie = true
		}
	}
	if tie {
		s.ties++
	}
	return t.classes[top]
}

// add adds the weights of the feature whose key is s.key, if the model has it.
func (t *Tagger) add(s *Scratch) {
	if r, ok := t.rows[string(s.key)]; ok {
		t.addRow(r, s)
	}
}

// addRow adds the weights of row r, if r is a row.
func (t *Tagger) addRow(r int32, s *Scratch) {
	if r < 0 {
		return
	}
	nc := len(t.classes)
	row := t.weights[int(r)*nc : int(r)*nc+nc]
	scores := s.scores[:nc]
	for c, w := range row {
		scores[c] += w
	}
	s.mask |= t.masks[r]
}
