package main

import (
	"flag"
	"fmt"

	"github.com/allystream/allystream/classifiers/model"
)

// Defaults of the training flags, chosen on leave-one-source-out folds of ally-train (see
// the README's Quality section); model.TrainConfig documents what each one does.
const (
	defaultL2          = 1e-2
	defaultRulePenalty = 0.1
	defaultFeatures    = "stems,rules,context"
)

// trainFlags are the flags that configure training. train and eval --cv share them, so that
// a cross-validation trains exactly as train would with the same flags.
type trainFlags struct {
	tc       model.TrainConfig
	features string
}

// register adds the training flags to fs; note prefixes each usage (e.g. "with --cv: ").
func (t *trainFlags) register(fs *flag.FlagSet, note string) {
	fs.Float64Var(&t.tc.L2, "l2", defaultL2, note+"L2 penalty on the weights")
	fs.Float64Var(&t.tc.RulePenalty, "rule-penalty", defaultRulePenalty, note+"L2 multiplier for the rule and context features (text features get --l2)")
	fs.IntVar(&t.tc.Iterations, "iterations", 200, note+"L-BFGS iterations per fit, at most")
	fs.IntVar(&t.tc.Folds, "folds", 5, note+"folds for out-of-fold calibration, thresholds and the mode choice")
	fs.IntVar(&t.tc.MinPositives, "min-positives", 15, note+"fewest coded positives a decision is learned from (else the rules decide)")
	fs.Float64Var(&t.tc.MinGain, "min-gain", 0.02, note+"out-of-fold F1 a decision's model must gain over the rules to decide it (negative: no margin)")
	fs.Float64Var(&t.tc.AuxWeight, "aux-weight", 0.3, note+"weight of an auxiliary example")
	fs.Int64Var(&t.tc.Seed, "seed", 1, note+"seed for folds and shuffles")
	fs.BoolVar(&t.tc.FoldBySource, "folds-by-source", true, note+"calibrate and choose thresholds and modes on leave-one-source-out folds (gold lines' \"source\")")
	fs.StringVar(&t.features, "features", defaultFeatures, note+"feature `families` to train with (words,stems,bigrams,rules,context)")
}

// config is the training configuration the flags describe.
func (t *trainFlags) config() (model.TrainConfig, error) {
	fc, err := model.ParseFeatures(t.features)
	if err != nil {
		return model.TrainConfig{}, fmt.Errorf("%w: --features: %v", errUsage, err)
	}
	tc := t.tc
	tc.Features = &fc
	return tc, nil
}
