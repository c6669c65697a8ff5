package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/allystream/allystream/classifiers"
)

// FeatureConfig chooses the feature families a model uses. It is part of the manifest, so a
// model is always read with the features it was trained with.
type FeatureConfig struct {
	// Words adds each word's normalized form ("w:furious"). Default: true.
	Words bool `json:"words"`
	// Stems adds a crude stem of each word ("s:privilege" for "privileges"). Default: true.
	Stems bool `json:"stems"`
	// Bigrams adds adjacent word pairs ("b:my heart"). Default: true.
	Bigrams bool `json:"bigrams"`
	// Chars adds the character 4-grams of each word of three or more letters, with "<" and
	// ">" marking its edges ("c:<fur", "c:ious", "c:ous>"): they carry inflections,
	// misspellings and stretched words ("furiousss") that a word feature misses.
	// Default: false (DefaultFeatures leaves it out; ParseFeatures takes "chars").
	Chars bool `json:"chars,omitempty"`
	// Rules adds the rule engine's output: each rule that fired ("rule:anger.outrage"), each
	// label's score and present flag, and the speaker role. Default: true.
	Rules bool `json:"rules"`
	// Context adds flags: question, exclamation, negation, quotation, sarcasm markers,
	// all-caps words, links, mentions, length. Default: true.
	Context bool `json:"context"`
}

// DefaultFeatures is every feature family.
func DefaultFeatures() FeatureConfig {
	return FeatureConfig{Words: true, Stems: true, Bigrams: true, Rules: true, Context: true}
}

// feature is one feature occurrence in a post: its hashed name, its value and, for
// features read off the text, the span that carries it (start < 0 for none).
type feature struct {
	hash       uint64
	value      float32
	start, end int32
}

// extraction is a post's features plus the buffers that made them. It is reused across
// posts by one goroutine at a time.
type extraction struct {
	tok   tokenizer
	feats []feature
	name  []byte
	offs  []int // rune offsets of a word, for character n-grams
	// names, when not nil, collects the name of every rule and context feature added
	// (training needs names; classifying does not).
	names map[uint64]string
}

// extract fills x.feats with the features of a classified post. res is the rule engine's
// result for it; res.Text is the text that is tokenized.
func (x *extraction) extract(cfg FeatureConfig, res *classifiers.Result) {
	x.feats = x.feats[:0]
	x.tok.tokenize(res.Text)
	x.textFeatures(cfg)
	if cfg.Rules {
		x.ruleFeatures(res)
	}
	if cfg.Context {
		x.contextFeatures()
	}
}

// textFeatures adds words, stems, hashtags and bigrams.
func (x *extraction) textFeatures(cfg FeatureConfig) {
	t := &x.tok
	prev := -1
	for k := range t.toks {
		tk, form := t.toks[k], t.form(k)
		span := func(h uint64) { x.add(h, 1, tk.start, tk.end) }
		if tk.hashtag {
			span(hashJoin(hashString("h:"), form))
		}
		if cfg.Words {
			span(hashJoin(hashString("w:"), form))
		}
		if cfg.Stems && !tk.emoji {
			if s := stem(form); len(s) != len(form) {
				span(hashJoin(hashString("s:"), s))
			}
		}
		if cfg.Chars && !tk.emoji && !tk.hashtag {
			x.charGrams(form, tk.start, tk.end)
		}
		if cfg.Bigrams && prev >= 0 && !tk.hashtag && !t.toks[prev].hashtag {
			h := hashJoin(hashJoin(hashString("b:"), t.form(prev)), space)
			x.add(hashJoin(h, form), 1, t.toks[prev].start, tk.end)
		}
		prev = k
	}
}

var space = []byte{' '}

// charGramSize is the length in runes of a character n-gram, edge marks included.
const charGramSize = 4

// charGrams adds the character 4-grams of one word (edge-marked) as features of its span.
func (x *extraction) charGrams(form []byte, start, end int32) {
	x.name = append(append(append(x.name[:0], '<'), form...), '>')
	x.offs = charGramOffsets(x.name, x.offs[:0])
	for i := 0; i+charGramSize < len(x.offs); i++ {
		x.add(hashJoin(hashString("c:"), x.name[x.offs[i]:x.offs[i+charGramSize]]), 1, start, end)
	}
}

