package postag

import (
	"strings"
	"unicode"
)

// HasRepeatedRun reports whether a white-space-delimited run repeats in text, the one case
// where prose's reported tags can differ from Tag's. prose's tokenizer splits each distinct
// run once and hands out the same token objects for every repeat (but the text's last run),
// and its tagger writes each position's tag into its token, so the tag prose reports for a
// repeated run is the one computed at its last repeat, not at the position itself. Tag gives
// every position its own tag, which is what prose computes there (and feeds to the following
// positions); texts without a repeated run get prose's tags exactly.
func HasRepeatedRun(text string) bool {
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(text, unicode.IsSpace) {
		if seen[f] {
			return true
		}
		seen[f] = true
	}
	return false
}
