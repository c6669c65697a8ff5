package classifiers

// tokKind classifies a token.
type tokKind uint8

const (
	tokWord    tokKind = iota // letters, digits and word-internal marks
	tokPunct                  // punctuation
	tokEmoji                  // one emoji or pictographic symbol
	tokURL                    // a link: never evidence
	tokMention                // an @mention: never evidence
)

// token is one unit of a post, with its byte span in the cleaned text.
type token struct {
	start, end int
	norm       string // lower-cased; curly apostrophes straightened; runs of 3+ letters cut to 2
	alt        string // runs cut to 1 ("sooo" -> "so"), or "" when the same as norm
	kind       tokKind
	caps       bool     // an all-capital word of two or more letters
	hashtag    int32    // 1-based index of the hashtag it came from, or 0
	sent       int32    // sentence number
	clause     int32    // clause number (clauses end at , ; : and sentence ends)
	flags      wordFlag // the engine's word lists and index that hold norm
	altFlags   wordFlag // the same for alt, or 0 when alt is ""
	id         uint32   // the engine's vocabulary id of norm, or 0 when not a lexicon word
	altID      uint32   // the same for alt, or 0 when alt is ""
}

// wordFlag says which of the engine's word lists, and whether its pattern index, hold a
// word: one map look-up per token instead of one per list.
type wordFlag uint16

const (
	fIndexed wordFlag = 1 << iota // a key of Engine.index
	fEnglish
	fNegator
	fNegException
	fFirst
	fThird
	fReporting
	fLinking
	fCapsExempt
	fSubject    // a first-person subject pronoun: i, im, we
	fPossessive // a first-person possessive: my, our
	fSelfPart   // a part of the writer's self after "my": heart, blood, soul
	fOpener     // a word that opens a new clause: and, because, how; negation stops there
	fNotReport  // a word that makes a reporting verb after it no report: the, was
	fSentOpener // a word that, capitalized after a lower-case word, opens a sentence
)

// is reports whether the token reads as the lexicon word with id w (not 0), allowing for
// elongation.
func (t *token) is(w uint32) bool { return t.id == w || t.altID == w }

// reads reports whether the token reads as w, allowing for elongation.
func (t *token) reads(w string) bool { return t.norm == w || (t.alt != "" && t.alt == w) }

// matchable reports whether the token may be part of evidence.
func (t *token) matchable() bool { return t.kind != tokURL && t.kind != tokMention }
