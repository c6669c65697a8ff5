package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline"
)

// NoGroup is the group of gold posts that lack the grouping field.
const NoGroup = "(none)"

// Group is the evaluation of the gold posts that share one value of a metadata field, such
// as the "platform" of the held-out set.
type Group struct {
	Value  string  `json:"value"`
	Report *Report `json:"report"`
}

// EvaluateBy evaluates the gold posts separately for each value of field (a string, number or
// boolean in the gold line; NoGroup when absent), in order of value.
func EvaluateBy(l *pipeline.Labeler, gold []Gold, field string) []Group {
	byValue := map[string][]Gold{}
	for _, g := range gold {
		v := fieldValue(g.Raw, field)
		byValue[v] = append(byValue[v], g)
	}
	groups := make([]Group, 0, len(byValue))
	for _, v := range sortedKeys(byValue) {
		groups = append(groups, Group{Value: v, Report: Evaluate(l, byValue[v])})
	}
	return groups
}

func fieldValue(raw []byte, field string) string {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return NoGroup
	}
	v, ok := obj[field]
	if !ok || string(v) == "null" {
		return NoGroup
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(v)
}

// WriteGroupsText writes one row per group: posts, macro-F1, F1 of every style label and of
// the ally role ("-" where the group's gold does not code it).
func WriteGroupsText(w io.Writer, field string, groups []Group) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	p := &printer{w: tw}
	width := len(field)
	for _, g := range groups {
		width = max(width, len(g.Value))
	}
	p.printf("%-*s\tposts\tmacro-F1", width, field)
	for _, name := range classifiers.LabelNames() {
		p.printf("\t%s", name)
	}
	p.printf("\tally\t\n")
	for _, g := range groups {
		p.printf("%-*s\t%d\t%.3f", width, g.Value, g.Report.Posts, g.Report.MacroF1)
		for _, name := range classifiers.LabelNames() {
			p.printf("\t%s", labelF1(g.Report, name))
		}
		p.printf("\t%s\t\n", allyF1(g.Report))
	}
	if p.err == nil {
		p.err = tw.Flush()
	}
	if p.err != nil {
		return fmt.Errorf("write groups: %w", p.err)
	}
	return nil
}

func labelF1(r *Report, name string) string {
	if s, ok := r.Label(name); ok {
		return fmt.Sprintf("%.3f", s.F1)
	}
	return "-"
}

func allyF1(r *Report) string {
	if r.Speaker == nil {
		return "-"
	}
	return fmt.Sprintf("%.3f", r.Speaker.Roles[0].F1)
}
