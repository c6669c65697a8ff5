package lexicons

import "fmt"

// Kind is the kind of a rule. The set of kinds is closed; see parseKind.
type Kind string

// Rule kinds.
const (
	// KindPhrase matches literal words; "a|b" gives alternatives for one word.
	KindPhrase Kind = "phrase"
	// KindPattern matches a sequence that may also use {list}, <TAG>, * and ... elements.
	KindPattern Kind = "pattern"
	// KindNear fires when a match of Match and a match of With occur within Window tokens
	// of each other in the same sentence.
	KindNear Kind = "near"
	// KindShout fires on a run of at least MinWords all-capital words.
	KindShout Kind = "shout"
	// KindVeto cancels the label's other cues in its Scope when it matches.
	KindVeto Kind = "veto"
)

// Kinds lists every rule kind, in documentation order.
func Kinds() []Kind { return []Kind{KindPhrase, KindPattern, KindNear, KindShout, KindVeto} }

// Veto scopes: what a matching veto cancels.
const (
	ScopeMatch    = "match"    // cues overlapping the veto's own span
	ScopeClause   = "clause"   // cues in the same clause
	ScopeSentence = "sentence" // cues in the same sentence
	ScopePost     = "post"     // every cue of the label in the post
)

// Speaker roles a speaker rule can give evidence for.
const (
	RoleAlly       = "ally"
	RoleMember     = "member"
	RoleSolidarity = "solidarity"
)

// SpeakerLabel is the label name of the speaker rules file.
const SpeakerLabel = "speaker"

// Pos is a position in a lexicon file. Line and Col are 1-based.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as "file:line", the form used in evidence.
func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// ElemKind says what one element of a pattern matches.
type ElemKind int

// Pattern element kinds.
const (
	ElemWords ElemKind = iota // one of Alts (each may be several words)
	ElemList                  // any entry of word list List
	ElemTag                   // one token whose part-of-speech tag starts with Tag
	ElemAny                   // exactly one token
	ElemGap                   // zero to GapMax tokens
)

// GapMax is how many tokens a "..." element may skip.
const GapMax = 3

// Elem is one element of a pattern.
type Elem struct {
	Kind ElemKind
	Alts []string // ElemWords: lower-cased alternatives
	List string   // ElemList: word list name
	Tag  string   // ElemTag: Penn Treebank tag prefix, e.g. "VB"
}

// Pattern is one parsed entry of a rule's match or with list.
type Pattern struct {
	Source string // the text as written
	Elems  []Elem
	Pos    Pos
}

// Rule is one validated lexicon entry.
type Rule struct {
	ID     string
	Label  string
	Kind   Kind
	Weight float64 // in (0,1]; 0 for vetoes
	Role   string  // speaker rules: ally, member or solidarity; vetoes: the role they cancel
	Match  []Pattern
	With   []Pattern // near rules only
	Window int       // near rules: maximum token distance between the two matches
	Scope  string    // veto rules
	// Negatable: a negator (from negators.txt) shortly before the cue cancels it.
	Negatable bool
	// OwnVoice: the cue counts only in the writer's own voice — not inside quotation marks
	// and not after a third party's reporting verb ("she said ...").
	OwnVoice bool
	// WriterSubject: the cue names a feeling or act whose subject must be the writer
	// ("I am furious" counts, "protesters were furious" does not).
	WriterSubject bool
	// SentenceStart: the cue counts only at the start of a sentence (links, @mentions and
	// punctuation before it are skipped): "Black nurse, 11 years in." as a self-position.
	SentenceStart bool
	// Target (near rules): the match side must be the one the with side happens to, not its
	// agent: a match right after "by" that follows the with side ("killed by police") does
	// not pair with it.
	Target   bool
	MinWords int      // shout rules: minimum run of capitalised words
	Unless   []string // shout rules: words that cancel the shout when in the run
	Note     string
	Pos      Pos
}

// Label is the rules file of one label.
type Label struct {
	Name      string
	Threshold float64 // a label is present when its score reaches this
	File      string
	Rules     []*Rule
}

// Entry is one line of a word list.
type Entry struct {
	Text string // lower-cased, single-spaced
	Pos  Pos
}

// List is a plain word list (one entry a line).
type List struct {
	Name    string
	File    string
	Entries []Entry
}
