package model

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/allystream/allystream/classifiers"
)

// Classifier is the rule engine with a model on top: the rules run first, their output and
// the text become features, and each model-mode decision is the model's. It implements the
// pipeline's Classifier and is safe for concurrent use.
type Classifier struct {
	engine *classifiers.Engine
	model  *Model
	ally   int // decision indexes, -1 when the manifest lacks them
	member int
	labels []int // by classifiers.LabelNames order
	pool   sync.Pool
}

// maxModelEvidence is how many model features a model-decided label lists as evidence.
const maxModelEvidence = 3

// NewClassifier combines an engine and a model.
func NewClassifier(e *classifiers.Engine, m *Model) (*Classifier, error) {
	if e == nil || m == nil {
		return nil, fmt.Errorf("new model classifier: engine and model are both required")
	}
	c := &Classifier{engine: e, model: m, ally: m.decision(DecisionAlly), member: m.decision(DecisionMember)}
	for _, name := range classifiers.LabelNames() {
		c.labels = append(c.labels, m.decision(name))
	}
	return c, nil
}

// LexiconVersion is the rule engine's lexicon hash.
func (c *Classifier) LexiconVersion() string { return c.engine.LexiconVersion() }

// ModelVersion is the model's content hash.
func (c *Classifier) ModelVersion() string { return c.model.version }

// scratch is one goroutine's working memory for a post.
type scratch struct {
	x extraction
	z []float64
}

// Classify labels one post: the rule engine's result, with every model-mode decision
// replaced by the model's. Unsupported (non-English) posts keep the engine's result.
func (c *Classifier) Classify(text string) classifiers.Result {
	res := c.engine.Classify(text)
	if !res.Language.Supported {
		return res
	}
	s, _ := c.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	defer c.pool.Put(s)
	s.x.extract(c.model.manifest.Features, &res)
	s.z = slices.Grow(s.z[:0], len(c.model.manifest.Decisions))[:len(c.model.manifest.Decisions)]
	c.model.logits(s.x.feats, s.z)
	for k, name := range classifiers.LabelNames() {
		if i := c.labels[k]; i >= 0 && c.model.cols[i] >= 0 {
			l, _ := res.Labels.Get(name)
			c.decideLabel(&res, l, i, s)
		}
	}
	c.decideSpeaker(&res, s)
	return res
}

// decideLabel sets a label from decision i's calibrated probability. A label the model
// calls present lists the label's rule cues and the text features that carried it; a
// label with no evidence at all is not present (every present label can be explained).
func (c *Classifier) decideLabel(res *classifiers.Result, l *classifiers.LabelResult, i int, s *scratch) {
	d := &c.model.manifest.Decisions[i]
	p := d.calibrate(s.z[i])
	l.Score = round3(p)
	l.Present = p >= d.Threshold
	if l.Present {
		l.Evidence = c.modelEvidence(res.Text, l.Evidence, i, s)
		l.Present = len(l.Evidence) > 0
	}
}

// decideSpeaker sets the speaker role from the ally and member decisions: the role whose
// probability is furthest above its threshold, else unknown. A role the rules decide (its
// decision in rules mode) keeps the rules' result when they chose it.
func (c *Classifier) decideSpeaker(res *classifiers.Result, s *scratch) {
	rules := res.Speaker
	if !c.learned(c.ally) && !c.learned(c.member) || c.rulesDecide(rules.Role) {
		return
	}
	best, bestRatio, bestP, maxP := -1, 1.0, 0.0, 0.0
	for _, i := range []int{c.ally, c.member} {
		if !c.learned(i) {
			continue
		}
		d := &c.model.manifest.Decisions[i]
		p := d.calibrate(s.z[i])
		maxP = math.Max(maxP, p)
		if r := p / d.Threshold; r >= bestRatio {
			best, bestRatio, bestP = i, r, p
		}
	}
	unknown := classifiers.SpeakerResult{Role: classifiers.RoleUnknown, Score: round3(1 - maxP), Evidence: []classifiers.Evidence{}}
	if best < 0 {
		res.Speaker = unknown
		return
	}
	role := classifiers.RoleAlly
	if best == c.member {
		role = classifiers.RoleMember
	}
	var ev []classifiers.Evidence
	if rules.Role == role {
		ev = rules.Evidence
	}
	if ev = c.modelEvidence(res.Text, ev, best, s); len(ev) == 0 {
		res.Speaker = unknown
		return
	}
	res.Speaker = classifiers.SpeakerResult{Role: role, Score: round3(bestP), Evidence: ev}
}

