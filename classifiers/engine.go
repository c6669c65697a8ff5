package classifiers

import (
	"fmt"
	"sync"

	"github.com/allystream/allystream/lexicons"
)

// Version is the classifier version written into every record (semver).
const Version = "0.6.0"

// Engine classifies posts. It is immutable after New and safe for concurrent use by many
// goroutines.
type Engine struct {
	set        *lexicons.Set
	a          *analyzer
	index      []firstIndex           // by first token id: patterns that can start there
	joined     map[string][]*cpattern // space-less phrase -> patterns, for hashtags
	shouts     []*crule
	thresholds [numLabels]float64
	vocab      map[string]uint32 // every word the lexicons compare tokens against -> its id
	flags      []wordFlag        // by word id: the word lists and index that hold the word
	masks      []maskable        // the words writers mask, for masked.go
	posts      sync.Pool         // *post working buffers, reused across calls
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
	e := &Engine{set: set, a: a, joined: map[string][]*cpattern{}}
	c := &compiler{a: a, lists: map[string]*seqSet{}, inflected: map[string]*seqSet{}, set: set, vocab: newVocabulary()}
	c.loadUninflected()
	c.loadKnown()
	for i, name := range labelOrder {
		l := set.Label(name)
		if l == nil {
			return nil, fmt.Errorf("new classifier engine: lexicons have no label %q", name)
		}
		e.thresholds[i] = l.Threshold
		e.addRules(c, l, i)
	}
	e.index = c.index.build()
	e.internVocabulary(c)
	e.loadMaskable()
	m := <-tagger
	if m.err != nil {
		return nil, fmt.Errorf("new classifier engine: load tagger: %w", m.err)
	}
	a.tagger = m.tagger
	return e, nil
}

// internVocabulary takes the compiler's vocabulary, once every lexicon word is in it, flags
// every word, and adds every word to the normalization intern table.
func (e *Engine) internVocabulary(c *compiler) {
	flagged := wordFlags(c)
	e.vocab = c.vocab.ids
	e.flags = make([]wordFlag, len(c.vocab.words))
	for id, f := range flagged {
		e.flags[id] |= f
	}
	for id := range e.index {
		if fi := &e.index[id]; fi.any != nil || fi.bySecond != nil {
			e.flags[id] |= fIndexed
		}
	}
	words := make(map[string]bool, len(e.vocab))
	for w := range e.vocab {
		words[w] = true
	}
	addInterned(words)
}

// wordFlags returns the ids and flags of the words the engine's context checks read: the
// single words of its word lists and the first-person pronouns. It interns them.
func wordFlags(c *compiler) map[uint32]wordFlag {
	out := map[uint32]wordFlag{}
	for _, l := range [...]struct {
		name string
		flag wordFlag
	}{
		{"english", fEnglish}, {"negators", fNegator}, {"negation_exceptions", fNegException},
		{"first_person", fFirst}, {"third_person", fThird}, {"reporting_verbs", fReporting},
		{"linking_verbs", fLinking}, {"caps_exempt", fCapsExempt}, {"self_part", fSelfPart},
		{"clause_openers", fOpener}, {"not_report_before", fNotReport},
		{"sentence_openers", fSentOpener},
	} {
		for _, id := range c.wordSet(l.name) {
			out[id] |= l.flag
		}
	}
	pronouns := map[string]wordFlag{"i": fSubject, "im": fSubject, "we": fSubject, "my": fPossessive, "our": fPossessive}
	for w, f := range pronouns {
		out[c.vocab.intern(w)] |= f
	}
	return out
}

// flagWords sets the vocabulary ids and word flags of every token.
func (e *Engine) flagWords(toks []token) {
	for i := range toks {
		t := &toks[i]
		t.id = e.vocab[t.norm]
		t.flags, t.altID, t.altFlags = e.flags[t.id], 0, 0
		switch {
		case t.alt != "":
			t.altID = e.vocab[t.alt]
			t.altFlags = e.flags[t.altID]
		case t.id == 0 && t.kind == tokWord:
			if t.altID = e.unmask(t.norm); t.altID != 0 {
				t.altFlags = e.flags[t.altID]
			}
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
			e.addPattern(c, c.pattern(p, cr, false))
		}
		for _, p := range r.With {
			e.addPattern(c, c.pattern(p, cr, true))
		}
	}
}

func (e *Engine) addPattern(c *compiler, cp *cpattern) {
	cp.third = thirdTokens(cp)
	c.index.add(cp)
	for _, f := range joinedForms(cp, c.vocab.words) {
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
// test sees bugs. Invisible characters and full-width forms are folded first (fold.go);
// the evidence of a folded post is mapped back to the cleaned text.
func (e *Engine) classify(clean string) Result {
	folded, offs := foldText(clean)
	if offs == nil {
		return e.classifyFolded(clean)
	}
	r := e.classifyFolded(folded)
	unfoldResult(&r, clean, offs)
	return r
}

// classifyFolded labels a cleaned and folded post.
func (e *Engine) classifyFolded(clean string) Result {
	r := emptyResult(clean, true)
	p := e.getPost(clean)
	defer e.posts.Put(p)
	p.toks, p.hashtags = e.a.tokenizeWith(p.text, p.toks, p.hashtags, &p.words)
	e.flagWords(p.toks)
	splitRunOnSentences(p.toks, p.text)
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

// Threshold is the score at or above which the engine calls a label present; name is a
// style label or "speaker" (the score at which a speaker role is assigned). ok is false
// for any other name.
func (e *Engine) Threshold(name string) (t float64, ok bool) {
	for i, n := range labelOrder {
		if n == name {
			return e.thresholds[i], true
		}
	}
	return 0, false
}
