package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/allystream/allystream/internal/eval"
	"github.com/allystream/allystream/pipeline"
)

// evalConfig holds the flags of "allystream eval".
type evalConfig struct {
	gold          string
	json          bool
	disagreements string
	lexicons      string
	model         string
	mapping       eval.Mapping
	cv            cvFlag
	aux           []string
	auxMap        eval.Mapping
	texts         string
	train         trainFlags
	by            string
}

// evalCommand scores the classifiers against a hand-coded gold file and prints the report.
func evalCommand(ctx context.Context, env *environment, args []string) error {
	cfg, err := parseEvalFlags(env, args)
	if err != nil {
		return err
	}
	if cfg.cv.folds != 0 {
		return evalCrossValidated(env, cfg)
	}
	gold, err := readGoldWithTexts(cfg.gold, cfg.mapping, cfg.texts)
	if err != nil {
		return err
	}
	labeler, err := newOfflineLabeler(cfg.lexicons, cfg.model, pipeline.DefaultLimits(), env.stderr)
	if err != nil {
		return err
	}
	report := eval.Evaluate(labeler, gold)
	if len(report.Skipped) > 0 {
		fmt.Fprintf(env.stderr, "allystream eval: %d gold posts rejected by the input decoder were not scored\n", len(report.Skipped))
	}
	if cfg.disagreements != "" {
		if err := writeDisagreements(cfg.disagreements, report); err != nil {
			return err
		}
	}
	var groups []eval.Group
	if cfg.by != "" {
		groups = eval.EvaluateBy(labeler, gold, cfg.by)
	}
	return writeEvalReport(env, report, cfg, groups)
}

func parseEvalFlags(env *environment, args []string) (evalConfig, error) {
	var cfg evalConfig
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.StringVar(&cfg.gold, "gold", "", "hand-coded gold JSONL `file` (required)")
	fs.BoolVar(&cfg.json, "json", false, "print the report as JSON instead of tables")
	fs.StringVar(&cfg.disagreements, "disagreements", "", "write every miss (FP/FN per label, speaker mismatch) as JSONL to `file`")
	fs.StringVar(&cfg.lexicons, "lexicons", "", "lexicon override `dir` (default: the embedded lexicons)")
	fs.StringVar(&cfg.model, "model", "", modelFlagUsage)
	fs.Var(&cfg.cv, "cv", "cross-validate the learned layer on the gold file: `K` stratified folds, or \"source\" for leave-one-source-out")
	fs.Var((*stringList)(&cfg.aux), "aux", "with --cv: auxiliary coded `file` in every training side (repeatable)")
	fs.Var(&cfg.auxMap, "aux-map", "with --cv: read an auxiliary label from another field, `field=label`")
	fs.StringVar(&cfg.texts, "texts", "", "JSONL `file` of {id,text} for gold lines that hold only ids and codes")
	cfg.train.register(fs, "with --cv: ")
	fs.StringVar(&cfg.by, "by", "", "also score each value of a gold metadata `field` separately (e.g. platform)")
	fs.Var(&cfg.mapping, "map", "read a label from a differently named gold field, `field=label` (repeatable, e.g. caring=empathy)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: allystream eval --gold FILE [--json] [--disagreements FILE] [--lexicons DIR] [--model DIR|none] [--map field=label] [--by field]\n       allystream eval --gold FILE --cv K|source [--aux FILE] [--texts FILE] [--json]")
		fmt.Fprintln(fs.Output(), "With --by and --json the output is {\"overall\": REPORT, \"by\": FIELD, \"groups\": [{\"value\", \"report\"}...]}.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, env, args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	}
	if cfg.gold == "" {
		return cfg, fmt.Errorf("%w: --gold is required", errUsage)
	}
	return cfg, nil
}

// newOfflineLabeler returns the Labeler the offline commands share with the streaming
// worker: the lexicons (embedded, plus overrides in dir when not empty) and the model named
// by modelSpec (see newClassifier).
func newOfflineLabeler(dir, modelSpec string, limits pipeline.Limits, warn io.Writer) (*pipeline.Labeler, error) {
	c, err := newClassifier(dir, modelSpec, warn)
	if err != nil {
		return nil, err
	}
	return &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: limits}, Classifier: c}, nil
}

func writeDisagreements(path string, r *eval.Report) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create disagreements file: %w", err)
	}
	if err := r.WriteDisagreements(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close disagreements file: %w", err)
	}
	return nil
}

func writeEvalReport(env *environment, r *eval.Report, cfg evalConfig, groups []eval.Group) error {
	if cfg.json {
		return writeEvalJSON(env, r, cfg.by, groups)
	}
	if err := r.WriteText(env.stdout); err != nil {
		return err
	}
	if cfg.by == "" {
		return nil
	}
	fmt.Fprintf(env.stdout, "\nF1 by %s\n", cfg.by)
	return eval.WriteGroupsText(env.stdout, cfg.by, groups)
}

func writeEvalJSON(env *environment, r *eval.Report, by string, groups []eval.Group) error {
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	var v any = r
	if by != "" {
		v = struct {
			Overall *eval.Report `json:"overall"`
			By      string       `json:"by"`
			Groups  []eval.Group `json:"groups"`
		}{r, by, groups}
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON report: %w", err)
	}
	return nil
}
