package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText writes the report as readable tables.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	p := &printer{w: tw}
	p.printf("posts %d, skipped %d, lexicon_version %s, classifier_version %s\n",
		r.Posts, len(r.Skipped), r.LexiconVersion, r.ClassifierVersion)
	r.writeLabels(p)
	r.writeSpeaker(p)
	r.writeIntervals(p)
	r.writeFiring(p)
	r.writeSkipped(p)
	if p.err != nil {
		return fmt.Errorf("write report: %w", p.err)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// printer remembers the first write error so the table code stays linear.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (r *Report) writeLabels(p *printer) {
	w := len("disadvantage_framed")
	p.printf("\n%-*s\tn\tsupport\tpredicted\tTP\tFP\tFN\tTN\tprecision\trecall\tF1\tkappa\t\n", w, "label")
	for _, s := range r.Labels {
		p.printf("%-*s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", w, s.Label, s.N,
			s.Support, s.Predicted, s.TP, s.FP, s.FN, s.TN, s.Precision, s.Recall, s.F1, s.Kappa)
	}
	if len(r.Labels) == 0 {
		p.printf("(no style label is coded in the gold file)\t\n")
	}
	p.printf("\nmacro-F1 over %s: %.3f\n", labelList(r.MacroF1Labels), r.MacroF1)
}

func labelList(labels []string) string {
	if len(labels) == 0 {
		return "(no coded label)"
	}
	return strings.Join(labels, ", ")
}

func (r *Report) writeSpeaker(p *printer) {
	s := r.Speaker
	if s == nil {
		p.printf("\nspeaker: not coded in the gold file\n")
		return
	}
	p.printf("\nspeaker: n %d, accuracy %.3f, kappa %.3f\n", s.N, s.Accuracy, s.Kappa)
	w := len("gold \\ predicted")
	p.printf("\n%-*s\tsupport\tpredicted\tprecision\trecall\tF1\t\n", w, "role")
	for _, rs := range s.Roles {
		p.printf("%-*s\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", w, rs.Role, rs.Support, rs.Predicted,
			rs.Precision, rs.Recall, rs.F1)
	}
	p.printf("\ngold \\ predicted\t%s\t\n", strings.Join(s.Order, "\t"))
	for i, role := range s.Order {
		p.printf("%-*s", w, role)
		for _, v := range s.Confusion[i] {
			p.printf("\t%d", v)
		}
		p.printf("\t\n")
	}
}

// writeIntervals lists the 95% Wilson intervals of precision and recall, so that a reader
// sees how little a score on a rare label or role rests on.
func (r *Report) writeIntervals(p *printer) {
	w := len("disadvantage_framed")
	p.printf("\n95%% intervals (Wilson)\n%-*s\tsupport\tprecision\trecall\t\n", w, "")
	for _, s := range r.Labels {
		p.printf("%-*s\t%d\t%s\t%s\t\n", w, s.Label, s.Support, s.PrecisionCI, s.RecallCI)
	}
	if r.Speaker == nil {
		return
	}
	for _, rs := range r.Speaker.Roles[:2] { // ally and member; unknown is the default
		p.printf("%-*s\t%d\t%s\t%s\t\n", w, "speaker="+rs.Role, rs.Support, rs.PrecisionCI, rs.RecallCI)
	}
}

func (r *Report) writeFiring(p *printer) {
	p.printf("\nfiring rate over all %d posts\n", r.Posts)
	for _, f := range r.Firing {
		p.printf("%-*s\t%d\t%.1f%%\t\n", len("disadvantage_framed"), f.Label, f.Count, 100*f.Rate)
	}
}

func (r *Report) writeSkipped(p *printer) {
	for _, s := range r.Skipped {
		p.printf("\nskipped line %d (id %s): %s: %s", s.Line, s.ID, s.Reason, s.Detail)
	}
	if len(r.Skipped) > 0 {
		p.printf("\n")
	}
}

// WriteDisagreements writes every miss as one JSON object a line (JSONL): false positives and
// false negatives per label and speaker mismatches, with the post's id, line, cleaned text,
// gold and predicted values, score and evidence.
func (r *Report) WriteDisagreements(w io.Writer) error {
	enc := newJSONLEncoder(w)
	for _, m := range r.misses {
		if err := enc.Encode(m); err != nil {
			return fmt.Errorf("write disagreement for %s: %w", m.ID, err)
		}
	}
	return nil
}