// charGramOffsets appends to offs the byte offset of every rune of the edge-marked word w
// and then len(w), so that w[offs[i]:offs[i+charGramSize]] are its n-grams; it appends
// nothing when the word proper has fewer than three runes.
func charGramOffsets(w []byte, offs []int) []int {
	if utf8.RuneCount(w) < 5 {
		return offs
	}
	for i := range string(w) {
		offs = append(offs, i)
	}
	return append(offs, len(w))
}

// ruleFeatures adds what the rule engine found.
func (x *extraction) ruleFeatures(res *classifiers.Result) {
	for k, name := range classifiers.LabelNames() {
		l, _ := res.Labels.Get(name)
		if l.Score > 0 {
			x.addFixed(fixedNames.score[k], float32(l.Score))
		}
		if l.Present {
			x.addFixed(fixedNames.present[k], 1)
		}
		x.ruleHits(l.Evidence)
	}
	switch res.Speaker.Role {
	case classifiers.RoleAlly:
		x.addFixed(fixedNames.roleAlly, float32(res.Speaker.Score))
	case classifiers.RoleMember:
		x.addFixed(fixedNames.roleMember, float32(res.Speaker.Score))
	default:
		if s := 1 - res.Speaker.Score; s > 0 {
			x.addFixed(fixedNames.speakerPartial, float32(s))
		}
	}
	x.ruleHits(res.Speaker.Evidence)
}

// fixedName is a feature name with its hash computed once.
type fixedName struct {
	name string
	hash uint64
}

func fixed(name string) fixedName { return fixedName{name, hashString(name)} }

// fixedNames are the names of the rule and context features; computed once, never changed.
var fixedNames = func() (f struct {
	score, present                        []fixedName
	roleAlly, roleMember, speakerPartial  fixedName
	question, exclaim, exclaim2, quote    fixedName
	url, mention, caps, negation, sarcasm fixedName
	short, long                           fixedName
}) {
	for _, l := range classifiers.LabelNames() {
		f.score = append(f.score, fixed("score:"+l))
		f.present = append(f.present, fixed("present:"+l))
	}
	f.roleAlly, f.roleMember, f.speakerPartial = fixed("role:ally"), fixed("role:member"), fixed("speaker:partial")
	f.question, f.exclaim, f.exclaim2, f.quote = fixed("ctx:question"), fixed("ctx:exclaim"), fixed("ctx:exclaim2"), fixed("ctx:quote")
	f.url, f.mention, f.caps = fixed("ctx:url"), fixed("ctx:mention"), fixed("ctx:caps")
	f.negation, f.sarcasm = fixed("ctx:negation"), fixed("ctx:sarcasm")
	f.short, f.long = fixed("ctx:len_short"), fixed("ctx:len_long")
	return f
}()

// addFixed appends a rule or context feature.
func (x *extraction) addFixed(f fixedName, v float32) {
	if x.names != nil {
		x.names[f.hash] = f.name
	}
	x.add(f.hash, v, -1, -1)
}

// ruleHits adds one "rule:<id>" feature per evidence item, with the cue's span.
func (x *extraction) ruleHits(ev []classifiers.Evidence) {
	for _, e := range ev {
		if x.names != nil {
			x.addName("rule:"+ruleID(e.Rule), 1, int32(e.Start), int32(e.End))
			continue
		}
		x.name = append(append(x.name[:0], "rule:"...), ruleID(e.Rule)...)
		x.add(hashBytes(x.name), 1, int32(e.Start), int32(e.End))
	}
}

// ruleID is the stable part of an evidence rule name: the rule id after the file:line, or
// the file name when the rule has no id (line numbers move as lexicons are edited).
func ruleID(rule string) string {
	if i := strings.IndexByte(rule, ' '); i >= 0 {
		return rule[i+1:]
	}
	if i := strings.IndexByte(rule, ':'); i >= 0 {
		return rule[:i]
	}
	return rule
}

