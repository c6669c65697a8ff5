package model

import (
	"math"
)

// FormatVersion is the model directory format this package reads and writes.
const FormatVersion = 1

// Decision names: the five style labels by their record keys, and the two speaker roles.
const (
	DecisionAlly   = "speaker.ally"
	DecisionMember = "speaker.member"
)

// Modes of a decision.
const (
	// ModeModel: the model's calibrated probability decides.
	ModeModel = "model"
	// ModeRules: the rule engine decides (too few coded positives to learn from, or the
	// rules did better in cross-validation).
	ModeRules = "rules"
)

// Manifest describes a model directory; it is manifest.json.
type Manifest struct {
	// Format is the directory format version (FormatVersion).
	Format int `json:"format"`
	// Features are the feature families the weights were trained with.
	Features FeatureConfig `json:"features"`
	// Decisions lists every decision in the order of the weight columns.
	Decisions []Decision `json:"decisions"`
	// Training says what the model was trained on and how.
	Training TrainingInfo `json:"training"`
}

// Decision is one learned (or deferred) yes/no decision: a style label or a speaker role.
type Decision struct {
	// Name is a style label key ("anger") or DecisionAlly / DecisionMember.
	Name string `json:"name"`
	// Mode is ModeModel or ModeRules.
	Mode string `json:"mode"`
	// Why says how the mode was chosen.
	Why string `json:"why"`
	// Bias is the logistic regression's intercept.
	Bias float64 `json:"bias"`
	// PlattA and PlattB calibrate a logit z to the probability 1/(1+exp(PlattA*z+PlattB)).
	PlattA float64 `json:"platt_a"`
	PlattB float64 `json:"platt_b"`
	// Threshold is the calibrated probability at and above which the decision is yes.
	Threshold float64 `json:"threshold"`
	// Examples and Positives count the primary coded posts the decision was trained on.
	Examples  int `json:"examples"`
	Positives int `json:"positives"`
	// CV holds the out-of-fold quality of the model and of the rules on the same posts.
	CV CVQuality `json:"cv"`
}

// CVQuality is out-of-fold precision, recall and F1, for the model and for the rules.
type CVQuality struct {
	Folds           int     `json:"folds"`
	ModelPrecision  float64 `json:"model_precision"`
	ModelRecall     float64 `json:"model_recall"`
	ModelF1         float64 `json:"model_f1"`
	RulesF1         float64 `json:"rules_f1"`
	BrierCalibrated float64 `json:"brier_calibrated"`
}

// TrainingInfo records what a model was trained on, so that it can be rebuilt.
type TrainingInfo struct {
	Command string     `json:"command"`
	Gold    []GoldFile `json:"gold"`
	Posts   int        `json:"posts"`
	Aux     int        `json:"aux_posts"`
	// Unsupported counts the posts left out because they are not in a supported language.
	Unsupported int     `json:"unsupported_posts"`
	L2          float64 `json:"l2"`
	Iterations  int     `json:"iterations"`
	Seed        int64   `json:"seed"`
	MinCount    int     `json:"min_count"`
	BySource    bool    `json:"folds_by_source"`
	Lexicon     string  `json:"lexicon_version"`
}

// GoldFile is one training file and its content hash.
type GoldFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Posts  int    `json:"posts"`
	Aux    bool   `json:"aux,omitempty"`
}

// Model is a loaded model: its manifest and its weights, ready to score. It is immutable
// and safe for concurrent use.
type Model struct {
	manifest Manifest
	version  string
	table    table
	cols     []int // by decision index: its weight column, or -1 in rules mode
}

// Manifest returns a copy of the model's manifest.
func (m *Model) Manifest() Manifest {
	c := m.manifest
	c.Decisions = append([]Decision(nil), m.manifest.Decisions...)
	return c
}

// Version is the content hash of the model's files (the records' model_version).
func (m *Model) Version() string { return m.version }

// decision returns the index of the named decision, or -1.
func (m *Model) decision(name string) int {
	for i, d := range m.manifest.Decisions {
		if d.Name == name {
			return i
		}
	}
	return -1
}

// logits adds up, for every decision in model mode, its bias and the weights of feats.
func (m *Model) logits(feats []feature, z []float64) {
	for i, d := range m.manifest.Decisions {
		z[i] = d.Bias
	}
	w := m.table.width
	for _, f := range feats {
		row := m.table.lookup(f.hash)
		if row < 0 {
			continue
		}
		ws := m.table.weights[row*w : row*w+w]
		for i, c := range m.cols {
			if c >= 0 {
				z[i] += float64(ws[c]) * float64(f.value)
			}
		}
	}
}

// weight returns feature h's weight for decision i, and whether the model has it.
func (m *Model) weight(h uint64, i int) (float64, bool) {
	row := m.table.lookup(h)
	if row < 0 || m.cols[i] < 0 {
		return 0, false
	}
	return float64(m.table.weights[row*m.table.width+m.cols[i]]), true
}

// calibrate maps a logit to a probability with the decision's Platt parameters.
func (d *Decision) calibrate(z float64) float64 {
	return sigmoid(-(d.PlattA*z + d.PlattB))
}

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
