package main

import (
	"fmt"
	"io"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/classifiers/model"
	"github.com/allystream/allystream/lexicons"
	"github.com/allystream/allystream/pipeline"
)

// modelFlagUsage documents --model for every command that labels posts.
const modelFlagUsage = "learned model `dir` (from allystream train); \"none\" for the rules alone (default: the embedded model)"

// modelNone is the --model value that turns the learned layer off.
const modelNone = "none"

// newClassifier builds the classifier the labeling commands share: the rule engine from
// the lexicons (embedded, plus overrides in lexDir), with the learned model named by spec
// ("" for the embedded one, "none" for none, else a directory) on top. A model trained on
// other lexicons is used, with a warning on warn: its rule features may have moved.
func newClassifier(lexDir, spec string, warn io.Writer) (pipeline.Classifier, error) {
	set, err := lexicons.Load(lexDir)
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	engine, err := classifiers.New(set)
	if err != nil {
		return nil, fmt.Errorf("build classifiers: %w", err)
	}
	if spec == modelNone {
		return engine, nil
	}
	m, err := loadModel(spec)
	if err != nil {
		return nil, err
	}
	if trained := m.Manifest().Training.Lexicon; trained != engine.LexiconVersion() && warn != nil {
		fmt.Fprintf(warn, "allystream: warning: model %s was trained with lexicon %s, these lexicons are %s: retrain it (allystream train) for rule features that match\n",
			m.Version(), trained, engine.LexiconVersion())
	}
	return model.NewClassifier(engine, m)
}

func loadModel(spec string) (*model.Model, error) {
	if spec == "" {
		return model.Default()
	}
	return model.LoadDir(spec)
}