// rulesDecide reports whether role is ally or member and its decision is the rules'.
func (c *Classifier) rulesDecide(role string) bool {
	switch role {
	case classifiers.RoleAlly:
		return !c.learned(c.ally)
	case classifiers.RoleMember:
		return !c.learned(c.member)
	}
	return false
}

func (c *Classifier) learned(i int) bool { return i >= 0 && c.model.cols[i] >= 0 }

// contribution is a span feature's share of a decision's logit.
type contribution struct {
	f feature
	w float64
}

// modelEvidence returns ev plus the (at most maxModelEvidence) text features with the
// largest positive contribution to decision i, each as evidence with rule
// "model:<decision> <feature> <weight>", skipping spans ev already covers.
func (c *Classifier) modelEvidence(text string, ev []classifiers.Evidence, i int, s *scratch) []classifiers.Evidence {
	var top [maxModelEvidence]contribution
	n := 0
	for _, f := range s.x.feats {
		if f.start < 0 || covered(ev, f) {
			continue
		}
		w, ok := c.model.weight(f.hash, i)
		if !ok || w*float64(f.value) <= 0 {
			continue
		}
		n = insertTop(top[:], n, contribution{f, w * float64(f.value)})
	}
	out := append([]classifiers.Evidence(nil), ev...)
	name := c.model.manifest.Decisions[i].Name
	for _, t := range top[:n] {
		cue := text[t.f.start:t.f.end]
		out = append(out, classifiers.Evidence{Cue: cue, Start: int(t.f.start), End: int(t.f.end),
			Rule: "model:" + name + " " + c.featureLabel(t.f) + " " + strconv.FormatFloat(t.w, 'f', 2, 64)})
	}
	slices.SortStableFunc(out, func(a, b classifiers.Evidence) int { return a.Start - b.Start })
	return out
}

// featureLabel is a feature's name as the weights file has it.
func (c *Classifier) featureLabel(f feature) string {
	return c.model.table.names[c.model.table.lookup(f.hash)]
}

// covered reports whether an evidence item already has f's span.
func covered(ev []classifiers.Evidence, f feature) bool {
	for _, e := range ev {
		if e.Start == int(f.start) && e.End == int(f.end) {
			return true
		}
	}
	return false
}

// insertTop keeps top[:n] sorted by descending contribution with at most len(top) items,
// one per span.
func insertTop(top []contribution, n int, c contribution) int {
	for k := 0; k < n; k++ {
		if top[k].f.start == c.f.start && top[k].f.end == c.f.end {
			if c.w > top[k].w {
				top[k] = c
				slices.SortFunc(top[:n], func(a, b contribution) int { return cmpDesc(a.w, b.w) })
			}
			return n
		}
	}
	if n < len(top) {
		top[n] = c
		n++
	} else if c.w > top[n-1].w {
		top[n-1] = c
	} else {
		return n
	}
	slices.SortFunc(top[:n], func(a, b contribution) int { return cmpDesc(a.w, b.w) })
	return n
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Threshold is the score at or above which this classifier calls a label present: the
// model decision's calibrated threshold where the model decides, else the rule engine's.
// name is a style label or "speaker"; ok is false for any other name.
func (c *Classifier) Threshold(name string) (t float64, ok bool) {
	for k, label := range classifiers.LabelNames() {
		if label == name && c.learned(c.labels[k]) {
			return c.model.manifest.Decisions[c.labels[k]].Threshold, true
		}
	}
	return c.engine.Threshold(name)
}
