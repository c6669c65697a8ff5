package classifiers

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/allystream/allystream/internal/postag"
)

// post is the working state of one Classify call.
type post struct {
	e          *Engine
	text       string
	toks       []token
	hashtags   []span
	hits       []hit
	withs      []int32     // the indexes of the with-side hits of near rules, for pairNear
	tags       []string    // part-of-speech tags by token, filled as rules ask
	tagKnown   []bool      // by token: whether tags holds the token's tag
	tagSent    tagSentence // the sentence tag last looked at
	tagWords   wordScratch // tokenizer buffers for sentences that start or end inside a run
	tagScratch postag.Scratch
	quotes     []span
	cues       labelCues
	roleCues   []cue       // the speaker's cues by role, for speaker
	words      wordScratch // tokenizer buffers
}

// reset readies a pooled post for text, keeping its buffers.
func (p *post) reset(e *Engine, text string) {
	p.e, p.text, p.quotes = e, text, nil
	p.tagSent.sent = -1
	p.toks, p.hashtags, p.hits, p.tags = p.toks[:0], p.hashtags[:0], p.hits[:0], p.tags[:0]
	p.tagKnown = p.tagKnown[:0]
	for i := range p.cues.cues {
		p.cues.cues[i] = p.cues.cues[i][:0]
		p.cues.vetoes[i] = p.cues.vetoes[i][:0]
	}
}

// maxHits bounds the hits kept for one post, so that pathological posts (a 100 KB wall of
// the same cue) cost linear time; far below it every score has long saturated.
const maxHits = 512

// addHit records a hit once. Hits arrive in token order, so a duplicate (a pattern found
// through both a token's norm and its short form) is among the last hits at the same token.
func (p *post) addHit(h hit) {
	if len(p.hits) >= maxHits {
		return
	}
	for i := len(p.hits) - 1; i >= 0 && p.hits[i].s == h.s; i-- {
		if p.hits[i].p == h.p {
			return
		}
	}
	p.hits = append(p.hits, h)
}

// hasHit reports whether pattern cp already matched at token s.
func (p *post) hasHit(cp *cpattern, s int) bool {
	for _, o := range p.hits {
		if o.p == cp && o.s == s {
			return true
		}
	}
	return false
}

// tag returns the part-of-speech tag of token i: the tag of the prose word it came from,
// tagged in its sentence, or "" for a token from no prose word (see fillGap). Only posts
// that a tag-needing rule reaches pay for tagging, and then for a few words around the
// ones asked about (postag.Tagger.TagAt).
func (p *post) tag(i int) string {
	if i >= len(p.tagKnown) || !p.tagKnown[i] {
		p.tagToken(i)
	}
	return p.tags[i]
}

// tagToken tags token i with TagAt over the words of its sentence.
func (p *post) tagToken(i int) {
	for len(p.tags) < len(p.toks) {
		p.tags = append(p.tags, "")
		p.tagKnown = append(p.tagKnown, false)
	}
	s := p.sentenceOf(i)
	tag := ""
	if k := s.wordOf[i-s.first]; k >= 0 {
		tag = p.e.a.tagger.TagAt(s.words, int(k), &p.tagScratch)
	}
	p.tags[i], p.tagKnown[i] = tag, true
}

// tagSentence is the sentence that tag last looked at: its prose words, as prose's
// tokenizer gives them for the sentence's text alone, and the word each token came from.
type tagSentence struct {
	sent        int32 // the sentence number, or -1 for none
	first, last int   // its first and last token
	words       []string
	wordOf      []int32 // by token from first: the token's word in words, or -1
}

// sentenceOf returns token i's sentence. When the sentence's text starts and ends at white
// space, prose tokenizes it into the very words it gave the post there (it splits text
// into white-space-delimited runs and each run on its own), so those are taken; when a
// sentence starts or ends inside a run ("stop." followed by a closing quote ends one),
// the sentence's text is tokenized anew. Either way the words are matched to the
// sentence's tokens within the sentence's text, as prose's tokens of that text would be:
// matched over the whole post, a word may land in another sentence where prose dropped
// text ("0n't! n" gives "0" and "n", and that "n" would match the first one).
func (p *post) sentenceOf(i int) *tagSentence {
	s := &p.tagSent
	if s.sent == p.toks[i].sent {
		return s
	}
	s.sent = p.toks[i].sent
	s.first, s.last = sentenceBounds(p.toks, s.sent)
	start, end := p.toks[s.first].start, p.toks[s.last].end
	sub := p.text[start:end]
	if len(p.words.runs) == len(p.words.words) && atRunBoundaries(p.text, start, end) {
		runs := p.words.runs
		a := sort.Search(len(runs), func(k int) bool { return runs[k].start >= start })
		b := sort.Search(len(runs), func(k int) bool { return runs[k].start >= end })
		s.words = p.words.words[a:b]
	} else {
		p.tagWords.words = p.e.a.proseWords(sub, &p.tagWords)
		s.words = p.tagWords.words
	}
	s.wordOf = wordOfTokens(s.wordOf[:0], sub, start, s.words, p.toks[s.first:s.last+1])
	return s
}

// atRunBoundaries reports whether text[start:end] starts and ends at white space or at
// the ends of text.
func atRunBoundaries(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return (start == 0 || unicode.IsSpace(before)) && (end == len(text) || unicode.IsSpace(after))
}

// wordOfTokens appends to dst, for each of toks, the index among words (prose's tokens of
// text) of the word it came from, or -1 for a token from no word, matching words to text
// as tokenize does; token offsets are those of text plus base.
func wordOfTokens(dst []int32, text string, base int, words []string, toks []token) []int32 {
	cursor, j := 0, 0
	for k, w := range words {
		s, e, ok := align(text, cursor, w)
		if !ok {
			continue
		}
		cursor = e
		for ; j < len(toks) && toks[j].start < base+e; j++ {
			if toks[j].start >= base+s {
				dst = append(dst, int32(k))
			} else {
				dst = append(dst, -1)
			}
		}
	}
	for ; j < len(toks); j++ {
		dst = append(dst, -1)
	}
	return dst
}

// sentenceBounds returns the first and last token index of a sentence.
func sentenceBounds(toks []token, sent int32) (int, int) {
	first, last := -1, -1
	for i := range toks {
		if toks[i].sent == sent {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}
