package lexicons

import (
	"bytes"
	"errors"
	"strings"

	"gopkg.in/yaml.v3"
)

// fileSchema and ruleSchema mirror the rules-file format for a strict typed decode. The
// node walk in rulefile.go reports problems with exact positions; this decode, with
// KnownFields(true), is a second line that catches anything the walk let through.
type fileSchema struct {
	Label     string       `yaml:"label"`
	Threshold float64      `yaml:"threshold"`
	OwnVoice  bool         `yaml:"own_voice"`
	Note      string       `yaml:"note"`
	Rules     []ruleSchema `yaml:"rules"`
}

type ruleSchema struct {
	ID            string   `yaml:"id"`
	Kind          string   `yaml:"kind"`
	Weight        float64  `yaml:"weight"`
	Role          string   `yaml:"role"`
	Match         strOrSeq `yaml:"match"`
	With          strOrSeq `yaml:"with"`
	Window        int      `yaml:"window"`
	Scope         string   `yaml:"scope"`
	Negatable     bool     `yaml:"negatable"`
	OwnVoice      bool     `yaml:"own_voice"`
	WriterSubject bool     `yaml:"writer_subject"`
	SentenceStart bool     `yaml:"sentence_start"`
	Target        bool     `yaml:"target"`
	MinWords      int      `yaml:"min_words"`
	Unless        strOrSeq `yaml:"unless"`
	Note          string   `yaml:"note"`
	Disable       bool     `yaml:"disable"`
}

// strOrSeq accepts one string or a list of strings.
type strOrSeq []string

func (s *strOrSeq) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = []string{n.Value}
		return nil
	}
	var list []string
	err := n.Decode(&list)
	*s = list
	return err
}

// schemaCheck decodes src with KnownFields(true) and reports a failure at the line the
// YAML library names.
func (r *nodeReader) schemaCheck(src []byte) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	var f fileSchema
	err := dec.Decode(&f)
	var te *yaml.TypeError
	if err == nil || !errors.As(err, &te) {
		return
	}
	for _, msg := range te.Errors {
		r.errs.add(Pos{File: r.file, Line: yamlErrLine(errors.New(msg)), Col: 1}, "%s", trimYAMLErr(errors.New(strings.TrimSpace(msg))))
	}
}
