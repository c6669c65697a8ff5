package classifiers

import (
	"fmt"
	"sync"

	"github.com/allystream/allystream/lexicons"
)

// Version is the classifier version written into every record (semver).
const Version = "0.5.0"

// Engine classifies posts. It is immutable after New and safe for concurrent use by many
// goroutines.
type Engine struct {
	set        *lexicons.Set
	a          *analyzer
	index      map[string]*firstIndex // first token -> patterns that can start there
	joined     map[string][]*cpattern // space-less phrase -> patterns, for hashtags
	shouts     []*crule
	thresholds [numLabels]float64
	words      wordSets
	vocab      map[string]wordFlag // every word in index or words, with its flags
	posts      sync.Pool           // *post working buffers, reused across calls
}

// wordSets are the word lists the engine reads directly.
type wordSets struct {
	negators, negExceptions, first, third, reporting, linking, english, capsExempt map[string]bool
}

// New builds an Engine from a loaded lexicon set: it loads the part-of-speech tagger's
// model (prose's) once and compiles every rule into a token-indexed matcher.
func New(set *lexicons.Set) (*Engine, error) {
	if set == nil {
		return nil, fmt.Errorf("new classifier engine: nil lexicon set")
	}
	// the tagger's model takes about as long to load as the rules take to compile, and the
	// compiler only tokenizes (no model needed), so the two run side by side.
	tagger := loadTaggerAsync()
	a := &analyzer{}
	e := &Engine{set: set, a: a, index: map[string]*firstIndex{}, joined: map[string][]*cpattern{}}
	c := &compiler{a: a, lists: map[string]*seqSet{}, set: set}
	for i, name := range labelOrder {
		l := set.Label(name)
		if l == nil {
			return nil, fmt.Errorf("new classifier engine: lexicons have no label %q", name)
		}
		e.thresholds[i] = l.Threshold
		e.addRules(c, l, i)
	}
	e.words = wordSets{
		negators: c.wordSet("negators"), negExceptions: c.wordSet("negation_exceptions"),
		first: c.wordSet("first_person"), third: c.wordSet("third_person"),
		reporting: c.wordSet("reporting_verbs"), linking: c.wordSet("linking_verbs"),
		english:    c.wordSet("english"),
		capsExempt: c.wordSet("caps_exempt"),
	}
	e.internVocabulary()
	m := <-tagger
	if m.err != nil {
		return nil, fmt.Errorf("new classifier engine: load tagger: %w", m.err)
	}
	a.tagger = m.tagger
	return e, nil
}

// internVocabulary builds vocab and adds every word the engine looks up to the
// normalization intern table.
func (e *Engine) internVocabulary() {
	e.vocab = map[string]wordFlag{}
	for w := range e.index {
		e.vocab[w] |= fIndexed
	}
	for _, s := range []struct {
		set  map[string]bool
		flag wordFlag
	}{
		{e.words.english, fEnglish}, {e.words.negators, fNegator}, {e.words.negExceptions, fNegException},
		{e.words.first, fFirst}, {e.words.third, fThird}, {e.words.reporting, fReporting},
		{e.words.linking, fLinking}, {e.words.capsExempt, fCapsExempt},
	} {
		for w, ok := range s.set {
			if ok {
				e.vocab[w] |= s.flag
			}
		}
	}
	words := make(map[string]bool, len(e.vocab))
	for w := range e.vocab {
		words[w] = true
	}
	addInterned(words)
}

// flagWords sets the word flags of every token.
func (e *Engine) flagWords(toks []token) {
	for i := range toks {
		t := &toks[i]
		t.flags, t.altFlags = e.vocab[t.norm], 0
		if t.alt != "" {
			t.altFlags = e.vocab[t.alt]
		}
	}
}

func (e *Engine) addRules(c *compiler, l *lexicons.Label, label int) {
	for _, r := range l.Rules {
		cr := &crule{Rule: r, label: label, ref: r.Pos.String() + " " + r.ID}
		if r.Kind == lexicons.KindShout {
			e.shouts = append(e.shouts, cr)
			continue
		}
		for _, p := range r.Match {
			e.addPattern(c.pattern(p, cr, false))
		}
		for _, p := range r.With {
			e.addPattern(c.pattern(p, cr, true))
		}
	}
}

func (e *Engine) addPattern(cp *cpattern) {
	e.indexPattern(cp)
	for _, f := range joinedForms(cp) {
		e.joined[f] = append(e.joined[f], cp)
	}
}

// LexiconVersion is the content hash of the lexicons the engine was built from.
func (e *Engine) LexiconVersion() string { return e.set.Version() }

// Classify labels one post. It never panics and never returns offsets outside Result.Text:
// should a bug panic inside, the post comes back with every label absent.
func (e *Engine) Classify(text string) (r Result) {
	clean := cleanText(text)
	defer func() {
		if recover() != nil {
			r = emptyResult(clean, true)
		}
	}()
	return e.classify(clean)
}

// classify labels a cleaned post; unlike Classify it lets a panic through, so the fuzz
// test sees bugs.
func (e *Engine) classify(clean string) Result {
	r := emptyResult(clean, true)
	p := e.getPost(clean)
	defer e.posts.Put(p)
	p.toks, p.hashtags = e.a.tokenizeWith(p.text, p.toks, p.hashtags, &p.words)
	e.flagWords(p.toks)
	if !e.isEnglish(p) {
		return emptyResult(clean, false)
	}
	e.findHits(p)
	e.score(p, &r)
	return r
}

func (e *Engine) getPost(text string) *post {
	p, _ := e.posts.Get().(*post)
	if p == nil {
		p = &post{toks: make([]token, 0, 64)}
	}
	p.reset(e, text)
	return p
}

// emptyResult is a result with every label absent and the speaker unknown.
func emptyResult(text string, english bool) Result {
	r := Result{Text: text, Language: Language{Code: "und"}}
	if english {
		r.Language = Language{Code: "en", Supported: true}
	}
	r.Speaker = SpeakerResult{Role: RoleUnknown, Evidence: []Evidence{}}
	for i := 0; i < speakerIdx; i++ {
		labelResult(&r, i).Evidence = []Evidence{}
	}
	return r
}
