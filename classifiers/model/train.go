package model

import (
	"fmt"
	"math"
	"sort"

	"github.com/allystream/allystream/classifiers"
)

// Example is one coded post for training.
type Example struct {
	ID     string
	Source string
	Text   string
	// Codes holds 0/1 for each decision the post is coded on (label keys, DecisionAlly,
	// DecisionMember); a decision absent from the map is not coded and not trained on.
	Codes map[string]int
	// Aux marks auxiliary data (another corpus's codes, such as GoEmotions anger): trained
	// on with AuxWeight, never used to calibrate, choose thresholds or measure quality.
	Aux bool
}

// TrainConfig configures Train. The zero value of a field means its default.
type TrainConfig struct {
	// Features are the feature families. Default: DefaultFeatures().
	Features *FeatureConfig
	// L2 is the L2 penalty on the weights, against the weighted mean log loss.
	// Default: 1e-3.
	L2 float64
	// RulePenalty scales L2 for the rule and context features (text features get L2).
	// Default: 0.1.
	RulePenalty float64
	// Iterations of L-BFGS per fit, at most. Default: 200.
	Iterations int
	// Folds for out-of-fold calibration, thresholds and the mode choice. Default: 5.
	Folds int
	// FoldBySource makes those folds leave-one-source-out when the examples have at least
	// two sources (Example.Source), instead of stratified. Default: false.
	FoldBySource bool
	// MinCount drops features seen in fewer posts. Default: 2.
	MinCount int
	// MinPositives is the fewest coded positives a decision is learned from; below it the
	// decision stays with the rules. Default: 15.
	MinPositives int
	// MinGain is how much out-of-fold F1 the model must gain over the rules for a decision
	// to become the model's: a tie or a gain inside the folds' noise keeps the rules, which
	// are simpler to explain. Default: 0.02; a negative value asks for no margin.
	MinGain float64
	// AuxWeight is the weight of an auxiliary example. Default: 0.3.
	AuxWeight float64
	// Seed makes folds and shuffles reproducible. Default: 1.
	Seed int64
	// Decisions to learn. Default: every label key, DecisionAlly and DecisionMember.
	Decisions []string
}

func (c TrainConfig) withDefaults() TrainConfig {
	if c.Features == nil {
		f := DefaultFeatures()
		c.Features = &f
	}
	setDefault(&c.L2, 1e-3)
	setDefault(&c.RulePenalty, 0.1)
	setDefault(&c.AuxWeight, 0.3)
	setDefault(&c.MinGain, 0.02)
	setDefaultInt(&c.Iterations, 200)
	setDefaultInt(&c.Folds, 5)
	setDefaultInt(&c.MinCount, 2)
	setDefaultInt(&c.MinPositives, 15)
	if c.Seed == 0 {
		c.Seed = 1
	}
	if len(c.Decisions) == 0 {
		c.Decisions = append(classifiers.LabelNames(), DecisionAlly, DecisionMember)
	}
	return c
}

func setDefault(p *float64, v float64) {
	if *p == 0 {
		*p = v
	}
}

func setDefaultInt(p *int, v int) {
	if *p == 0 {
		*p = v
	}
}

func (c TrainConfig) validate() error {
	switch {
	case c.L2 < 0 || c.AuxWeight < 0:
		return fmt.Errorf("train config: L2 and AuxWeight must be >= 0")
	case c.Iterations < 1 || c.Folds < 2 || c.MinCount < 1 || c.MinPositives < 2:
		return fmt.Errorf("train config: need Iterations >= 1, Folds >= 2, MinCount >= 1, MinPositives >= 2")
	}
	return nil
}

// Trained is a trained model before it is saved: its manifest and weight rows.
type Trained struct {
	Manifest Manifest
	Rows     []WeightRow
}

// Train fits a model to coded examples. engine runs the rules whose output the features
// include; the model must be used with an engine built from the same lexicons.
func Train(engine *classifiers.Engine, examples []Example, cfg TrainConfig) (*Trained, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if engine == nil {
		return nil, fmt.Errorf("train: nil engine")
	}
	ds := prepare(engine, examples, *cfg.Features, cfg.MinCount)
	man := Manifest{Format: FormatVersion, Features: *cfg.Features}
	var fits []lrFit
	for _, name := range cfg.Decisions {
		d, fit := trainDecision(ds, name, cfg)
		man.Decisions = append(man.Decisions, d)
		if d.Mode == ModeModel {
			fits = append(fits, fit)
		}
	}
	man.Training = TrainingInfo{Posts: ds.primary, Aux: len(ds.examples) - ds.primary, Unsupported: len(examples) - len(ds.examples), L2: cfg.L2,
		Iterations: cfg.Iterations, Seed: cfg.Seed, MinCount: cfg.MinCount, BySource: cfg.FoldBySource, Lexicon: engine.LexiconVersion()}
	return &Trained{Manifest: man, Rows: weightRows(ds, fits)}, nil
}

