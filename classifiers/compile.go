package classifiers

import (
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
	set  *seqSet // words and lists, with their inflections (inflect.go)
	join *seqSet // the same as written, for the space-less forms hashtags are matched to
	tag  string  // part-of-speech prefix
}

// cpattern is one compiled match or with entry of a rule.
type cpattern struct {
	elems []celem
	rule  *crule
	ref   string // evidence rule reference: "file:line id"
	with  bool   // the with side of a near rule
	third *idSet // the words a match can have as its third token, or nil when not only words
}

// compiler turns a lexicon set into matcher tables, tokenizing lexicon words with the same
// analyzer that tokenizes posts, so "can't" in a lexicon matches "can't" in a post. It
// interns every lexicon word into its vocabulary and collects the pattern index.
type compiler struct {
	a           *analyzer
	lists       map[string]*seqSet // word lists as written
	inflected   map[string]*seqSet // word lists with their inflections, for patterns
	uninflected map[string]bool    // words never inflected (uninflected.txt)
	known       map[string]bool    // every word the lexicons name (loadKnown)
	set         *lexicons.Set
	vocab       *vocabulary
	index       indexBuilder
}

// words tokenizes a lexicon phrase into the ids of the token norms a post would have. A
// token with an empty norm (a lone variation selector) is no word.
func (c *compiler) words(phrase string) []uint32 {
	if strings.HasPrefix(phrase, "#") && !strings.Contains(phrase, " ") {
		return []uint32{c.vocab.intern(strings.ToLower(phrase))}
	}
	toks, _ := c.a.tokenize(phrase, nil, nil)
	out := make([]uint32, 0, len(toks))
	for _, t := range toks {
		if t.matchable() && t.norm != "" {
			out = append(out, c.vocab.intern(t.norm))
		}
	}
	return out
}

func (c *compiler) list(name string) *seqSet {
	if s, ok := c.lists[name]; ok {
		return s
	}
	b := seqBuilder{}
	if l := c.set.List(name); l != nil {
		for _, e := range l.Entries {
			b.add(c.words(e.Text))
		}
	}
	s := b.build()
	c.lists[name] = s
	return s
}

// inflectedList is list name with the inflections of its entries, for patterns.
func (c *compiler) inflectedList(name string) *seqSet {
	if s, ok := c.inflected[name]; ok {
		return s
	}
	if c.uninflected["list:"+name] {
		return c.list(name)
	}
	b, seen := seqBuilder{}, map[string]bool{}
	if l := c.set.List(name); l != nil {
		for _, e := range l.Entries {
			c.inflectedSeqs(b, seen, c.words(e.Text), true)
		}
	}
	s := b.build()
	if c.inflected == nil {
		c.inflected = map[string]*seqSet{}
	}
	c.inflected[name] = s
	return s
}

// loadUninflected reads the words never inflected.
func (c *compiler) loadUninflected() {
	c.uninflected = map[string]bool{}
	if l := c.set.List("uninflected"); l != nil {
		for _, e := range l.Entries {
			c.uninflected[e.Text] = true
		}
	}
}

func (c *compiler) pattern(p lexicons.Pattern, r *crule, with bool) *cpattern {
	cp := &cpattern{rule: r, with: with, ref: p.Pos.String() + " " + r.ID}
	for _, e := range p.Elems {
		ce := celem{kind: e.Kind, tag: e.Tag}
		switch e.Kind {
		case lexicons.ElemWords:
			b, plain, seen := seqBuilder{}, seqBuilder{}, map[string]bool{}
			for _, alt := range e.Alts {
				seq := c.words(alt)
				plain.add(seq)
				c.inflectedSeqs(b, seen, seq, len(p.Elems) == 1)
			}
			ce.set, ce.join = b.build(), plain.build()
		case lexicons.ElemList:
			ce.set, ce.join = c.inflectedList(e.List), c.list(e.List)
		}
		cp.elems = append(cp.elems, ce)
	}
	return cp
}

// wordSet returns the ids of the single-token entries of a word list.
func (c *compiler) wordSet(name string) []uint32 {
	s := c.list(name)
	var out []uint32
	for k, seqs := range s.seqs {
		for _, seq := range seqs {
			if len(seq) == 1 {
				out = append(out, s.firsts.ids[k])
				break
			}
		}
	}
	return out
}

// joinedForms lists the space-less forms of a pattern made only of words and lists, for
// matching lower-case hashtags (#checkyourprivilege); words maps ids to words.
func joinedForms(p *cpattern, words []string) []string {
	if !joinableWithin(p, maxJoined) {
		return nil
	}
	forms := []string{""}
	var b strings.Builder
	for _, e := range p.elems {
		next := make([]string, 0, len(forms)*e.join.size)
		for _, seqs := range e.join.seqs {
			for _, seq := range seqs {
				b.Reset()
				for _, id := range seq {
					b.WriteString(words[id])
				}
				key := joinKey(b.String())
				for _, f := range forms {
					next = append(next, f+key)
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
		if e.join == nil {
			return false
		}
		if n *= e.join.size; n > limit {
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
