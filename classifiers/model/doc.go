// Package model is allystream's learned, explainable layer on top of the rule engine.
//
// # What it learns
//
// One regularized logistic regression per decision (the style labels, and speaker=ally and
// speaker=member), trained in Go from hand-coded JSONL by Train. Its features are:
//   - every rule's hits and every label's rule score, present flag and speaker role
//     (features.go: "rule:anger.outrage", "score:anger", "role:member");
//   - words, crude stems and word bigrams of the cleaned text ("w:furious", "s:privileg",
//     "b:my heart"), hashtags ("h:acab");
//   - context flags: question, negation, quotation, sarcasm markers, exclamation, all-caps,
//     links, mentions, length.
//
// Scores are probabilities calibrated by Platt scaling on out-of-fold predictions, and each
// label's decision threshold is the one that maximised out-of-fold F1; both ship with the
// model. A label whose coded positives are too few to learn from keeps the rule engine's
// decision (mode "rules" in the manifest).
//
// # Files
//
// A model is a directory with manifest.json (labels, modes, thresholds, calibration, feature
// settings, what it was trained on) and weights.tsv (a header naming the label columns, then
// one feature a line with its weight per label). Both are validated on load; errors name
// file:line. The model's version is the content hash of the two files. The default model is
// embedded (default/), rebuilt by the command in the README.
//
// # Evidence
//
// When the model decides a label, its evidence lists the rule cues of that label (if any)
// and the text features that carried the decision, as rule "model:<label> <feature> <weight>"
// with the feature's span, so that Text[Start:End] == Cue holds as for rule evidence.
package model
