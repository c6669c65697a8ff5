package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/allystream/allystream/classifiers"
)

// Gold is one hand-coded post.
type Gold struct {
	ID   string
	Text string
	// Line is the 1-based line number in the gold file.
	Line int
	// Speaker is "ally", "member" or "unknown", or "" when the line does not code the speaker.
	Speaker string
	// Labels holds the coded style labels only; a label absent from the map is not scored.
	Labels map[string]bool
	// Raw is the line as read, without its line ending. Evaluate decodes it with the pipeline's
	// decoder so that gold posts take exactly the path streamed posts take.
	Raw []byte
}

// ReadGold reads a gold JSONL file. Blank lines are skipped. Fields other than id, text,
// speaker and the five label keys are ignored. Every error names its line number.
func ReadGold(r io.Reader) ([]Gold, error) {
	return ReadGoldMapped(r, nil)
}

// ReadGoldMapped is ReadGold with a Mapping from gold field names to label keys: with
// {"caring": "empathy"}, a line's "caring" field is read as its empathy code.
func ReadGoldMapped(r io.Reader, m Mapping) ([]Gold, error) {
	if err := m.validate(); err != nil {
		return nil, err
	}
	fields := m.sources()
	br := bufio.NewReader(r)
	var out []Gold
	for line := 1; ; line++ {
		raw, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read gold line %d: %w", line, err)
		}
		raw = bytes.TrimRight(raw, "\r\n")
		if len(bytes.TrimSpace(raw)) > 0 {
			g, perr := parseGold(raw, fields)
			if perr != nil {
				return nil, fmt.Errorf("gold line %d: %w", line, perr)
			}
			g.Line = line
			out = append(out, g)
		}
		if errors.Is(err, io.EOF) {
			return out, nil
		}
	}
}

// parseGold decodes one non-blank line. fields maps each label key to the gold field it is
// read from.
func parseGold(raw []byte, fields map[string]string) (Gold, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return Gold{}, fmt.Errorf("not a JSON object: %w", err)
	}
	g := Gold{Raw: append([]byte(nil), raw...), Labels: map[string]bool{}}
	var err error
	if g.ID, err = goldID(obj["id"]); err != nil {
		return Gold{}, err
	}
	if g.Text, err = goldText(obj["text"]); err != nil {
		return Gold{}, err
	}
	if g.Speaker, err = goldSpeaker(obj["speaker"]); err != nil {
		return Gold{}, err
	}
	for _, label := range classifiers.LabelNames() {
		v, ok, err := goldCode(obj[fields[label]])
		if err != nil {
			return Gold{}, fmt.Errorf("field %q: %w", fields[label], err)
		}
		if ok {
			g.Labels[label] = v
		}
	}
	return g, nil
}

func goldID(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil && s != "" {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil && n != "" {
		return n.String(), nil
	}
	return "", errors.New(`"id" must be a non-empty string or a number`)
}

func goldText(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil || strings.TrimSpace(s) == "" {
		return "", errors.New(`"text" must be a non-blank string`)
	}
	return s, nil
}

// goldSpeaker returns "" when the speaker is not coded (absent or null).
func goldSpeaker(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	_ = json.Unmarshal(raw, &s)
	switch s {
	case classifiers.RoleAlly, classifiers.RoleMember, classifiers.RoleUnknown:
		return s, nil
	}
	return "", fmt.Errorf(`"speaker" must be "ally", "member" or "unknown", got %s`, raw)
}

// goldCode decodes a 0/1 (or false/true) code; ok is false when the field is absent or null.
func goldCode(raw json.RawMessage) (v, ok bool, err error) {
	switch strings.TrimSpace(string(raw)) {
	case "", "null":
		return false, false, nil
	case "0", "false":
		return false, true, nil
	case "1", "true":
		return true, true, nil
	}
	return false, false, fmt.Errorf("code must be 0 or 1, got %s", raw)
}

// Mapping maps gold field names to label keys, for gold sets whose fields are named
// differently: Mapping{"caring": "empathy"}. It implements flag.Value, so a command can take
// repeated "--map field=label" flags (or one comma-separated list).
type Mapping map[string]string

// String implements flag.Value.
func (m Mapping) String() string {
	pairs := make([]string, 0, len(m))
	for field, label := range m {
		pairs = append(pairs, field+"="+label)
	}
	sort.Strings(pairs)
	return strings.Join(pairs, ",")
}

// Set implements flag.Value: it adds "field=label" pairs, comma-separated.
func (m *Mapping) Set(spec string) error {
	if *m == nil {
		*m = Mapping{}
	}
	for _, pair := range strings.Split(spec, ",") {
		field, label, ok := strings.Cut(strings.TrimSpace(pair), "=")
		field, label = strings.TrimSpace(field), strings.TrimSpace(label)
		if !ok || field == "" || label == "" {
			return fmt.Errorf("mapping %q: want field=label", pair)
		}
		(*m)[field] = label
	}
	return m.validate()
}

// validate checks that every target is a label key and no label has two sources.
func (m Mapping) validate() error {
	seen := map[string]string{}
	for _, field := range sortedKeys(m) {
		label := m[field]
		if _, ok := (&classifiers.Labels{}).Get(label); !ok {
			return fmt.Errorf("mapping %s=%s: unknown label %q (labels: %s)",
				field, label, label, strings.Join(classifiers.LabelNames(), ", "))
		}
		if prev, dup := seen[label]; dup {
			return fmt.Errorf("mapping: label %q is mapped from both %q and %q", label, prev, field)
		}
		seen[label] = field
	}
	return nil
}

// sources returns, for every label key, the gold field it is read from.
func (m Mapping) sources() map[string]string {
	src := map[string]string{}
	for _, label := range classifiers.LabelNames() {
		src[label] = label
	}
	for field, label := range m {
		src[label] = field
	}
	return src
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