// weightRows lists every feature with a non-negligible weight in some model-mode decision.
func weightRows(ds *dataset, fits []lrFit) []WeightRow {
	var rows []WeightRow
	for c, name := range ds.names {
		ws := make([]float64, len(fits))
		keep := false
		for i, f := range fits {
			ws[i] = f.w[c]
			keep = keep || math.Abs(f.w[c]) >= 1e-3
		}
		if keep {
			rows = append(rows, WeightRow{Feature: name, Weights: ws})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Feature < rows[j].Feature })
	return rows
}

// trainDecision fits one decision: out-of-fold logits for calibration, the threshold and
// the mode choice, then a fit on every example.
func trainDecision(ds *dataset, name string, cfg TrainConfig) (Decision, lrFit) {
	set := ds.coded(name)
	d := Decision{Name: name, Mode: ModeRules, PlattA: -1, Examples: len(set.primary), Positives: set.positives()}
	if d.Positives < cfg.MinPositives {
		d.Why = fmt.Sprintf("%d coded positives, fewer than %d: the rules decide", d.Positives, cfg.MinPositives)
		return d, lrFit{}
	}
	oof := set.outOfFold(ds, cfg)
	d.PlattA, d.PlattB = fitPlatt(oof, set.primaryY())
	probs := make([]float64, len(oof))
	for i, z := range oof {
		probs[i] = d.calibrate(z)
	}
	d.Threshold, d.CV = chooseThreshold(probs, set.primaryY())
	_, d.CV.Folds = set.folds(ds, cfg.Folds, cfg.Seed, cfg.FoldBySource)
	d.CV.RulesF1 = set.rulesF1(ds)
	if d.CV.ModelF1 < d.CV.RulesF1+max(cfg.MinGain, 0) || d.CV.ModelF1 == 0 {
		d.Why = fmt.Sprintf("out-of-fold F1 %.3f, rules %.3f (a model must gain %.3f): the rules decide",
			d.CV.ModelF1, d.CV.RulesF1, max(cfg.MinGain, 0))
		return d, lrFit{}
	}
	d.Mode = ModeModel
	d.Why = fmt.Sprintf("out-of-fold F1 %.3f beats the rules' %.3f", d.CV.ModelF1, d.CV.RulesF1)
	fit := set.fit(ds, cfg, set.all())
	d.Bias = fit.bias
	return d, fit
}

// chooseThreshold returns the probability threshold with the best F1 on out-of-fold
// predictions (when several tie, the middle one of them), with that F1's precision and
// recall and the calibrated Brier score.
func chooseThreshold(probs, ys []float64) (float64, CVQuality) {
	var ties []float64
	bestQ := CVQuality{}
	for k := 5; k <= 95; k++ {
		t := float64(k) / 100
		q := qualityAt(probs, ys, t)
		switch {
		case q.ModelF1 > bestQ.ModelF1+1e-12:
			bestQ, ties = q, []float64{t}
		case math.Abs(q.ModelF1-bestQ.ModelF1) <= 1e-12:
			ties = append(ties, t)
		}
	}
	best := ties[len(ties)/2]
	bestQ = qualityAt(probs, ys, best)
	for i, p := range probs {
		bestQ.BrierCalibrated += (p - ys[i]) * (p - ys[i])
	}
	bestQ.BrierCalibrated = round3(safeDiv(bestQ.BrierCalibrated, float64(len(probs))))
	bestQ.ModelPrecision, bestQ.ModelRecall, bestQ.ModelF1 = round3(bestQ.ModelPrecision), round3(bestQ.ModelRecall), round3(bestQ.ModelF1)
	return best, bestQ
}

// qualityAt is precision, recall and F1 of probs >= t against ys.
func qualityAt(probs, ys []float64, t float64) CVQuality {
	var tp, fp, fn float64
	for i, p := range probs {
		switch {
		case p >= t && ys[i] > 0.5:
			tp++
		case p >= t:
			fp++
		case ys[i] > 0.5:
			fn++
		}
	}
	return CVQuality{ModelPrecision: safeDiv(tp, tp+fp), ModelRecall: safeDiv(tp, tp+fn), ModelF1: safeDiv(2*tp, 2*tp+fp+fn)}
}

func safeDiv(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
