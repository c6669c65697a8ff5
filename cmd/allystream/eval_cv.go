package main

import (
	"fmt"
	"strconv"

	"github.com/allystream/allystream/internal/crossval"
	"github.com/allystream/allystream/internal/eval"
	"github.com/allystream/allystream/internal/training"
)

// cvFlag is --cv: a number of stratified folds, or "source" for leave-one-source-out.
type cvFlag struct{ folds int }

func (f *cvFlag) String() string {
	switch f.folds {
	case 0:
		return ""
	case crossval.BySource:
		return "source"
	}
	return strconv.Itoa(f.folds)
}

func (f *cvFlag) Set(v string) error {
	if v == "source" {
		f.folds = crossval.BySource
		return nil
	}
	k, err := strconv.Atoi(v)
	if err != nil || k < 2 {
		return fmt.Errorf("want a number of folds >= 2 or \"source\", got %q", v)
	}
	f.folds = k
	return nil
}

// evalCrossValidated trains and tests the learned layer fold by fold on the gold file
// (plus --aux posts in every training side) and prints the pooled out-of-fold report and
// a row per source.
func evalCrossValidated(env *environment, cfg evalConfig) error {
	engine, aux, _, err := loadTraining(cfg.lexicons, nil, cfg.aux, cfg.auxMap, cfg.texts)
	if err != nil {
		return err
	}
	gold, err := readGoldWithTexts(cfg.gold, cfg.mapping, cfg.texts)
	if err != nil {
		return err
	}
	tc, err := cfg.train.config()
	if err != nil {
		return err
	}
	res, err := crossval.Run(engine, gold, aux, crossval.Config{Folds: cfg.cv.folds, Train: tc, Seed: tc.Seed})
	if err != nil {
		return err
	}
	kind := fmt.Sprintf("%d-fold stratified", len(res.Folds))
	if cfg.cv.folds == crossval.BySource {
		kind = "leave-one-source-out"
	}
	if cfg.json {
		return writeEvalJSON(env, res.Overall, "source", res.Sources)
	}
	fmt.Fprintf(env.stdout, "cross-validation: %s, %d posts, %d auxiliary; every post labeled by a model that did not train on it\n\n", kind, len(gold), len(aux))
	if err := res.Overall.WriteText(env.stdout); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "\nF1 by source (out of fold)\n")
	return eval.WriteGroupsText(env.stdout, "source", res.Sources)
}

// readGoldWithTexts reads a gold file whose lines may lack text (filled from the --texts
// file by id).
func readGoldWithTexts(path string, m eval.Mapping, textsPath string) ([]eval.Gold, error) {
	var texts training.Texts
	if textsPath != "" {
		var err error
		if texts, err = training.ReadTexts(textsPath); err != nil {
			return nil, err
		}
	}
	gold, _, err := training.ReadGold(path, m, texts)
	return gold, err
}
