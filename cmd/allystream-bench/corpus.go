package main

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

// sentences are the bundled demo posts, one per line; posts are built from 1-3 of them.
//
//go:embed sentences.txt
var sentences string

func loadCorpus(path string) ([]string, error) {
	if path == "" {
		return strings.Split(strings.TrimSpace(sentences), "\n"), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open corpus: %w", err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var p struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &p) == nil && strings.TrimSpace(p.Text) != "" {
			texts = append(texts, p.Text)
		}
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("corpus %s has no posts with a text", path)
	}
	return texts, sc.Err()
}

// postMaker builds realistic input posts deterministically.
type postMaker struct {
	texts []string
	rng   *rand.Rand
}

func newPostMaker(texts []string) *postMaker {
	return &postMaker{texts: texts, rng: rand.New(rand.NewPCG(1, 2))}
}

// post returns the id and JSON value of post number seq.
func (m *postMaker) post(seq int) (string, []byte) {
	n := 1 + m.rng.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = m.texts[m.rng.IntN(len(m.texts))]
	}
	id := fmt.Sprintf("b-%d", seq)
	v, _ := json.Marshal(map[string]any{
		"id": id, "text": strings.Join(parts, " "), "platform": "bench", "author": fmt.Sprintf("user%d", seq%5000),
		"created_at": "2026-06-01T12:00:00Z", "lang": "en",
	})
	return id, v
}
