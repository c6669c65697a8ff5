package eval

import (
	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline"
)

// Evaluate classifies every gold post with l — decoding its raw line with l.Decoder exactly as
// the streaming worker decodes a message — and scores the predictions against the gold codes.
// Posts the decoder rejects are listed in Report.Skipped and not scored.
func Evaluate(l *pipeline.Labeler, gold []Gold) *Report {
	t := newTally()
	for _, g := range gold {
		rec, err := labelGold(l, g)
		if err != nil {
			t.skip(g, err)
			continue
		}
		t.add(g, rec)
	}
	r := t.report()
	r.LexiconVersion = l.Classifier.LexiconVersion()
	r.ClassifierVersion = classifiers.Version
	return r
}

func labelGold(l *pipeline.Labeler, g Gold) (pipeline.Record, error) {
	origin := pipeline.Origin{Line: g.Line}
	if len(g.Raw) > 0 {
		return l.Label(g.Raw, origin)
	}
	return l.LabelPost(pipeline.Post{ID: g.ID, Text: g.Text}, origin), nil
}

// tally accumulates counts while Evaluate runs.
type tally struct {
	posts   int
	labels  map[string]*Counts
	fired   map[string]int
	speaker *speakerTally
	coded   bool // some post codes the speaker
	skipped []Skip
	misses  []Miss
}

func newTally() *tally {
	return &tally{labels: map[string]*Counts{}, fired: map[string]int{}, speaker: newSpeakerTally()}
}

func (t *tally) skip(g Gold, err error) {
	s := Skip{ID: g.ID, Line: g.Line, Reason: "error", Detail: err.Error()}
	if ie, ok := pipeline.AsInputError(err); ok {
		s.Reason, s.Detail = string(ie.Reason), ie.Detail
	}
	t.skipped = append(t.skipped, s)
}

func (t *tally) add(g Gold, rec pipeline.Record) {
	t.posts++
	for _, name := range classifiers.LabelNames() {
		res, _ := rec.Labels.Get(name)
		if res.Present {
			t.fired[name]++
		}
		if gold, ok := g.Labels[name]; ok {
			t.addLabel(g, rec, name, gold, res)
		}
	}
	t.fired["speaker="+Roles()[roleIndex(rec.Speaker.Role)]]++
	if g.Speaker != "" {
		t.addSpeaker(g, rec)
	}
}

func (t *tally) addLabel(g Gold, rec pipeline.Record, name string, gold bool, res *classifiers.LabelResult) {
	c := t.labels[name]
	if c == nil {
		c = &Counts{}
		t.labels[name] = c
	}
	c.Add(gold, res.Present)
	if gold == res.Present {
		return
	}
	kind := KindFalseNegative
	if res.Present {
		kind = KindFalsePositive
	}
	m := newMiss(g, rec, kind, name, res.Score, res.Evidence)
	m.Gold, m.Predicted = int(boolFloat(gold)), int(boolFloat(res.Present))
	t.misses = append(t.misses, m)
}

func (t *tally) addSpeaker(g Gold, rec pipeline.Record) {
	t.coded = true
	t.speaker.add(g.Speaker, rec.Speaker.Role)
	if g.Speaker == rec.Speaker.Role {
		return
	}
	m := newMiss(g, rec, KindSpeakerMismatch, "speaker", rec.Speaker.Score, rec.Speaker.Evidence)
	m.Gold, m.Predicted = g.Speaker, rec.Speaker.Role
	t.misses = append(t.misses, m)
}

func newMiss(g Gold, rec pipeline.Record, kind, label string, score float64, ev []classifiers.Evidence) Miss {
	if ev == nil {
		ev = []classifiers.Evidence{}
	}
	return Miss{ID: g.ID, Line: g.Line, Kind: kind, Label: label, Score: score,
		Evidence: ev, Language: rec.Language, Text: rec.Text}
}

func (t *tally) report() *Report {
	r := &Report{Posts: t.posts, Skipped: t.skipped, misses: t.misses,
		Labels: []LabelStats{}, MacroF1Labels: []string{}}
	if r.Skipped == nil {
		r.Skipped = []Skip{}
	}
	for _, name := range classifiers.LabelNames() {
		if c, ok := t.labels[name]; ok {
			r.Labels = append(r.Labels, labelStats(name, *c))
		}
	}
	r.MacroF1, r.MacroF1Labels = macroF1(r)
	if t.coded {
		r.Speaker = t.speaker.stats()
	}
	r.Firing = t.firing()
	return r
}

func labelStats(name string, c Counts) LabelStats {
	return LabelStats{Label: name, N: c.N(), Support: c.TP + c.FN, Predicted: c.TP + c.FP,
		Precision: c.Precision(), Recall: c.Recall(), F1: c.F1(), Kappa: c.Kappa(),
		PrecisionCI: c.PrecisionCI(), RecallCI: c.RecallCI(), Counts: c}
}

func macroF1(r *Report) (float64, []string) {
	labels := []string{}
	sum := 0.0
	for _, name := range MacroLabels() {
		if s, ok := r.Label(name); ok {
			labels = append(labels, name)
			sum += s.F1
		}
	}
	if len(labels) == 0 {
		return 0, labels
	}
	return sum / float64(len(labels)), labels
}

func (t *tally) firing() []Firing {
	names := classifiers.LabelNames()
	for _, role := range Roles() {
		names = append(names, "speaker="+role)
	}
	out := make([]Firing, 0, len(names))
	for _, name := range names {
		out = append(out, Firing{Label: name, Count: t.fired[name], Rate: ratio(t.fired[name], t.posts)})
	}
	return out
}
