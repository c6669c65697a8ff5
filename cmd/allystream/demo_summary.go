package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline"
	"github.com/segmentio/kafka-go"
)

// writeDemoSummary prints counts per label and speaker role, dead letters by reason, and a
// few records with their evidence highlighted.
func writeDemoSummary(w io.Writer, inputs int, out demoOutputs, color bool) {
	fmt.Fprintf(w, "\nallystream demo: %d posts in, %d labeled records, %d dead letters\n", inputs, len(out.records), len(out.dead))
	writeLabelTable(w, out.records)
	writeDeadLetters(w, out.dead)
	writeExamples(w, out.records, color)
}

func writeLabelTable(w io.Writer, recs []pipeline.Record) {
	counts := map[string]map[string]int{}
	roles := map[string]int{}
	for i := range recs {
		role := recs[i].Speaker.Role
		roles[role]++
		for _, name := range classifiers.LabelNames() {
			if l, _ := recs[i].Labels.Get(name); l.Present {
				if counts[name] == nil {
					counts[name] = map[string]int{}
				}
				counts[name][role]++
			}
		}
	}
	fmt.Fprintf(w, "\nLabels (posts carrying each label, by speaker role)\n")
	fmt.Fprintf(w, "  %-20s %6s %6s %7s %8s\n", "label", "total", "ally", "member", "unknown")
	for _, name := range classifiers.LabelNames() {
		c := counts[name]
		fmt.Fprintf(w, "  %-20s %6d %6d %7d %8d\n", name, c["ally"]+c["member"]+c["unknown"], c["ally"], c["member"], c["unknown"])
	}
	fmt.Fprintf(w, "  %-20s %6d %6d %7d %8d\n", "(speaker role)", len(recs), roles["ally"], roles["member"], roles["unknown"])
}

func writeDeadLetters(w io.Writer, dead []kafka.Message) {
	byReason := map[string]int{}
	for _, m := range dead {
		byReason[demoHeader(m, pipeline.HeaderReason)]++
	}
	reasons := make([]string, 0, len(byReason))
	for r := range byReason {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	fmt.Fprintf(w, "\nDead letters by reason\n")
	for _, r := range reasons {
		fmt.Fprintf(w, "  %-20s %6d\n", r, byReason[r])
	}
}

func demoHeader(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

// writeExamples shows one record per label (the first that carries it), evidence marked.
func writeExamples(w io.Writer, recs []pipeline.Record, color bool) {
	sorted := append([]pipeline.Record(nil), recs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	shown := map[string]bool{}
	fmt.Fprintf(w, "\nExamples (evidence in %s)\n", map[bool]string{true: "color", false: "[brackets]"}[color])
	for _, name := range classifiers.LabelNames() {
		for i := range sorted {
			r := &sorted[i]
			if l, _ := r.Labels.Get(name); l.Present && !shown[r.ID] {
				shown[r.ID] = true
				fmt.Fprintf(w, "  %s  speaker=%s  labels=%s\n    %s\n", r.ID, r.Speaker.Role, strings.Join(presentLabels(r), ","), highlight(r, color))
				break
			}
		}
	}
	if len(shown) == 0 {
		fmt.Fprintln(w, "  (no labels assigned)")
	}
}

func presentLabels(r *pipeline.Record) []string {
	var names []string
	for _, name := range classifiers.LabelNames() {
		if l, _ := r.Labels.Get(name); l.Present {
			names = append(names, name)
		}
	}
	return names
}

type span struct{ start, end int }

// highlight marks every evidence span of r in its text, merging overlaps.
func highlight(r *pipeline.Record, color bool) string {
	var spans []span
	add := func(ev []classifiers.Evidence) {
		for _, e := range ev {
			if e.Start >= 0 && e.Start < e.End && e.End <= len(r.Text) {
				spans = append(spans, span{e.Start, e.End})
			}
		}
	}
	add(r.Speaker.Evidence)
	for _, name := range classifiers.LabelNames() {
		l, _ := r.Labels.Get(name)
		add(l.Evidence)
	}
	open, closeMark := "[", "]"
	if color {
		open, closeMark = "\x1b[1;33m", "\x1b[0m"
	}
	var b strings.Builder
	pos := 0
	for _, s := range mergeSpans(spans) {
		b.WriteString(r.Text[pos:s.start] + open + r.Text[s.start:s.end] + closeMark)
		pos = s.end
	}
	b.WriteString(r.Text[pos:])
	return b.String()
}

func mergeSpans(spans []span) []span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// isTerminal reports whether w is a character device (a terminal), to decide on color.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
