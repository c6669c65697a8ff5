package classifiers

// Label keys, exactly as they appear in every output record (see ../shared/codebook.md).
const (
	LabelEmpathy            = "empathy"
	LabelAnger              = "anger"
	LabelPrivilegeFramed    = "privilege_framed"
	LabelDisadvantageFramed = "disadvantage_framed"
	LabelSpokesperson       = "spokesperson"
)

// Speaker roles.
const (
	RoleAlly    = "ally"
	RoleMember  = "member"
	RoleUnknown = "unknown"
)

// LabelNames returns the five style labels in their canonical order.
func LabelNames() []string {
	return []string{LabelEmpathy, LabelAnger, LabelPrivilegeFramed, LabelDisadvantageFramed, LabelSpokesperson}
}

// Evidence is one cue that contributed to a label or a speaker role.
// Start and End are byte offsets into Result.Text (UTF-8), half-open: Text[Start:End] == Cue
// is guaranteed for every evidence item the engine emits.
type Evidence struct {
	Cue   string `json:"cue"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Rule names the lexicon entry that fired, as "file:line" (e.g. "anger.yaml:42"),
	// optionally followed by " " and a rule id.
	Rule string `json:"rule"`
}

// LabelResult is the outcome for one style label.
type LabelResult struct {
	Present  bool       `json:"present"`
	Score    float64    `json:"score"` // in [0,1]
	Evidence []Evidence `json:"evidence"`
}

// SpeakerResult is who is speaking: ally, member or unknown.
type SpeakerResult struct {
	Role     string     `json:"role"`
	Score    float64    `json:"score"` // confidence in Role, in [0,1]
	Evidence []Evidence `json:"evidence"`
}

// Labels holds the five style labels; all are always present in output.
type Labels struct {
	Empathy            LabelResult `json:"empathy"`
	Anger              LabelResult `json:"anger"`
	PrivilegeFramed    LabelResult `json:"privilege_framed"`
	DisadvantageFramed LabelResult `json:"disadvantage_framed"`
	Spokesperson       LabelResult `json:"spokesperson"`
}

// Get returns the result for a label key, and false for an unknown key.
func (l *Labels) Get(name string) (*LabelResult, bool) {
	switch name {
	case LabelEmpathy:
		return &l.Empathy, true
	case LabelAnger:
		return &l.Anger, true
	case LabelPrivilegeFramed:
		return &l.PrivilegeFramed, true
	case LabelDisadvantageFramed:
		return &l.DisadvantageFramed, true
	case LabelSpokesperson:
		return &l.Spokesperson, true
	}
	return nil, false
}

// Language says whether the post is in a language the lexicons support.
// Posts that are not supported get every label absent and speaker unknown.
type Language struct {
	Code      string `json:"code"` // "en", or "und" when undetermined / not English
	Supported bool   `json:"supported"`
}

// Result is the classification of one post.
type Result struct {
	// Text is the text that was classified, after cleaning (HTML tags removed, entities
	// decoded, invalid bytes replaced). Every evidence offset indexes into it.
	Text     string        `json:"text"`
	Language Language      `json:"language"`
	Speaker  SpeakerResult `json:"speaker"`
	Labels   Labels        `json:"labels"`
}
