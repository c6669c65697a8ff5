// Package postag tags the words of a sentence with Penn Treebank parts of speech exactly as
// prose v2.0.0's averaged-perceptron tagger does, from prose's own model, but without
// prose's per-word maps: feature weights are stored densely by row, features are looked up
// without allocating, and one word's tag can be computed from a short window of its
// sentence (TagAt) instead of the whole sentence.
//
// The one deliberate difference is ties. prose picks the best-scoring class by iterating a
// Go map, so when two classes score exactly the same it returns either of them at random.
// Tagger returns the first of them in the model's class order, so its output is
// deterministic. prose's model weights are all multiples of 0.001; Tagger stores them
// scaled by 1000, as exact integers held in float64, so its sums are exact and a tie is a
// true tie, not an artefact of summation order. (The other difference: prose panics on an
// empty word, which its tokenizer never produces; Tagger gives it an empty prefix feature.)
package postag

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"

	"github.com/jdkato/prose/v2"
)

// maxClasses bounds the number of classes: a row's classes are a bit mask.
const maxClasses = 64

// Tagger is an averaged-perceptron part-of-speech tagger. It is immutable, and safe for
// concurrent use by many goroutines (each with its own Scratch).
type Tagger struct {
	classes []string          // the model's classes, in its order
	tagMap  map[string]string // words whose tag is fixed, whatever their context
	rows    map[string]int32  // feature key -> row of weights
	weights []float64         // row r is weights[r*len(classes):][:len(classes)], scaled
	masks   []uint64          // by row: the classes that have a weight in it
	bias    int32             // the row of feature "bias", or -1
	pref1   [256]int32        // by a word's first byte: the row of its "i pref1" feature, or -1
}

// assetDir is where prose keeps its tagger model among its assets.
const assetDir = "model/AveragedPerceptron/"

// Load builds a Tagger from the model that prose v2.0.0 ships, read through prose.Asset.
// It reads the weights straight from their gob encoding (see readWeights), which takes a
// fraction of the time of decoding them into prose's nested maps.
func Load() (*Tagger, error) {
	var (
		tags    map[string]string
		classes []string
	)
	if err := decodeAsset("classes.gob", &classes); err != nil {
		return nil, err
	}
	if err := decodeAsset("tags.gob", &tags); err != nil {
		return nil, err
	}
	b, err := prose.Asset(assetDir + "weights.gob")
	if err != nil {
		return nil, fmt.Errorf("load prose tagger model: %w", err)
	}
	t, err := readWeights(b, classes, tags)
	if err != nil {
		return nil, fmt.Errorf("load prose tagger model: weights.gob: %w", err)
	}
	return t, nil
}

func decodeAsset(name string, into any) error {
	b, err := prose.Asset(assetDir + name)
	if err != nil {
		return fmt.Errorf("load prose tagger model: %w", err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(into); err != nil {
		return fmt.Errorf("load prose tagger model: decode %s: %w", name, err)
	}
	return nil
}

// New builds a Tagger from a model in prose's form: weights by feature key and class, the
// tags of words whose tag is fixed, and the classes. Every class in weights must be one of
// classes, of which there may be at most 64. New keeps tags; the caller must not change it.
func New(weights map[string]map[string]float64, tags map[string]string, classes []string) (*Tagger, error) {
	b, err := newBuilder(classes, tags, len(weights))
	if err != nil {
		return nil, err
	}
	for feat, ws := range weights {
		r := b.addRow(feat)
		for class, w := range ws {
			if err := b.set(r, []byte(class), w); err != nil {
				return nil, err
			}
		}
	}
	return b.done(), nil
}

// builder fills a Tagger's weight rows.
type builder struct {
	t     *Tagger
	index map[string]int // class -> column
	n     int            // rows added
	exact bool           // every weight so far is a multiple of 0.001
}

func newBuilder(classes []string, tags map[string]string, rows int) (*builder, error) {
	if len(classes) == 0 || len(classes) > maxClasses {
		return nil, fmt.Errorf("new tagger: %d classes, want 1 to %d", len(classes), maxClasses)
	}
	index := make(map[string]int, len(classes))
	for i, c := range classes {
		if _, dup := index[c]; dup {
			return nil, fmt.Errorf("new tagger: class %q listed twice", c)
		}
		index[c] = i
	}
	t := &Tagger{
		classes: classes, tagMap: tags,
		rows:    make(map[string]int32, rows),
		weights: make([]float64, 0, rows*len(classes)),
		masks:   make([]uint64, 0, rows),
	}
	return &builder{t: t, index: index, exact: true}, nil
}

// addRow adds an empty row for feature feat and returns its number.
func (b *builder) addRow(feat string) int {
	b.t.rows[feat] = int32(b.n)
	b.t.weights = append(b.t.weights, make([]float64, len(b.t.classes))...)
	b.t.masks = append(b.t.masks, 0)
	b.n++
	return b.n - 1
}

// set sets row r's weight for class.
func (b *builder) set(r int, class []byte, w float64) error {
	c, ok := b.index[string(class)]
	if !ok {
		return fmt.Errorf("new tagger: weight for %q, which is not a class", class)
	}
	b.t.weights[r*len(b.t.classes)+c] = w
	b.t.masks[r] |= 1 << c
	k := math.Round(w * 1000)
	b.exact = b.exact && k/1000 == w && math.Abs(k) < 1<<40
	return nil
}

// done returns the Tagger, its weights scaled by 1000 when every weight is a multiple of
// 0.001 (as prose's are: its trainer rounds them to three decimals), so that they are
// integers and sums of them exact.
func (b *builder) done() *Tagger {
	t := b.t
	if b.exact {
		for i, w := range t.weights {
			t.weights[i] = math.Round(w * 1000)
		}
	}
	t.bias = t.row("bias")
	for c := range t.pref1 {
		t.pref1[c] = t.row("i pref1 " + string(rune(c)))
	}
	return t
}

// row returns the row of feature feat, or -1.
func (t *Tagger) row(feat string) int32 {
	if r, ok := t.rows[feat]; ok {
		return r
	}
	return -1
}
