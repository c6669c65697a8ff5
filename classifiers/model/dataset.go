package model

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"github.com/allystream/allystream/classifiers"
)

// dataset is the training examples as feature vectors over one vocabulary, with the rule
// engine's decisions for comparison.
type dataset struct {
	examples []Example
	vecs     []*sparseVec
	rules    []map[string]bool // by example: the rules' yes/no for each decision
	names    []string          // by column: the feature's name
	l2       []float64         // by column: the L2 penalty (penalties)
	primary  int               // examples that are not auxiliary
}

// prepare classifies every supported (English) example with the rules and turns it into a
// feature vector; features seen in fewer than minCount examples are dropped.
func prepare(engine *classifiers.Engine, examples []Example, fc FeatureConfig, minCount int) *dataset {
	ds := &dataset{}
	x := extraction{names: map[uint64]string{}}
	var raw []map[uint64]float32
	df := map[uint64]int{}
	for _, ex := range examples {
		res := engine.Classify(ex.Text)
		if !res.Language.Supported {
			continue // the model never sees unsupported posts
		}
		x.extract(fc, &res)
		counts := map[uint64]float32{}
		for _, f := range x.feats {
			if _, ok := x.names[f.hash]; !ok && f.start >= 0 {
				if name := featureName(res.Text, f); name != "" {
					x.names[f.hash] = name
				}
			}
			counts[f.hash] += f.value
		}
		for h := range counts {
			df[h]++
		}
		raw = append(raw, counts)
		ds.examples = append(ds.examples, ex)
		ds.rules = append(ds.rules, ruleDecisions(&res))
		if !ex.Aux {
			ds.primary++
		}
	}
	col := ds.vocabulary(df, x.names, minCount)
	for _, counts := range raw {
		ds.vecs = append(ds.vecs, vectorize(counts, col))
	}
	return ds
}

// vocabulary numbers the named features seen in at least minCount examples, in name
// order (so that training is deterministic).
func (ds *dataset) vocabulary(df map[uint64]int, names map[uint64]string, minCount int) map[uint64]int32 {
	for h, n := range df {
		if name, ok := names[h]; ok && n >= minCount {
			ds.names = append(ds.names, name)
		}
	}
	sort.Strings(ds.names)
	col := make(map[uint64]int32, len(ds.names))
	for i, name := range ds.names {
		col[hashString(name)] = int32(i)
	}
	return col
}

func vectorize(counts map[uint64]float32, col map[uint64]int32) *sparseVec {
	v := &sparseVec{}
	for h, val := range counts {
		if c, ok := col[h]; ok {
			v.idx = append(v.idx, c)
			v.val = append(v.val, val)
		}
	}
	// a fixed order: map iteration order must not change the fit
	sort.Sort(byIndex{v})
	return v
}

type byIndex struct{ v *sparseVec }

func (b byIndex) Len() int           { return len(b.v.idx) }
func (b byIndex) Less(i, j int) bool { return b.v.idx[i] < b.v.idx[j] }
func (b byIndex) Swap(i, j int) {
	b.v.idx[i], b.v.idx[j] = b.v.idx[j], b.v.idx[i]
	b.v.val[i], b.v.val[j] = b.v.val[j], b.v.val[i]
}

// ruleDecisions is what the rule engine decided for each decision name.
func ruleDecisions(res *classifiers.Result) map[string]bool {
	m := map[string]bool{DecisionAlly: res.Speaker.Role == classifiers.RoleAlly,
		DecisionMember: res.Speaker.Role == classifiers.RoleMember}
	for _, name := range classifiers.LabelNames() {
		l, _ := res.Labels.Get(name)
		m[name] = l.Present
	}
	return m
}

// codedSet is the examples coded for one decision.
type codedSet struct {
	name    string
	primary []int // example indexes
	aux     []int
	y       map[int]float64
}

func (ds *dataset) coded(name string) *codedSet {
	s := &codedSet{name: name, y: map[int]float64{}}
	for i, ex := range ds.examples {
		v, ok := ex.Codes[name]
		if !ok {
			continue
		}
		s.y[i] = float64(v)
		if ex.Aux {
			s.aux = append(s.aux, i)
		} else {
			s.primary = append(s.primary, i)
		}
	}
	return s
}

func (s *codedSet) positives() int {
	n := 0
	for _, i := range s.primary {
		if s.y[i] > 0.5 {
			n++
		}
	}
	return n
}

func (s *codedSet) primaryY() []float64 {
	ys := make([]float64, len(s.primary))
	for k, i := range s.primary {
		ys[k] = s.y[i]
	}
	return ys
}

func (s *codedSet) all() []int { return append(append([]int(nil), s.primary...), s.aux...) }

