package lexicons

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// builder accumulates files into a Set.
type builder struct {
	errs   errs
	set    *Set
	sums   [][]byte
	labelF map[string]string // label -> embedded file that defined it
}

func newBuilder() *builder {
	return &builder{
		set:    &Set{labels: map[string]*Label{}, lists: map[string]*List{}},
		labelF: map[string]string{},
	}
}

// addDir loads every lexicon file in fsys, in name order. prefix is prepended to file names
// in errors and evidence.
func (b *builder) addDir(fsys fs.FS, prefix string, override bool) error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() && isLexiconFile(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("read lexicon %s: %w", name, err)
		}
		b.addFile(name, joinName(prefix, name), src, override)
	}
	return nil
}

func joinName(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return filepath.Join(prefix, name)
}

// addFile parses one file and merges it.
func (b *builder) addFile(base, name string, src []byte, override bool) {
	sum := sha256.Sum256(src)
	origin := "embedded"
	if override {
		origin = "override"
	}
	b.set.files = append(b.set.files, FileInfo{Name: name, Origin: origin, SHA256: hex.EncodeToString(sum[:])})
	b.sums = append(b.sums, []byte(origin+"\x00"+base+"\x00"+hex.EncodeToString(sum[:])+"\n"))
	r := &nodeReader{file: name, errs: &b.errs}
	if strings.HasSuffix(base, ".txt") {
		b.mergeList(strings.TrimSuffix(path.Base(base), ".txt"), name, r.parseWordList(src, override))
		return
	}
	if d := r.parseRuleFile(src); d != nil && d.label != "" {
		b.mergeLabel(name, d, override)
	}
}

// finish validates the merged set and computes its version.
func (b *builder) finish() (*Set, error) {
	b.checkComplete()
	if err := b.errs.err(); err != nil {
		return nil, err
	}
	h := sha256.New()
	for _, s := range b.sums {
		h.Write(s)
	}
	b.set.version = hex.EncodeToString(h.Sum(nil))[:12]
	return b.set, nil
}
