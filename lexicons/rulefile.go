package lexicons

import (
	"strings"

	"gopkg.in/yaml.v3"
)

var fileFields = []string{"label", "threshold", "own_voice", "note", "rules"}

var ruleFields = []string{"id", "kind", "weight", "role", "match", "with", "window", "scope",
	"negatable", "own_voice", "writer_subject", "sentence_start", "target", "min_words", "unless", "note", "disable"}

// labelDoc is one parsed rules file, before it is merged into a Set.
type labelDoc struct {
	label        string
	labelPos     Pos
	threshold    float64
	hasThreshold bool
	rules        []*Rule
	disabled     []disable
}

// disable is a rule removed by an override file.
type disable struct {
	id  string
	pos Pos
}

// parseRuleFile parses a YAML rules file; problems go to r.errs.
func (r *nodeReader) parseRuleFile(src []byte) *labelDoc {
	before := len(r.errs.list)
	root := r.docRoot(src)
	if root == nil {
		return nil
	}
	f := r.fields(root, "a lexicon file", fileFields)
	if f == nil {
		return nil
	}
	d := &labelDoc{label: r.str(f["label"], "label"), labelPos: r.pos(root)}
	if n := f["label"]; n != nil {
		d.labelPos = r.pos(n)
	} else {
		r.fail(root, "missing field \"label\" (one of: %s)", strings.Join(LabelNames(), ", "))
	}
	d.label = r.checkLabel(f["label"], d.label)
	d.threshold, d.hasThreshold = r.threshold(f["threshold"])
	ownVoice := r.bool(f["own_voice"], "own_voice", false)
	r.parseRules(f["rules"], d, ownVoice)
	if len(r.errs.list) == before {
		r.schemaCheck(src)
	}
	return d
}

func (r *nodeReader) checkLabel(n *yaml.Node, label string) string {
	if n == nil || label == "" {
		return ""
	}
	if !contains(LabelNames(), label) {
		r.fail(n, "unknown label %q (allowed: %s)", label, strings.Join(LabelNames(), ", "))
		return ""
	}
	return label
}

func (r *nodeReader) threshold(n *yaml.Node) (float64, bool) {
	t, ok := r.float(n, "threshold")
	if ok && (t <= 0 || t > 1) {
		r.fail(n, "threshold must be in (0, 1], got %v", t)
		return 0, false
	}
	return t, ok
}

func (r *nodeReader) parseRules(n *yaml.Node, d *labelDoc, ownVoice bool) {
	if n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode {
		r.fail(n, "rules must be a list")
		return
	}
	for _, c := range n.Content {
		f := r.fields(c, "a rule", ruleFields)
		if f == nil {
			continue
		}
		if r.bool(f["disable"], "disable", false) {
			d.disabled = append(d.disabled, disable{id: r.ruleID(c, f), pos: r.pos(c)})
			continue
		}
		if rule := r.parseRule(c, f, d.label, ownVoice); rule != nil {
			d.rules = append(d.rules, rule)
		}
	}
}

func (r *nodeReader) ruleID(c *yaml.Node, f map[string]*yaml.Node) string {
	id := r.str(f["id"], "id")
	switch {
	case f["id"] == nil:
		r.fail(c, "rule has no id")
	case !validName(strings.ReplaceAll(id, ".", "_")):
		r.fail(f["id"], "bad rule id %q: use letters, digits, '.', '-' and '_'", id)
	}
	return id
}
