package eval

import "github.com/allystream/allystream/classifiers"

// Report is the outcome of Evaluate. It marshals to JSON as the --json output of
// "allystream eval"; the per-post misses are kept out of it and written by WriteDisagreements.
type Report struct {
	// Posts is the number of gold posts classified; Skipped lists those the decoder rejected.
	Posts             int    `json:"posts"`
	Skipped           []Skip `json:"skipped"`
	LexiconVersion    string `json:"lexicon_version"`
	ClassifierVersion string `json:"classifier_version"`
	// Labels has one entry per style label coded on at least one post, in canonical order.
	Labels []LabelStats `json:"labels"`
	// MacroF1 is the unweighted mean F1 over MacroF1Labels: those of empathy, anger,
	// privilege_framed and disadvantage_framed that the gold codes.
	MacroF1       float64  `json:"macro_f1"`
	MacroF1Labels []string `json:"macro_f1_labels"`
	// Speaker is nil when no gold post codes the speaker.
	Speaker *SpeakerStats `json:"speaker,omitempty"`
	// Firing is how often each label and role is predicted over all classified posts,
	// coded or not: a style label that fires on many ordinary posts is over-firing.
	Firing []Firing `json:"firing"`

	misses []Miss
}

// LabelStats scores one style label over the posts whose gold codes it.
type LabelStats struct {
	Label string `json:"label"`
	N     int    `json:"n"`
	// Support is the number of gold positives; Predicted the number of predicted positives.
	Support   int     `json:"support"`
	Predicted int     `json:"predicted"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Kappa     float64 `json:"kappa"`
	// PrecisionCI and RecallCI are 95% Wilson intervals: wide ones mean the point estimates
	// rest on few posts.
	PrecisionCI Interval `json:"precision_ci95"`
	RecallCI    Interval `json:"recall_ci95"`
	Counts
}

// Firing is the share of classified posts on which a label (or "speaker=ROLE") was predicted.
type Firing struct {
	Label string  `json:"label"`
	Count int     `json:"count"`
	Rate  float64 `json:"rate"`
}

// Skip is a gold post that could not be classified because the input decoder rejected it.
type Skip struct {
	ID     string `json:"id"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Detail string `json:"detail"`
}

// Miss is one disagreement between gold and prediction, for auditing.
type Miss struct {
	ID   string `json:"id"`
	Line int    `json:"line"`
	// Kind is "false_positive", "false_negative" or "speaker_mismatch".
	Kind string `json:"kind"`
	// Label is the style label key, or "speaker".
	Label string `json:"label"`
	// Gold and Predicted are 0/1 for a style label and a role name for the speaker.
	Gold      any     `json:"gold"`
	Predicted any     `json:"predicted"`
	Score     float64 `json:"score"`
	// Evidence offsets index into Text, the text as the classifier cleaned it.
	Evidence []classifiers.Evidence `json:"evidence"`
	Language classifiers.Language   `json:"language"`
	Text     string                 `json:"text"`
}

// Miss kinds.
const (
	KindFalsePositive   = "false_positive"
	KindFalseNegative   = "false_negative"
	KindSpeakerMismatch = "speaker_mismatch"
)

// Misses returns every disagreement, in gold-file order.
func (r *Report) Misses() []Miss { return r.misses }

// Label returns the stats for a label key, and false when the gold does not code it.
func (r *Report) Label(name string) (LabelStats, bool) {
	for _, s := range r.Labels {
		if s.Label == name {
			return s, true
		}
	}
	return LabelStats{}, false
}

// MacroLabels are the labels averaged into the macro-F1, when coded: the four style labels
// that the dashboards compare (spokesperson is too rare for a stable F1).
func MacroLabels() []string {
	return []string{classifiers.LabelEmpathy, classifiers.LabelAnger,
		classifiers.LabelPrivilegeFramed, classifiers.LabelDisadvantageFramed}
}
