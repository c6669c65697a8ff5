package classifiers

// Label indexes used inside the engine; speakerIdx is the speaker rules.
const (
	empathyIdx = iota
	angerIdx
	privilegeIdx
	disadvantageIdx
	spokespersonIdx
	speakerIdx
	numLabels
)

// labelOrder names the label indexes, in the order of lexicons.LabelNames.
var labelOrder = [numLabels]string{LabelEmpathy, LabelAnger, LabelPrivilegeFramed,
	LabelDisadvantageFramed, LabelSpokesperson, "speaker"}

// labelResult returns the result slot of a style label index.
func labelResult(r *Result, i int) *LabelResult {
	switch i {
	case empathyIdx:
		return &r.Labels.Empathy
	case angerIdx:
		return &r.Labels.Anger
	case privilegeIdx:
		return &r.Labels.PrivilegeFramed
	case disadvantageIdx:
		return &r.Labels.DisadvantageFramed
	case spokespersonIdx:
		return &r.Labels.Spokesperson
	}
	return nil
}