// folds assigns each primary example a fold: its source's, when bySource and the
// examples come from at least two sources (so that calibration, thresholds and the mode
// choice see platform shift, as a new platform will); else stratified by its code. It
// returns the folds and their number.
func (s *codedSet) folds(ds *dataset, k int, seed int64, bySource bool) ([]int, int) {
	if bySource {
		if fold, n := s.sourceFolds(ds); n >= 2 {
			return fold, n
		}
	}
	return s.stratifiedFolds(k, seed), k
}

// sourceFolds numbers the sources of the primary examples.
func (s *codedSet) sourceFolds(ds *dataset) ([]int, int) {
	index := map[string]int{}
	var names []string
	for _, i := range s.primary {
		if src := ds.examples[i].Source; src != "" {
			if _, ok := index[src]; !ok {
				index[src] = 0
				names = append(names, src)
			}
		} else {
			return nil, 0
		}
	}
	sort.Strings(names)
	for n, name := range names {
		index[name] = n
	}
	fold := make([]int, len(s.primary))
	for k, i := range s.primary {
		fold[k] = index[ds.examples[i].Source]
	}
	return fold, len(names)
}

// stratifiedFolds deals the primary examples into k folds, stratified by their code.
func (s *codedSet) stratifiedFolds(k int, seed int64) []int {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x2545f4914f6cdd1d))
	fold := make([]int, len(s.primary))
	for _, want := range []float64{1, 0} {
		var idx []int
		for k2, i := range s.primary {
			if s.y[i] == want {
				idx = append(idx, k2)
			}
		}
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for r, k2 := range idx {
			fold[k2] = r % k
		}
	}
	return fold
}

// outOfFold returns, for each primary example in order, the logit of a fit that did not
// see it (auxiliary examples are in every training side).
func (s *codedSet) outOfFold(ds *dataset, cfg TrainConfig) []float64 {
	fold, folds := s.folds(ds, cfg.Folds, cfg.Seed, cfg.FoldBySource)
	out := make([]float64, len(s.primary))
	for f := 0; f < folds; f++ {
		train := append([]int(nil), s.aux...)
		for k, i := range s.primary {
			if fold[k] != f {
				train = append(train, i)
			}
		}
		fit := s.fit(ds, cfg, train)
		for k, i := range s.primary {
			if fold[k] == f {
				out[k] = fit.logit(ds.vecs[i])
			}
		}
	}
	return out
}

// fit trains on the given examples, weighting positives up to balance the classes
// (at most 10×) and auxiliary examples by cfg.AuxWeight.
func (s *codedSet) fit(ds *dataset, cfg TrainConfig, idx []int) lrFit {
	pos := float64(s.positives())
	neg := float64(len(s.primary)) - pos
	posW := math.Min(10, math.Sqrt(math.Max(neg, 1)/math.Max(pos, 1)))
	xs := make([]*sparseVec, len(idx))
	ys := make([]float64, len(idx))
	ws := make([]float64, len(idx))
	for k, i := range idx {
		xs[k], ys[k], ws[k] = ds.vecs[i], s.y[i], 1
		if ys[k] > 0.5 {
			ws[k] = posW
		}
		if ds.examples[i].Aux {
			ws[k] *= cfg.AuxWeight
		}
	}
	lc := lrConfig{l2: ds.penalties(cfg), iters: cfg.Iterations}
	return fitLR(xs, ys, ws, len(ds.names), lc)
}

// penalties is each column's L2 penalty: cfg.L2 for text features, cfg.L2 times
// cfg.RulePenalty for the rule engine's output and the context flags, so that the model
// starts from the rules and text features must earn their weight.
func (ds *dataset) penalties(cfg TrainConfig) []float64 {
	if ds.l2 != nil {
		return ds.l2
	}
	ds.l2 = make([]float64, len(ds.names))
	for c, name := range ds.names {
		ds.l2[c] = cfg.L2
		if !isTextFeature(name) {
			ds.l2[c] *= cfg.RulePenalty
		}
	}
	return ds.l2
}

// isTextFeature reports whether a feature is read off the words (not the rules or the
// context flags).
func isTextFeature(name string) bool {
	return len(name) > 2 && name[1] == ':' && strings.ContainsRune("wsbh", rune(name[0]))
}

// rulesF1 is the rule engine's F1 on the primary examples.
func (s *codedSet) rulesF1(ds *dataset) float64 {
	var tp, fp, fn float64
	for _, i := range s.primary {
		pred, gold := ds.rules[i][s.name], s.y[i] > 0.5
		switch {
		case pred && gold:
			tp++
		case pred:
			fp++
		case gold:
			fn++
		}
	}
	return round3(safeDiv(2*tp, 2*tp+fp+fn))
}
