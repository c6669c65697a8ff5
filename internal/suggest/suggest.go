// Package suggest chooses which uncoded posts coders should code next (active learning):
// the posts the current classifier is least sure about, weighted toward rare decisions,
// without near-duplicates, plus a random share that keeps estimates from the coded set
// unbiased (as ../shared/data/CODING.md asks).
package suggest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"

	"github.com/allystream/allystream/classifiers"
)

// Post is one uncoded post.
type Post struct {
	ID, Text string
	// Source is where the post comes from ("" when unknown); it is carried into the choice.
	Source string
}

// Choice is a suggested post and why it was chosen.
type Choice struct {
	ID     string `json:"id"`
	Text   string `json:"-"`
	Source string `json:"source,omitempty"`
	// ChosenBy is "uncertainty:<decision>" (the decision it is least sure of) or "random".
	ChosenBy string `json:"chosen_by"`
	// Priority is the uncertainty in [0,1] times the decision's rarity weight (0 for random
	// picks): higher is coded first.
	Priority float64 `json:"priority"`
}

// Scorer gives, for a post, each decision's uncertainty in [0,1] (1 = on the threshold).
type Scorer interface {
	Uncertainty(text string) map[string]float64
}

// Config configures Choose.
type Config struct {
	// N is how many posts to choose. Required.
	N int
	// RandomShare of N is drawn at random from the rest. Default: 0.25 (CODING.md's minimum).
	RandomShare float64
	// Rarity weights each decision's uncertainty (rare labels first); a decision missing
	// from the map has weight 1. Default: none.
	Rarity map[string]float64
	// MaxSimilarity is the word-set Jaccard similarity above which a post counts as a
	// near-duplicate of one already chosen. Default: 0.6.
	MaxSimilarity float64
	// Seed for the random share. Default: 1.
	Seed int64
}

func (c *Config) validate() error {
	if c.RandomShare == 0 {
		c.RandomShare = 0.25
	}
	if c.MaxSimilarity == 0 {
		c.MaxSimilarity = 0.6
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	switch {
	case c.N < 1:
		return fmt.Errorf("suggest: N must be at least 1, got %d", c.N)
	case c.RandomShare < 0 || c.RandomShare > 1:
		return fmt.Errorf("suggest: RandomShare %v outside [0,1]", c.RandomShare)
	case c.MaxSimilarity <= 0 || c.MaxSimilarity > 1:
		return fmt.Errorf("suggest: MaxSimilarity %v outside (0,1]", c.MaxSimilarity)
	}
	return nil
}

// Choose picks cfg.N posts: the most uncertain (weighted by rarity), skipping
// near-duplicates of posts already chosen, then the random share from the rest. The
// result is shuffled so that coders cannot tell how a post was chosen.
func Choose(pool []Post, s Scorer, cfg Config) ([]Choice, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	nRandom := int(math.Round(float64(cfg.N) * cfg.RandomShare))
	ranked := rank(pool, s, cfg.Rarity)
	var chosen []Choice
	var sets []map[string]bool
	taken := map[int]bool{}
	for _, r := range ranked {
		if len(chosen) >= cfg.N-nRandom {
			break
		}
		ws := wordSet(pool[r.i].Text)
		if nearDuplicate(ws, sets, cfg.MaxSimilarity) {
			continue
		}
		sets = append(sets, ws)
		taken[r.i] = true
		chosen = append(chosen, Choice{ID: pool[r.i].ID, Text: pool[r.i].Text, Source: pool[r.i].Source, ChosenBy: "uncertainty:" + r.decision, Priority: round3(r.priority)})
	}
	rng := rand.New(rand.NewPCG(uint64(cfg.Seed), 0xda942042e4dd58b5))
	for _, i := range rng.Perm(len(pool)) {
		if len(chosen) >= cfg.N {
			break
		}
		if !taken[i] {
			taken[i] = true
			chosen = append(chosen, Choice{ID: pool[i].ID, Text: pool[i].Text, Source: pool[i].Source, ChosenBy: "random"})
		}
	}
	rng.Shuffle(len(chosen), func(a, b int) { chosen[a], chosen[b] = chosen[b], chosen[a] })
	return chosen, nil
}

type ranked struct {
	i        int
	decision string
	priority float64
}

// rank orders posts by their highest rarity-weighted uncertainty (ties by input order).
func rank(pool []Post, s Scorer, rarity map[string]float64) []ranked {
	out := make([]ranked, 0, len(pool))
	for i, p := range pool {
		best := ranked{i: i}
		for d, u := range s.Uncertainty(p.Text) {
			w, ok := rarity[d]
			if !ok {
				w = 1
			}
			if v := u * w; v > best.priority || (v == best.priority && d < best.decision) {
				best.priority, best.decision = v, d
			}
		}
		if best.priority > 0 {
			out = append(out, best)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].priority > out[b].priority })
	return out
}

