// Package classifiers tags a post with the communication styles of the allyship codebook —
// empathy, anger, privilege_framed, disadvantage_framed, spokesperson — and its speaker role
// (ally, member, unknown), with evidence for every label.
//
// # How a post is classified
//
//  1. Clean (clean.go): invalid UTF-8 is replaced, HTML tags are stripped and entities
//     decoded. Result.Text is this cleaned text; every evidence span indexes it.
//  2. Fold (fold.go): invisible format characters are removed and full-width forms read as
//     ASCII, with a map back to the cleaned text that every evidence span is put through.
//  3. Tokenize (tokenize.go, prosewords.go, prosesplit.go, glued.go, clauses.go): prose's
//     tokenizer, re-implemented token for token (no sentence segmenter); its tokens are
//     aligned back to byte offsets, links and @mentions are marked (never evidence),
//     hashtags split at case changes, emoji split apart, a glued "…" and the stray n of a
//     stripped line break split off. Tokens are normalized (lower case, straight
//     apostrophes, "sooo" read as "so"; a masked swear word, masked.go, as the word it
//     masks) and run-on sentences split at a capitalized opener.
//  4. Language (language.go): posts that are not English get Language "und" and no labels.
//  5. Match (match.go, index.go, inflect.go): every lexicon word, and its regular
//     inflections, has an id in the engine's vocabulary;
//     an index by a token's id and the next token's lists the patterns that can start there,
//     and they are matched on ids. Lower-case hashtags are looked up among the space-less
//     forms of every phrase.
//  6. Context (context.go, cue.go): negation, quotation and reported speech, and whether a
//     feeling's subject is the writer. Part-of-speech tags (internal/postag, prose's tagger
//     and model) are computed lazily, only for the words a rule asks about and the few
//     words before them that their tags depend on.
//  7. Vetoes (veto.go): denial, mockery and other senses of a word cancel cues.
//  8. Score (score.go): each label's score is the noisy-OR of its cue weights, present when
//     it reaches the label's threshold; the speaker role is decided from self-positions and
//     solidarity.
//
// The rules, weights and thresholds are data, in package lexicons.
package classifiers
