// Package eval scores the classifiers against hand-coded gold data (see the project codebook).
//
// Gold files are JSONL, one coded post a line, in the format of the development sets:
//
//	{"id":"d001","text":"...","speaker":"ally","empathy":1,"anger":0,
//	 "privilege_framed":0,"disadvantage_framed":1,"spokesperson":0}
//
// A label or speaker missing from a line is not scored for that line, so sets coded for only
// some labels (an emotion corpus with "anger" alone) can be used as they are; a Mapping reads a
// label from a differently named field ("caring" as "empathy").
//
// Evaluate classifies every gold post through a pipeline.Labeler — the same decode-and-classify
// path the streaming worker uses — and returns a Report with, per label, the confusion counts,
// precision, recall, F1, Cohen's kappa and 95% Wilson intervals for precision and recall; for
// the speaker role, per-role precision, recall and F1 and a 3×3 confusion matrix; macro-F1 over
// the four style labels that the dashboards headline; and the firing rate of every label over
// all posts. EvaluateBy does the same separately for each value of a metadata field, such as
// the platform of a post.
//
// # Conventions for undefined values
//
// Precision is 0 when nothing was predicted positive, recall is 0 when there are no gold
// positives, and F1 is 0 when precision and recall are both 0. Cohen's kappa is 1 when the two
// codings agree on every post, even in the degenerate case where both are constant (for example
// all negative), where the usual formula divides by zero.
package eval
