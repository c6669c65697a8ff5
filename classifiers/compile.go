package classifiers

import (
	"sort"
	"strings"

	"github.com/allystream/allystream/lexicons"
)

// maxJoined caps how many space-less forms one pattern adds to the hashtag index.
const maxJoined = 512

// crule is a lexicon rule bound to the engine's label index.
type crule struct {
	*lexicons.Rule
	label int    // index into labelOrder
	ref   string // evidence rule reference for cues without a pattern: "file:line id"
}

// celem is a compiled pattern element.
type celem struct {
	kind lexicons.ElemKind
	set  *seqSet // words and lists
	tag  string  // part-of-speech prefix
}

// cpattern is one compiled match or with entry of a rule.
type cpattern struct {
	elems []celem
	rule  *crule
	ref   string // evidence rule reference: "file:line id"
	with  bool   // the with side of a near rule
}

// seqSet is a set of token sequences keyed by their first token.
type seqSet struct {
	byFirst map[string][][]string
}

func (s *seqSet) add(seq []string) {
	if len(seq) == 0 {
		return
	}
	s.byFirst[seq[0]] = append(s.byFirst[seq[0]], seq)
}

// sortLongestFirst makes matching prefer the longest sequence.
func (s *seqSet) sortLongestFirst() {
	for _, seqs := range s.byFirst {
		sort.SliceStable(seqs, func(i, j int) bool { return len(seqs[i]) > len(seqs[j]) })
	}
}

// compiler turns a lexicon set into matcher tables, tokenizing lexicon words with the same
// analyzer that tokenizes posts, so "can't" in a lexicon matches "can't" in a post.
type compiler struct {
	a     *analyzer
	lists map[string]*seqSet
	set   *lexicons.Set
}

// words tokenizes a lexicon phrase into the token norms a post would have.
func (c *compiler) words(phrase string) []string {
	if strings.HasPrefix(phrase, "#") && !strings.Contains(phrase, " ") {
		return []string{strings.ToLower(phrase)}
	}
	toks, _ := c.a.tokenize(phrase, nil, nil)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.matchable() {
			out = append(out, t.norm)
		}
	}
	return out
}

func (c *compiler) list(name string) *seqSet {
	if s, ok := c.lists[name]; ok {
		return s
	}
	s := &seqSet{byFirst: map[string][][]string{}}
	if l := c.set.List(name); l != nil {
		for _, e := range l.Entries {
			s.add(c.words(e.Text))
		}
	}
	s.sortLongestFirst()
	c.lists[name] = s
	return s
}

func (c *compiler) pattern(p lexicons.Pattern, r *crule, with bool) *cpattern {
	cp := &cpattern{rule: r, with: with, ref: p.Pos.String() + " " + r.ID}
	for _, e := range p.Elems {
		ce := celem{kind: e.Kind, tag: e.Tag}
		switch e.Kind {
		case lexicons.ElemWords:
			ce.set = &seqSet{byFirst: map[string][][]string{}}
			for _, alt := range e.Alts {
				ce.set.add(c.words(alt))
			}
			ce.set.sortLongestFirst()
		case lexicons.ElemList:
			ce.set = c.list(e.List)
		}
		cp.elems = append(cp.elems, ce)
	}
	return cp
}

// wordSet returns the single-token entries of a word list as a set.
func (c *compiler) wordSet(name string) map[string]bool {
	out := map[string]bool{}
	for first, seqs := range c.list(name).byFirst {
		for _, s := range seqs {
			if len(s) == 1 {
				out[first] = true
			}
		}
	}
	return out
}

// joinedForms lists the space-less forms of a pattern made only of words and lists, for
// matching lower-case hashtags (#checkyourprivilege).
func joinedForms(p *cpattern) []string {
	if !joinableWithin(p, maxJoined) {
		return nil
	}
	forms := []string{""}
	for _, e := range p.elems {
		var next []string
		for _, seqs := range e.set.byFirst {
			for _, seq := range seqs {
				for _, f := range forms {
					next = append(next, f+joinKey(strings.Join(seq, "")))
				}
			}
		}
		forms = next
	}
	return forms
}

// joinableWithin reports whether every element of p is a word set and the number of joined
// forms (the product of the sets' sizes) is at most limit. It counts before building, so a
// pattern over two large lists costs nothing at start-up.
func joinableWithin(p *cpattern, limit int) bool {
	n := 1
	for _, e := range p.elems {
		if e.set == nil {
			return false
		}
		size := 0
		for _, seqs := range e.set.byFirst {
			size += len(seqs)
		}
		if n *= size; n > limit {
			return false
		}
	}
	return true
}

// joinKey drops the characters hashtags cannot hold.
func joinKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\'' || r == '-' || r == '_' || r == ' ' || r == '.' {
			return -1
		}
		return r
	}, s)
}
