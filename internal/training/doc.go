// Package training turns hand-coded JSONL files into training examples for the learned
// layer (classifiers/model): it reads gold files with the evaluator's reader, fills in
// texts that may not be committed (research-only sources) from a pool file by id, and
// records each file's content hash for the model manifest.
package training
