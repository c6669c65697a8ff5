package lexicons

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteSummary writes a human-readable listing of what is loaded: files, their versions,
// and every entry with its label, rule id and file:line.
func (s *Set) WriteSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "lexicon version %s\n\nfiles:\n", s.version)
	for _, f := range s.files {
		fmt.Fprintf(bw, "  %-28s %-8s sha256:%s\n", f.Name, f.Origin, f.SHA256[:12])
	}
	for _, name := range LabelNames() {
		s.writeLabel(bw, s.labels[name])
	}
	fmt.Fprintf(bw, "\nword lists:\n")
	for _, name := range s.ListNames() {
		l := s.lists[name]
		fmt.Fprintf(bw, "  %-22s %4d entries  %s\n", name, len(l.Entries), l.File)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write lexicon summary: %w", err)
	}
	return nil
}

func (s *Set) writeLabel(w io.Writer, l *Label) {
	if l == nil {
		return
	}
	fmt.Fprintf(w, "\nlabel %s (threshold %.2f, %s):\n", l.Name, l.Threshold, l.File)
	for _, r := range l.Rules {
		extra := ""
		if r.Role != "" {
			extra = " role=" + r.Role
		}
		fmt.Fprintf(w, "  %-34s %-7s w=%.2f%s  %s\n", r.ID, r.Kind, r.Weight, extra, r.Pos)
		for _, p := range r.Match {
			fmt.Fprintf(w, "      %-40s %s\n", strings.TrimSpace(p.Source), p.Pos)
		}
		for _, p := range r.With {
			fmt.Fprintf(w, "      with %-35s %s\n", strings.TrimSpace(p.Source), p.Pos)
		}
	}
}
