package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/classifiers/model"
	"github.com/allystream/allystream/internal/eval"
	"github.com/allystream/allystream/internal/training"
	"github.com/allystream/allystream/lexicons"
)

// trainConfig holds the flags of "allystream train".
type trainConfig struct {
	gold, aux []string
	auxMap    eval.Mapping
	texts     string
	flags     trainFlags
	out       string
	lexicons  string
	train     model.TrainConfig
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// trainCommand trains the learned layer from coded JSONL and writes a model directory.
func trainCommand(ctx context.Context, env *environment, args []string) error {
	cfg, err := parseTrainFlags(env, args)
	if err != nil {
		return err
	}
	start := time.Now()
	engine, examples, files, err := loadTraining(cfg.lexicons, cfg.gold, cfg.aux, cfg.auxMap, cfg.texts)
	if err != nil {
		return err
	}
	trained, err := model.Train(engine, examples, cfg.train)
	if err != nil {
		return err
	}
	trained.Manifest.Training.Gold = files
	trained.Manifest.Training.Command = "allystream train " + strings.Join(args, " ")
	m, err := model.SaveDir(cfg.out, trained.Manifest, trained.Rows)
	if err != nil {
		return err
	}
	ti := trained.Manifest.Training
	fmt.Fprintf(env.stdout, "model %s: %d posts, %d auxiliary, %d not English (left out), %d features, in %s\n",
		m.Version(), ti.Posts, ti.Aux, ti.Unsupported, len(trained.Rows), time.Since(start).Round(time.Millisecond))
	writeDecisions(env.stdout, trained.Manifest)
	fmt.Fprintf(env.stdout, "wrote %s/%s and %s/%s\n", cfg.out, model.ManifestFile, cfg.out, model.WeightsFile)
	return nil
}

// loadTraining builds the rule engine and reads the gold and auxiliary files.
func loadTraining(lexDir string, gold, aux []string, auxMap eval.Mapping, textsPath string) (*classifiers.Engine, []model.Example, []model.GoldFile, error) {
	set, err := lexicons.Load(lexDir)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("load lexicons: %w", err)
	}
	engine, err := classifiers.New(set)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("build classifiers: %w", err)
	}
	var texts training.Texts
	if textsPath != "" {
		if texts, err = training.ReadTexts(textsPath); err != nil {
			return nil, nil, nil, err
		}
	}
	var files []training.File
	for _, g := range gold {
		files = append(files, training.File{Path: g})
	}
	for _, a := range aux {
		files = append(files, training.File{Path: a, Aux: true, Mapping: auxMap})
	}
	examples, info, err := training.Load(files, texts)
	if err != nil {
		return nil, nil, nil, err
	}
	return engine, examples, info, nil
}

// writeDecisions prints one line per decision: its mode and out-of-fold quality.
func writeDecisions(w io.Writer, man model.Manifest) {
	fmt.Fprintf(w, "  %-20s %-6s %9s %9s %9s %7s %7s %9s\n", "decision", "mode", "positives", "threshold", "oof P", "oof R", "oof F1", "rules F1")
	for _, d := range man.Decisions {
		fmt.Fprintf(w, "  %-20s %-6s %9d %9.2f %9.3f %7.3f %7.3f %9.3f\n", d.Name, d.Mode, d.Positives, d.Threshold,
			d.CV.ModelPrecision, d.CV.ModelRecall, d.CV.ModelF1, d.CV.RulesF1)
	}
}

func parseTrainFlags(env *environment, args []string) (trainConfig, error) {
	var cfg trainConfig
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.Var((*stringList)(&cfg.gold), "gold", "coded JSONL `file` in the codebook's fields (repeatable; lines without text take it from --texts)")
	fs.Var((*stringList)(&cfg.aux), "aux", "auxiliary coded JSONL `file`, e.g. GoEmotions anger (repeatable): trained on, never calibrated or scored on")
	fs.Var(&cfg.auxMap, "aux-map", "read an auxiliary label from another field, `field=label` (e.g. caring=empathy)")
	fs.StringVar(&cfg.texts, "texts", "", "JSONL `file` of {id,text} that supplies the text of gold lines that hold only ids and codes")
	fs.StringVar(&cfg.out, "out", "", "model `dir` to write (required)")
	fs.StringVar(&cfg.lexicons, "lexicons", "", "lexicon override `dir` (default: the embedded lexicons)")
	cfg.flags.register(fs, "")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: allystream train --gold FILE [--gold FILE...] [--aux FILE --aux-map field=label] [--texts FILE] --out DIR")
		fmt.Fprintln(fs.Output(), "Trains one calibrated logistic regression per label and speaker role on the rules' output,")
		fmt.Fprintln(fs.Output(), "words, stems, bigrams and context flags; a decision the model does not beat out of fold stays with the rules.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, env, args); err != nil {
		return cfg, err
	}
	var err error
	if cfg.train, err = cfg.flags.config(); err != nil {
		return cfg, err
	}
	switch {
	case fs.NArg() > 0:
		return cfg, fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	case len(cfg.gold) == 0:
		return cfg, fmt.Errorf("%w: at least one --gold is required", errUsage)
	case cfg.out == "":
		return cfg, fmt.Errorf("%w: --out is required", errUsage)
	}
	return cfg, nil
}
