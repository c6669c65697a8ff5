package model

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/allystream/allystream/classifiers"
)

// File names inside a model directory.
const (
	ManifestFile = "manifest.json"
	WeightsFile  = "weights.tsv"
)

// LoadDir loads the model in directory dir.
func LoadDir(dir string) (*Model, error) {
	m, err := Load(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("load model %s: %w", dir, err)
	}
	return m, nil
}

// Load reads and validates a model directory: manifest.json, then weights.tsv. Every
// error names the file and, for the weights, the line.
func Load(fsys fs.FS) (*Model, error) {
	mb, err := fs.ReadFile(fsys, ManifestFile)
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	wb, err := fs.ReadFile(fsys, WeightsFile)
	if err != nil {
		return nil, fmt.Errorf("read weights: %w", err)
	}
	return parse(mb, wb)
}

// parse builds a Model from the bytes of its two files.
func parse(manifest, weights []byte) (*Model, error) {
	var man Manifest
	dec := json.NewDecoder(bytes.NewReader(manifest))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&man); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	if err := man.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	m := &Model{manifest: man, version: contentHash(manifest, weights)}
	m.cols = make([]int, len(man.Decisions))
	width := 0
	for i, d := range man.Decisions {
		m.cols[i] = -1
		if d.Mode == ModeModel {
			m.cols[i] = width
			width++
		}
	}
	if err := m.readWeights(weights, width); err != nil {
		return nil, err
	}
	return m, nil
}

// validate checks a manifest's own consistency.
func (man *Manifest) validate() error {
	if man.Format != FormatVersion {
		return fmt.Errorf("format %d, want %d", man.Format, FormatVersion)
	}
	known := map[string]bool{DecisionAlly: true, DecisionMember: true}
	for _, l := range classifiers.LabelNames() {
		known[l] = true
	}
	seen := map[string]bool{}
	for i, d := range man.Decisions {
		switch {
		case !known[d.Name]:
			return fmt.Errorf("decision %d: unknown name %q (want a label key, %q or %q)", i, d.Name, DecisionAlly, DecisionMember)
		case seen[d.Name]:
			return fmt.Errorf("decision %d: %q listed twice", i, d.Name)
		case d.Mode != ModeModel && d.Mode != ModeRules:
			return fmt.Errorf("decision %q: mode %q (want %q or %q)", d.Name, d.Mode, ModeModel, ModeRules)
		case d.Mode == ModeModel && !(d.Threshold > 0 && d.Threshold < 1):
			return fmt.Errorf("decision %q: threshold %v outside (0,1)", d.Name, d.Threshold)
		case !finite(d.Bias, d.PlattA, d.PlattB):
			return fmt.Errorf("decision %q: bias and calibration must be finite numbers", d.Name)
		}
		seen[d.Name] = true
	}
	return nil
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// readWeights parses weights.tsv: a header "feature<TAB>name..." naming the model-mode
// decisions in manifest order, then "feature<TAB>weight..." lines.
func (m *Model) readWeights(b []byte, width int) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	lines := bytes.Count(b, []byte{'\n'})
	m.table = newTable(lines, width)
	line := 0
	for sc.Scan() {
		line++
		if err := m.weightLine(sc.Text(), line, width); err != nil {
			return fmt.Errorf("%s:%d: %w", WeightsFile, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", WeightsFile, line+1, err)
	}
	if line == 0 {
		return fmt.Errorf("%s:1: no header line", WeightsFile)
	}
	return nil
}

// weightLine parses one line of weights.tsv.
func (m *Model) weightLine(s string, line, width int) error {
	fields := strings.Split(s, "\t")
	if line == 1 {
		return m.checkHeader(fields)
	}
	if len(fields) != width+1 {
		return fmt.Errorf("%d fields, want %d (a feature and %d weights)", len(fields), width+1, width)
	}
	if fields[0] == "" {
		return fmt.Errorf("empty feature name")
	}
	ws := make([]float32, width)
	for i, f := range fields[1:] {
		v, err := strconv.ParseFloat(f, 32)
		if err != nil || !finite(v) {
			return fmt.Errorf("weight %d of %q: %q is not a finite number", i+1, fields[0], f)
		}
		ws[i] = float32(v)
	}
	if !m.table.insert(fields[0], ws) {
		return fmt.Errorf("feature %q listed twice", fields[0])
	}
	return nil
}

// checkHeader checks that the header names the model-mode decisions in manifest order.
func (m *Model) checkHeader(fields []string) error {
	want := []string{"feature"}
	for _, d := range m.manifest.Decisions {
		if d.Mode == ModeModel {
			want = append(want, d.Name)
		}
	}
	if strings.Join(fields, "\t") != strings.Join(want, "\t") {
		return fmt.Errorf("header %q, want %q (the manifest's model-mode decisions)", strings.Join(fields, " "), strings.Join(want, " "))
	}
	return nil
}

// contentHash is the model version: the first 12 hex digits of SHA-256 over both files.
func contentHash(manifest, weights []byte) string {
	h := sha256.New()
	h.Write(manifest)
	h.Write([]byte{0})
	h.Write(weights)
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// SaveDir writes a trained model to dir (created if needed) as manifest.json and
// weights.tsv, and returns the model as Load reads it back.
func SaveDir(dir string, man Manifest, rows []WeightRow) (*Model, error) {
	mb, wb, err := encode(man, rows)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("save model: %w", err)
	}
	for name, b := range map[string][]byte{ManifestFile: mb, WeightsFile: wb} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, fmt.Errorf("save model: %w", err)
		}
	}
	return parse(mb, wb)
}

// WeightRow is one feature and its weight for each model-mode decision, in manifest order.
type WeightRow struct {
	Feature string
	Weights []float64
}

// encode renders the two files of a model.
func encode(man Manifest, rows []WeightRow) (manifest, weights []byte, err error) {
	mb, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return nil, nil, fmt.Errorf("encode manifest: %w", err)
	}
	var b bytes.Buffer
	b.WriteString("feature")
	for _, d := range man.Decisions {
		if d.Mode == ModeModel {
			b.WriteString("\t" + d.Name)
		}
	}
	b.WriteByte('\n')
	for _, r := range rows {
		if strings.ContainsAny(r.Feature, "\t\n\r") {
			continue // a name the format cannot hold; the tokenizer never makes one
		}
		b.WriteString(r.Feature)
		for _, w := range r.Weights {
			b.WriteString("\t" + strconv.FormatFloat(w, 'g', 5, 32))
		}
		b.WriteByte('\n')
	}
	return append(mb, '\n'), b.Bytes(), nil
}

// FromTrained turns a trained model into a usable one without writing files (for
// cross-validation), exactly as SaveDir then Load would.
func FromTrained(t *Trained) (*Model, error) {
	mb, wb, err := encode(t.Manifest, t.Rows)
	if err != nil {
		return nil, err
	}
	return parse(mb, wb)
}
