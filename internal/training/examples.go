package training

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/classifiers/model"
	"github.com/allystream/allystream/internal/eval"
)

// maxLine is the longest JSONL line read.
const maxLine = 4 << 20

// Texts maps post ids to their texts, for gold files that hold only ids and codes.
type Texts map[string]string

// ReadTexts reads a JSONL file of {"id","text"} lines (such as the shared pool). Every
// error names its line.
func ReadTexts(path string) (Texts, error) {
	posts, err := ReadPosts(path)
	if err != nil {
		return nil, err
	}
	t := make(Texts, len(posts))
	for _, p := range posts {
		t[p.ID] = p.Text
	}
	return t, nil
}

// Post is one line of a post file such as the shared pool.
type Post struct {
	ID, Text string
	// Source is the line's "source" field, "" when it has none.
	Source string
}

// ReadPosts reads a JSONL file of {"id","text"[,"source"]} lines, in file order. Every
// error names the file and its line; a line without an id is an error.
func ReadPosts(path string) ([]Post, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read posts: %w", err)
	}
	defer f.Close()
	var posts []Post
	err = eachLine(f, func(line int, b []byte) error {
		var p struct {
			ID     json.RawMessage `json:"id"`
			Text   string          `json:"text"`
			Source string          `json:"source"`
		}
		if err := json.Unmarshal(b, &p); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		id := idString(p.ID)
		if id == "" || id == "null" {
			return fmt.Errorf("%s:%d: no id", path, line)
		}
		posts = append(posts, Post{ID: id, Text: p.Text, Source: p.Source})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read posts: %w", err)
	}
	return posts, nil
}

// idString renders a JSON id (string or number) as the gold reader does.
func idString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(bytes.TrimSpace(raw))
}

// File is one gold file to read.
type File struct {
	Path string
	// Aux marks another corpus's codes (trained on, never used to calibrate or measure).
	Aux bool
	// Mapping renames gold fields to label keys ({"caring": "empathy"}).
	Mapping eval.Mapping
}

// Load reads gold files into examples. Lines without a text get it from texts by id (an
// error when texts lacks it). It returns the examples and each file's manifest entry.
func Load(files []File, texts Texts) ([]model.Example, []model.GoldFile, error) {
	var out []model.Example
	var info []model.GoldFile
	for _, f := range files {
		gold, sum, err := ReadGold(f.Path, f.Mapping, texts)
		if err != nil {
			return nil, nil, err
		}
		for _, g := range gold {
			out = append(out, Example(g, f.Aux))
		}
		info = append(info, model.GoldFile{Path: f.Path, SHA256: sum, Posts: len(gold), Aux: f.Aux})
	}
	return out, info, nil
}

// ReadGold reads one gold file with the evaluator's reader, after filling in missing texts
// from texts by id. It also returns the file's SHA-256.
func ReadGold(path string, m eval.Mapping, texts Texts) ([]eval.Gold, string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, "", fmt.Errorf("open gold file: %w", err)
	}
	filled, err := fillTexts(b, texts)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	gold, err := eval.ReadGoldMapped(bytes.NewReader(filled), m)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", path, err)
	}
	sum := sha256.Sum256(b)
	return gold, hex.EncodeToString(sum[:]), nil
}

// fillTexts adds "text" from texts to every line that has none.
func fillTexts(b []byte, texts Texts) ([]byte, error) {
	var out bytes.Buffer
	err := eachLine(bytes.NewReader(b), func(line int, raw []byte) error {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return fmt.Errorf("gold line %d: not a JSON object: %w", line, err)
		}
		if _, ok := obj["text"]; !ok {
			id := idString(obj["id"])
			text, ok := texts[id]
			if !ok {
				return fmt.Errorf("gold line %d: no text, and id %q is not in the texts file (--texts)", line, id)
			}
			obj["text"], _ = json.Marshal(text)
			raw, _ = json.Marshal(obj)
		}
		out.Write(raw)
		out.WriteByte('\n')
		return nil
	})
	return out.Bytes(), err
}

// Example converts one gold post; its "source" field (if any) becomes Source.
func Example(g eval.Gold, aux bool) model.Example {
	ex := model.Example{ID: g.ID, Text: g.Text, Aux: aux, Codes: map[string]int{}, Source: source(g.Raw)}
	for name, v := range g.Labels {
		ex.Codes[name] = boolInt(v)
	}
	if g.Speaker != "" {
		ex.Codes[model.DecisionAlly] = boolInt(g.Speaker == classifiers.RoleAlly)
		ex.Codes[model.DecisionMember] = boolInt(g.Speaker == classifiers.RoleMember)
	}
	return ex
}

func source(raw []byte) string {
	var s struct {
		Source string `json:"source"`
	}
	_ = json.Unmarshal(raw, &s) // gold lines are objects already; a missing source is ""
	return s.Source
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// eachLine calls fn with every non-blank line and its 1-based number.
func eachLine(r io.Reader, fn func(line int, b []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLine)
	line := 0
	for sc.Scan() {
		line++
		if b := bytes.TrimSpace(sc.Bytes()); len(b) > 0 {
			if err := fn(line, b); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("line %d: longer than %d bytes", line+1, maxLine)
		}
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	return nil
}
