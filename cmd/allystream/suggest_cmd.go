package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/allystream/allystream/classifiers/model"
	"github.com/allystream/allystream/internal/suggest"
	"github.com/allystream/allystream/internal/training"
)

// suggestConfig holds the flags of "allystream suggest".
type suggestConfig struct {
	pool, out, selection string
	exclude              []string
	lexicons, model      string
	choose               suggest.Config
}

// suggestCommand lists the uncoded posts that would teach the model most, as a coding batch
// in the format of the shared CODING.md ({"id","text"} lines).
func suggestCommand(_ context.Context, env *environment, args []string) error {
	cfg, err := parseSuggestFlags(env, args)
	if err != nil {
		return err
	}
	pool, err := candidatePosts(cfg.pool, cfg.exclude)
	if err != nil {
		return err
	}
	c, err := newClassifier(cfg.lexicons, cfg.model, env.stderr)
	if err != nil {
		return err
	}
	sc, ok := c.(suggest.Classifier)
	if !ok {
		return fmt.Errorf("suggest: classifier %T reports no thresholds", c)
	}
	cfg.choose.Rarity = rarityFromModel(cfg.model)
	chosen, err := suggest.Choose(pool, suggest.ClassifierScorer{Classifier: sc}, cfg.choose)
	if err != nil {
		return err
	}
	if err := writeBatch(env.stdout, cfg.out, chosen); err != nil {
		return err
	}
	if cfg.selection != "" {
		if err := writeSelection(cfg.selection, chosen); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.stderr, "suggest: %d of %d uncoded posts chosen (%d at random)\n", len(chosen), len(pool), countRandom(chosen))
	return nil
}

// candidatePosts reads the pool and leaves out every id in the exclude files (gold files,
// earlier batches: any JSONL with an "id").
func candidatePosts(poolPath string, exclude []string) ([]suggest.Post, error) {
	posts, err := training.ReadPosts(poolPath)
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	skip := map[string]bool{}
	for _, path := range exclude {
		done, err := training.ReadPosts(path)
		if err != nil {
			return nil, fmt.Errorf("suggest: exclude: %w", err)
		}
		for _, p := range done {
			skip[p.ID] = true
		}
	}
	var out []suggest.Post
	seen := map[string]bool{}
	for _, p := range posts {
		if skip[p.ID] || seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		out = append(out, suggest.Post{ID: p.ID, Text: p.Text, Source: p.Source})
	}
	return out, nil
}

// rarityFromModel weights decisions by the model's coded positives; the rules alone
// ("none") have no counts, so every decision weighs the same.
func rarityFromModel(spec string) map[string]float64 {
	if spec == modelNone {
		return nil
	}
	m, err := loadModel(spec)
	if err != nil {
		return nil
	}
	positives, total := map[string]int{}, 0
	for _, d := range m.Manifest().Decisions {
		name := d.Name
		if name == model.DecisionAlly || name == model.DecisionMember {
			name = "speaker"
			if n, ok := positives[name]; ok && n < d.Positives {
				continue
			}
		}
		positives[name] = d.Positives
		total = max(total, d.Examples)
	}
	if total == 0 {
		return nil
	}
	return suggest.RarityWeights(positives, total)
}

func writeBatch(stdout io.Writer, path string, chosen []suggest.Choice) error {
	w, closeFn, err := openOutput(stdout, path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range chosen {
		if err := enc.Encode(struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}{c.ID, c.Text}); err != nil {
			closeFn()
			return fmt.Errorf("suggest: write batch: %w", err)
		}
	}
	return closeFn()
}

// writeSelection records how each post was chosen, for the coding log CODING.md keeps (never
// shown to coders).
func writeSelection(path string, chosen []suggest.Choice) error {
	w, closeFn, err := openOutput(nil, path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	for _, c := range chosen {
		if err := enc.Encode(c); err != nil {
			closeFn()
			return fmt.Errorf("suggest: write selection: %w", err)
		}
	}
	return closeFn()
}

// openOutput opens path for writing, or stdout when path is "" or "-".
func openOutput(stdout io.Writer, path string) (io.Writer, func() error, error) {
	if path == "" || path == "-" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, fmt.Errorf("suggest: %w", err)
	}
	return f, func() error {
		if err := f.Close(); err != nil {
			return fmt.Errorf("suggest: close %s: %w", path, err)
		}
		return nil
	}, nil
}

func countRandom(chosen []suggest.Choice) int {
	n := 0
	for _, c := range chosen {
		if c.ChosenBy == "random" {
			n++
		}
	}
	return n
}

func parseSuggestFlags(env *environment, args []string) (suggestConfig, error) {
	var cfg suggestConfig
	fs := flag.NewFlagSet("suggest", flag.ContinueOnError)
	fs.StringVar(&cfg.pool, "pool", "", "JSONL `file` of uncoded posts, {\"id\",\"text\"[,\"source\"]} (required)")
	fs.IntVar(&cfg.choose.N, "n", 0, "how many posts to suggest (required; CODING.md batches hold 150-200)")
	fs.Var((*stringList)(&cfg.exclude), "exclude", "JSONL `file` whose ids are already coded or batched (repeatable)")
	fs.StringVar(&cfg.out, "out", "", "batch `file` to write (default: stdout)")
	fs.StringVar(&cfg.selection, "selection", "", "also write how each post was chosen (id, source, chosen_by, priority) to `file`")
	fs.Float64Var(&cfg.choose.RandomShare, "random-share", 0.25, "share of the batch drawn at random, so estimates from the coded set stay unbiased")
	fs.Float64Var(&cfg.choose.MaxSimilarity, "max-similarity", 0.6, "word-set Jaccard similarity above which a post counts as a near-duplicate")
	fs.Int64Var(&cfg.choose.Seed, "seed", 1, "seed for the random share and the batch order")
	fs.StringVar(&cfg.lexicons, "lexicons", "", "lexicon override `dir` (default: the embedded lexicons)")
	fs.StringVar(&cfg.model, "model", "", modelFlagUsage)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: allystream suggest --pool FILE -n N [--exclude FILE...] [--out FILE] [--selection FILE]")
		fmt.Fprintln(fs.Output(), "Lists the uncoded posts the classifier is least sure of, rare labels first and near-duplicates")
		fmt.Fprintln(fs.Output(), "left out, plus a random share, shuffled, as a coding batch ({\"id\",\"text\"} lines).")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, env, args); err != nil {
		return cfg, err
	}
	switch {
	case fs.NArg() > 0:
		return cfg, fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	case cfg.pool == "":
		return cfg, fmt.Errorf("%w: --pool is required", errUsage)
	case cfg.choose.N < 1:
		return cfg, fmt.Errorf("%w: -n must be at least 1", errUsage)
	}
	return cfg, nil
}
