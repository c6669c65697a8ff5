// Package crossval estimates how well the learned layer does on posts it was not trained
// on: stratified k-fold, or leave-one-source-out (train on every source but one, test on
// it). Each post is labeled by the model of the fold that held it out, and the pooled
// out-of-fold labels are scored with the evaluator (internal/eval), per source too.
package crossval

import (
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/classifiers/model"
	"github.com/allystream/allystream/internal/eval"
	"github.com/allystream/allystream/internal/training"
	"github.com/allystream/allystream/pipeline"
)

// BySource is the Config.Folds value for leave-one-source-out.
const BySource = -1

// Config configures Run.
type Config struct {
	// Folds is the number of stratified folds, or BySource. Default: 5.
	Folds int
	// Train configures each fold's training.
	Train model.TrainConfig
	// Seed makes the fold assignment reproducible. Default: 1.
	Seed int64
}

// Result is a cross-validation's pooled report and one report per source.
type Result struct {
	Folds   []string // fold names: "1".."K", or the held-out source
	Overall *eval.Report
	Sources []eval.Group
}

// Run cross-validates on gold (the posts scored) plus aux (auxiliary posts, always in the
// training side). engine supplies the rules whose output the features include.
func Run(engine *classifiers.Engine, gold []eval.Gold, aux []model.Example, cfg Config) (*Result, error) {
	if cfg.Folds == 0 {
		cfg.Folds = 5
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Folds != BySource && cfg.Folds < 2 {
		return nil, fmt.Errorf("cross-validation: need at least 2 folds, got %d", cfg.Folds)
	}
	examples := make([]model.Example, len(gold))
	for i, g := range gold {
		examples[i] = training.Example(g, false)
	}
	fold, names, err := assign(examples, cfg)
	if err != nil {
		return nil, err
	}
	router := &foldRouter{engine: engine, byText: map[string]int{}}
	for f := range names {
		c, err := trainFold(engine, examples, aux, fold, f, cfg.Train)
		if err != nil {
			return nil, fmt.Errorf("fold %s: %w", names[f], err)
		}
		router.folds = append(router.folds, c)
	}
	for i, ex := range examples {
		router.byText[ex.Text] = fold[i]
	}
	l := &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}, Classifier: router}
	return &Result{Folds: names, Overall: eval.Evaluate(l, gold), Sources: eval.EvaluateBy(l, gold, "source")}, nil
}

// trainFold trains on every example outside fold f, plus aux.
func trainFold(engine *classifiers.Engine, examples, aux []model.Example, fold []int, f int, tc model.TrainConfig) (*model.Classifier, error) {
	var train []model.Example
	for i, ex := range examples {
		if fold[i] != f {
			train = append(train, ex)
		}
	}
	trained, err := model.Train(engine, append(train, aux...), tc)
	if err != nil {
		return nil, err
	}
	m, err := model.FromTrained(trained)
	if err != nil {
		return nil, err
	}
	return model.NewClassifier(engine, m)
}

// assign gives every example a fold. Posts with the same text share a fold, so that a
// repost never sits on both sides.
func assign(examples []model.Example, cfg Config) ([]int, []string, error) {
	if cfg.Folds == BySource {
		return assignSources(examples)
	}
	return assignStratified(examples, cfg.Folds, cfg.Seed), foldNames(cfg.Folds), nil
}

func assignSources(examples []model.Example) ([]int, []string, error) {
	index := map[string]int{}
	var names []string
	for _, ex := range examples {
		if ex.Source == "" {
			return nil, nil, fmt.Errorf("leave-one-source-out: post %q has no \"source\" field", ex.ID)
		}
		if _, ok := index[ex.Source]; !ok {
			index[ex.Source] = 0
			names = append(names, ex.Source)
		}
	}
	if len(names) < 2 {
		return nil, nil, fmt.Errorf("leave-one-source-out: need at least 2 sources, got %d", len(names))
	}
	sort.Strings(names)
	for i, n := range names {
		index[n] = i
	}
	fold := make([]int, len(examples))
	for i, ex := range examples {
		fold[i] = index[ex.Source]
	}
	return fold, names, nil
}

// assignStratified deals posts into k folds, rarest coded label first, so that each fold
// gets its share of every label's positives.
func assignStratified(examples []model.Example, k int, seed int64) []int {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x853c49e6748fea9b))
	order := rng.Perm(len(examples))
	strata := map[string][]int{}
	for _, i := range order {
		s := stratum(examples[i])
		strata[s] = append(strata[s], i)
	}
	keys := make([]string, 0, len(strata))
	for s := range strata {
		keys = append(keys, s)
	}
	sort.Strings(keys)
	fold := make([]int, len(examples))
	byText := map[string]int{}
	next := 0
	for _, s := range keys {
		for _, i := range strata[s] {
			if f, ok := byText[examples[i].Text]; ok {
				fold[i] = f
				continue
			}
			fold[i] = next % k
			byText[examples[i].Text] = fold[i]
			next++
		}
	}
	return fold
}

// stratum is the rarest positive decision of a post (by a fixed rarity order), or "none".
func stratum(ex model.Example) string {
	for _, name := range []string{classifiers.LabelSpokesperson, model.DecisionAlly, classifiers.LabelPrivilegeFramed,
		model.DecisionMember, classifiers.LabelEmpathy, classifiers.LabelAnger, classifiers.LabelDisadvantageFramed} {
		if ex.Codes[name] == 1 {
			return name
		}
	}
	return "none"
}

func foldNames(k int) []string {
	names := make([]string, k)
	for i := range names {
		names[i] = fmt.Sprint(i + 1)
	}
	return names
}

// foldRouter labels each gold post with the model of the fold that held it out.
type foldRouter struct {
	engine *classifiers.Engine
	folds  []*model.Classifier
	byText map[string]int
}

// Classify implements pipeline.Classifier. A text that is in no fold (the decoder changed
// it) is labeled by the first fold's model.
func (r *foldRouter) Classify(text string) classifiers.Result {
	return r.folds[r.byText[text]].Classify(text)
}

// LexiconVersion implements pipeline.Classifier.
func (r *foldRouter) LexiconVersion() string { return r.engine.LexiconVersion() }