// wordSet is a post's lower-case words.
func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		set[w] = true
	}
	return set
}

func nearDuplicate(ws map[string]bool, sets []map[string]bool, max float64) bool {
	for _, o := range sets {
		if jaccard(ws, o) > max {
			return true
		}
	}
	return false
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// RarityWeights weights each decision by 1/sqrt(share of positives), normalised so the
// commonest decision weighs 1: rare labels' uncertain posts come first.
func RarityWeights(positives map[string]int, total int) map[string]float64 {
	w := map[string]float64{}
	min := math.Inf(1)
	for d, n := range positives {
		w[d] = 1 / math.Sqrt((float64(n)+1)/float64(total+1))
		min = math.Min(min, w[d])
	}
	for d := range w {
		w[d] /= min
	}
	return w
}

// LabelUncertainty is the uncertainty of a yes/no decision with probability p and
// threshold t: 1 on the threshold, falling to 0 at 0 and at 1.
func LabelUncertainty(p, t float64) float64 {
	if p >= t {
		return math.Max(0, 1-(p-t)/math.Max(1-t, 1e-9))
	}
	return math.Max(0, 1-(t-p)/math.Max(t, 1e-9))
}

// Thresholder gives the score at or above which a classifier calls a label ("speaker"
// for the speaker role) present.
type Thresholder interface {
	Threshold(name string) (float64, bool)
}

// Classifier is what ClassifierScorer needs of a classifier.
type Classifier interface {
	Classify(text string) classifiers.Result
	Thresholder
}

// ClassifierScorer scores a post by classifying it: each label's uncertainty is how close
// its score lies to the classifier's threshold. Posts in languages the classifier does not
// support score nothing (coding them teaches the model nothing).
type ClassifierScorer struct {
	Classifier Classifier
}

// Uncertainty implements Scorer.
func (s ClassifierScorer) Uncertainty(text string) map[string]float64 {
	r := s.Classifier.Classify(text)
	if !r.Language.Supported {
		return nil
	}
	return ResultUncertainty(r, s.Classifier)
}

// ResultUncertainty is each decision's uncertainty in a classification result, against
// the thresholds th gives (0.5 where it has none). For the speaker, an assigned role is
// uncertain as its score nears the threshold; unknown is as uncertain as its score is low
// (the score of unknown is the confidence that no role applies).
func ResultUncertainty(r classifiers.Result, th Thresholder) map[string]float64 {
	threshold := func(name string) float64 {
		if t, ok := th.Threshold(name); ok && t > 0 && t < 1 {
			return t
		}
		return 0.5
	}
	out := map[string]float64{}
	for _, name := range classifiers.LabelNames() {
		l, _ := r.Labels.Get(name)
		out[name] = LabelUncertainty(l.Score, threshold(name))
	}
	out["speaker"] = LabelUncertainty(r.Speaker.Score, threshold("speaker"))
	if r.Speaker.Role == classifiers.RoleUnknown {
		out["speaker"] = math.Max(0, 1-r.Speaker.Score)
	}
	return out
}
