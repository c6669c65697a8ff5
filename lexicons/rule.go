package lexicons

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// parseKind maps a kind name to its Kind. This is the one place the set of kinds is closed.
func parseKind(s string) (Kind, bool) {
	switch k := Kind(s); k {
	case KindPhrase, KindPattern, KindNear, KindShout, KindVeto:
		return k, true
	}
	return "", false
}

func kindNames() string {
	names := make([]string, 0, len(Kinds()))
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// parseRule reads one rule mapping; it returns nil when the rule is unusable.
func (r *nodeReader) parseRule(c *yaml.Node, f map[string]*yaml.Node, label string, ownVoice bool) *Rule {
	rule := &Rule{ID: r.ruleID(c, f), Label: label, Pos: r.pos(c), Note: r.str(f["note"], "note")}
	if f["kind"] == nil {
		r.fail(c, "rule %q has no kind (allowed: %s)", rule.ID, kindNames())
		return nil
	}
	kind, ok := parseKind(r.str(f["kind"], "kind"))
	if !ok {
		r.fail(f["kind"], "unknown kind %q (allowed: %s)", f["kind"].Value, kindNames())
		return nil
	}
	rule.Kind = kind
	rule.Negatable = r.bool(f["negatable"], "negatable", kind != KindShout)
	rule.OwnVoice = r.bool(f["own_voice"], "own_voice", ownVoice)
	rule.WriterSubject = r.bool(f["writer_subject"], "writer_subject", false)
	rule.SentenceStart = r.bool(f["sentence_start"], "sentence_start", false)
	r.onlyFor(f, rule.Kind, "sentence_start", KindPhrase, KindPattern)
	rule.Target = r.bool(f["target"], "target", false)
	r.onlyFor(f, rule.Kind, "target", KindNear)
	r.role(c, f["role"], rule)
	r.kindFields(c, f, rule)
	return rule
}

// kindFields reads and checks the fields that depend on the rule's kind.
func (r *nodeReader) kindFields(c *yaml.Node, f map[string]*yaml.Node, rule *Rule) {
	r.onlyFor(f, rule.Kind, "with", KindNear)
	r.onlyFor(f, rule.Kind, "window", KindNear)
	r.onlyFor(f, rule.Kind, "scope", KindVeto, KindNear)
	r.onlyFor(f, rule.Kind, "min_words", KindShout)
	r.onlyFor(f, rule.Kind, "unless", KindShout)
	switch rule.Kind {
	case KindShout:
		r.onlyFor(f, rule.Kind, "match")
		rule.MinWords = r.int(f["min_words"], "min_words", 4, 2, 50)
		for _, n := range r.strs(f["unless"], "unless") {
			rule.Unless = append(rule.Unless, strings.ToLower(n.Value))
		}
	case KindVeto:
		rule.Scope = r.scope(f["scope"])
	case KindNear:
		rule.With = r.patterns(c, f["with"], "with", false)
		rule.Window = r.int(f["window"], "window", 6, 1, 60)
		rule.Scope = r.nearScope(f["scope"])
	}
	if rule.Kind != KindShout {
		rule.Match = r.patterns(c, f["match"], "match", rule.Kind == KindPhrase)
	}
	r.weight(c, f["weight"], rule)
}

// onlyFor reports a field used with a kind it does not apply to.
func (r *nodeReader) onlyFor(f map[string]*yaml.Node, kind Kind, field string, kinds ...Kind) {
	n := f[field]
	if n == nil {
		return
	}
	for _, k := range kinds {
		if k == kind {
			return
		}
	}
	r.fail(n, "field %q does not apply to kind %s", field, kind)
}

func (r *nodeReader) weight(c, n *yaml.Node, rule *Rule) {
	if rule.Kind == KindVeto {
		if n != nil {
			r.fail(n, "a veto has no weight")
		}
		return
	}
	if n == nil {
		r.fail(c, "rule %q has no weight (a number in (0, 1])", rule.ID)
		return
	}
	w, ok := r.float(n, "weight")
	if ok && (w <= 0 || w > 1) {
		r.fail(n, "weight must be in (0, 1], got %v", w)
	}
	rule.Weight = w
}

func (r *nodeReader) scope(n *yaml.Node) string {
	s := r.str(n, "scope")
	switch s {
	case "":
		return ScopeSentence
	case ScopeMatch, ScopeClause, ScopeSentence, ScopePost:
		return s
	}
	r.fail(n, "unknown scope %q (allowed: match, clause, sentence, post)", s)
	return ScopeSentence
}

func (r *nodeReader) role(c, n *yaml.Node, rule *Rule) {
	rule.Role = r.str(n, "role")
	speaker := rule.Label == SpeakerLabel
	switch {
	case !speaker && n != nil:
		r.fail(n, "field \"role\" applies only to speaker rules")
	case !speaker || rule.Label == "":
	case rule.Kind == KindVeto && (rule.Role == "" || rule.Role == RoleAlly || rule.Role == RoleMember):
	case rule.Kind == KindVeto:
		r.fail(n, "unknown veto role %q (allowed: ally, member)", rule.Role)
	case n == nil:
		r.fail(c, "speaker rule %q has no role (allowed: ally, member, solidarity)", rule.ID)
	case rule.Role != RoleAlly && rule.Role != RoleMember && rule.Role != RoleSolidarity:
		r.fail(n, "unknown role %q (allowed: ally, member, solidarity)", rule.Role)
	}
}

// patterns parses a match or with list.
func (r *nodeReader) patterns(c, n *yaml.Node, field string, literalOnly bool) []Pattern {
	if n == nil {
		r.fail(c, "rule has no %s list", field)
		return nil
	}
	var out []Pattern
	for _, item := range r.strs(n, field) {
		elems, err := parsePattern(item.Value, literalOnly)
		if err != nil {
			r.fail(item, "%s", err.Error())
			continue
		}
		out = append(out, Pattern{Source: item.Value, Elems: elems, Pos: r.pos(item)})
	}
	return out
}

// nearScope reads where the two sides of a near rule may stand: in one sentence (the
// default) or anywhere in the post, still within the window.
func (r *nodeReader) nearScope(n *yaml.Node) string {
	s := r.str(n, "scope")
	switch s {
	case "":
		return ScopeSentence
	case ScopeSentence, ScopePost:
		return s
	}
	r.fail(n, "unknown scope %q for a near rule (allowed: sentence, post)", s)
	return ScopeSentence
}
