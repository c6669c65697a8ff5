package lexicons

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// nodeReader decodes yaml.Node values strictly, recording every problem with the node's
// position instead of stopping at the first.
type nodeReader struct {
	file string
	errs *errs
}

func (r *nodeReader) pos(n *yaml.Node) Pos { return Pos{File: r.file, Line: n.Line, Col: n.Column} }

func (r *nodeReader) fail(n *yaml.Node, format string, args ...any) {
	r.errs.add(r.pos(n), format, args...)
}

// fields returns the value nodes of mapping n by key. Unknown and repeated keys are errors.
func (r *nodeReader) fields(n *yaml.Node, what string, allowed []string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		r.fail(n, "%s must be a mapping of field: value", what)
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !contains(allowed, k.Value):
			r.fail(k, "unknown field %q in %s (allowed: %s)", k.Value, what, strings.Join(allowed, ", "))
		case out[k.Value] != nil:
			r.fail(k, "field %q given twice", k.Value)
		default:
			out[k.Value] = v
		}
	}
	return out
}

func (r *nodeReader) str(n *yaml.Node, field string) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		r.fail(n, "%s must be a single value", field)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (r *nodeReader) float(n *yaml.Node, field string) (float64, bool) {
	var f float64
	if n == nil {
		return 0, false
	}
	if n.Kind != yaml.ScalarNode || n.Decode(&f) != nil {
		r.fail(n, "%s must be a number, got %q", field, n.Value)
		return 0, false
	}
	return f, true
}

func (r *nodeReader) int(n *yaml.Node, field string, def, lo, hi int) int {
	if n == nil {
		return def
	}
	var v int
	if n.Kind != yaml.ScalarNode || n.Decode(&v) != nil {
		r.fail(n, "%s must be a whole number, got %q", field, n.Value)
		return def
	}
	if v < lo || v > hi {
		r.fail(n, "%s must be between %d and %d, got %d", field, lo, hi, v)
		return def
	}
	return v
}

func (r *nodeReader) bool(n *yaml.Node, field string, def bool) bool {
	if n == nil {
		return def
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		r.fail(n, "%s must be true or false, got %q", field, n.Value)
		return def
	}
	return b
}

// strs reads a list of strings, or a single string as a one-item list.
func (r *nodeReader) strs(n *yaml.Node, field string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		return []*yaml.Node{n}
	}
	if n.Kind != yaml.SequenceNode {
		r.fail(n, "%s must be a list of strings", field)
		return nil
	}
	var out []*yaml.Node
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			r.fail(c, "each %s entry must be a string", field)
			continue
		}
		out = append(out, c)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// docRoot parses src into its single document's root node.
func (r *nodeReader) docRoot(src []byte) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		r.errs.add(Pos{File: r.file, Line: yamlErrLine(err), Col: 1}, "invalid YAML: %v", trimYAMLErr(err))
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		r.errs.add(Pos{File: r.file, Line: 1, Col: 1}, "empty lexicon file")
		return nil
	}
	return doc.Content[0]
}

// yamlErrLine extracts the line of a YAML syntax error, the one case where no node exists.
func yamlErrLine(err error) int {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		if _, e := fmt.Sscanf(msg[i:], "line %d", &line); e == nil && line > 0 {
			return line
		}
	}
	return 1
}

// trimYAMLErr drops the "yaml: line N: " prefix; the position is reported separately.
func trimYAMLErr(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if i := strings.Index(msg, ": "); i > 0 {
			msg = msg[i+2:]
		}
	}
	return msg
}