// contextFeatures adds the context flags.
func (x *extraction) contextFeatures() {
	st := x.tok.stats
	flag := func(on bool, f fixedName) {
		if on {
			x.addFixed(f, 1)
		}
	}
	fn := &fixedNames
	flag(st.question, fn.question)
	flag(st.exclaim, fn.exclaim)
	flag(st.exclaim2, fn.exclaim2)
	flag(st.quote, fn.quote)
	flag(st.url, fn.url)
	flag(st.mention, fn.mention)
	flag(st.capsWords >= 2, fn.caps)
	neg, sarcasm := x.markers()
	flag(neg, fn.negation)
	flag(sarcasm, fn.sarcasm)
	n := len(x.tok.toks)
	flag(n < 8, fn.short)
	flag(n >= 40, fn.long)
}

// markers reports whether the post holds a negator and a sarcasm marker.
func (x *extraction) markers() (negation, sarcasm bool) {
	t := &x.tok
	for k := range t.toks {
		f := t.form(k)
		if len(f) > 7 {
			continue // no marker is longer
		}
		switch {
		case isNegator(f):
			negation = true
		case isSarcasmMarker(f):
			sarcasm = true
		}
	}
	return negation, sarcasm
}

func isNegator(f []byte) bool {
	switch string(f) {
	case "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot":
		return true
	}
	return bytes.HasSuffix(f, nt)
}

func isSarcasmMarker(f []byte) bool {
	switch string(f) {
	case "🙄", "🙃", "😏", "sarcasm", "smh":
		return true
	}
	return false
}

var nt = []byte("n't")

// add appends one feature.
func (x *extraction) add(h uint64, v float32, start, end int32) {
	x.feats = append(x.feats, feature{hash: h, value: v, start: start, end: end})
}

// addName appends a feature given by its full name, and records the name when training.
func (x *extraction) addName(name string, v float32, start, end int32) {
	h := hashString(name)
	if x.names != nil {
		if _, ok := x.names[h]; !ok {
			x.names[h] = name
		}
	}
	x.add(h, v, start, end)
}

// featureName rebuilds the name of a text feature (word, stem, hashtag or bigram) from its
// span, for the weights file. It is the inverse of textFeatures' hashing for the span.
func featureName(text string, f feature) string {
	var t tokenizer
	t.tokenize(text[f.start:f.end])
	if name, ok := charGramName(&t, f.hash); ok {
		return name
	}
	for _, prefix := range []string{"w:", "s:", "h:", "b:"} {
		if name, ok := nameFor(&t, prefix, f.hash); ok {
			return name
		}
	}
	return ""
}

// charGramName finds the character n-gram of a one-word span that hashes to want.
func charGramName(t *tokenizer, want uint64) (string, bool) {
	if len(t.toks) != 1 {
		return "", false
	}
	w := append(append([]byte{'<'}, t.form(0)...), '>')
	offs := charGramOffsets(w, nil)
	for i := 0; i+charGramSize < len(offs); i++ {
		if name := "c:" + string(w[offs[i]:offs[i+charGramSize]]); hashString(name) == want {
			return name, true
		}
	}
	return "", false
}

// nameFor returns the name with prefix that the span's tokens hash to want.
func nameFor(t *tokenizer, prefix string, want uint64) (string, bool) {
	var name string
	switch {
	case prefix == "b:" && len(t.toks) == 2:
		name = prefix + string(t.form(0)) + " " + string(t.form(1))
	case len(t.toks) != 1:
		return "", false
	case prefix == "s:":
		name = prefix + string(stem(t.form(0)))
	default:
		name = prefix + string(t.form(0))
	}
	return name, hashString(name) == want
}

// ParseFeatures reads a comma-separated list of feature families (words, stems, bigrams,
// rules, context), as the --features flag takes it.
func ParseFeatures(spec string) (FeatureConfig, error) {
	var fc FeatureConfig
	for _, name := range strings.Split(spec, ",") {
		switch strings.TrimSpace(name) {
		case "words":
			fc.Words = true
		case "stems":
			fc.Stems = true
		case "bigrams":
			fc.Bigrams = true
		case "chars":
			fc.Chars = true
		case "rules":
			fc.Rules = true
		case "context":
			fc.Context = true
		default:
			return fc, fmt.Errorf("unknown feature family %q (want words, stems, bigrams, chars, rules, context)", name)
		}
	}
	return fc, nil
}
