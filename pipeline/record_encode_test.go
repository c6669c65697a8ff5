package pipeline_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline"
)

// checkMarshalRecord requires MarshalRecord to return exactly what json.Marshal does: the
// same bytes, or an error in the same cases.
func checkMarshalRecord(t *testing.T, rec *pipeline.Record) {
	t.Helper()
	want, werr := json.Marshal(rec)
	got, gerr := pipeline.MarshalRecord(rec)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("MarshalRecord error %v, json.Marshal error %v, record %#v", gerr, werr, rec)
	}
	if werr != nil {
		return
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("MarshalRecord differs from json.Marshal\n got %s\nwant %s", got, want)
	}
	var a, b any
	if err := json.Unmarshal(got, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(want, &b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("decoded outputs differ")
	}
}

// TestMarshalRecordRealOutputs compares the encoders on records the real engine labels.
func TestMarshalRecordRealOutputs(t *testing.T) {
	lab := newLabeler(t, pipeline.DefaultLimits())
	var values [][]byte
	for _, path := range []string{"../cmd/allystream/demo/feed.jsonl", "../cmd/allystream/testdata/posts.jsonl", "../cmd/allystream/testdata/gold.jsonl"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			values = append(values, append([]byte(nil), sc.Bytes()...))
		}
		f.Close()
	}
	generated, _ := posts("enc", 12)
	values = append(values, generated...)
	values = append(values, []byte(`{ "id": "x<1>", "text": "Tom & Jerry <3 \u2028 women are paid less", "n": [1, 2] }`))
	labeled := 0
	for i, v := range values {
		rec, err := lab.Label(v, pipeline.Origin{Topic: "posts", Partition: i % 3, Offset: int64(i) * 1000})
		if err != nil {
			continue
		}
		labeled++
		checkMarshalRecord(t, &rec)
		rec.Source = pipeline.Origin{File: "in.jsonl", Line: i + 1}
		checkMarshalRecord(t, &rec)
	}
	if labeled < 40 {
		t.Fatalf("only %d records labeled", labeled)
	}
}

// TestMarshalRecordRandom fills every field of Record, found by reflection (so a field added
// to Record or to a classifiers result type is covered without changing this test), with
// random values, including awkward strings and floats, and compares the encoders.
func TestMarshalRecordRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for range 3000 {
		var rec pipeline.Record
		fillRandom(rng, reflect.ValueOf(&rec).Elem())
		checkMarshalRecord(t, &rec)
	}
}

// FuzzMarshalRecord compares the encoders on fuzzed strings, numbers and raw posts.
func FuzzMarshalRecord(f *testing.F) {
	f.Add("id", "text <&> \u2028 \x00 \xff", "cue", "anger.yaml:1", 0.5, int64(3), []byte(`{"a": 1}`), int64(0))
	f.Add("", "", "", "", 1e-7, int64(-1), []byte(`null`), int64(1e18))
	f.Add("x", "y", "z", "w", math.Inf(1), int64(0), []byte(`{`), int64(-62135596800))
	f.Fuzz(func(t *testing.T, id, text, cue, rule string, score float64, n int64, post []byte, unix int64) {
		ev := []classifiers.Evidence{{Cue: cue, Start: int(n), End: int(n) + 1, Rule: rule}}
		rec := pipeline.Record{ID: id, Text: text, Language: classifiers.Language{Code: cue, Supported: n%2 == 0},
			Speaker:        classifiers.SpeakerResult{Role: rule, Score: score, Evidence: ev},
			LexiconVersion: rule, ClassifierVersion: id, ProcessedAt: time.Unix(unix, n).UTC(),
			Source: pipeline.Origin{Topic: cue, Partition: int(n), Offset: n, File: rule, Line: int(n % 7)}}
		rec.Labels.Anger = classifiers.LabelResult{Present: true, Score: -score, Evidence: ev[:0]}
		rec.Labels.Spokesperson = classifiers.LabelResult{Score: score / 3, Evidence: ev}
		if len(post) > 0 {
			rec.Post = post
		}
		checkMarshalRecord(t, &rec)
	})
}

var awkward = []string{"", "a", "<b>&amp;</b>", "\u2028\u2029", "\x00\x01\x1f\x7f", "\"\\/", "\b\f\n\r\t",
	"\xff\xfe", "é中😀", "a\xc3", strings.Repeat("x", 300)}

func randomString(rng *rand.Rand) string {
	if rng.IntN(3) == 0 {
		return awkward[rng.IntN(len(awkward))]
	}
	b := make([]byte, rng.IntN(24))
	for i := range b {
		b[i] = byte(rng.IntN(256))
		if rng.IntN(2) == 0 {
			b[i] = byte(' ' + rng.IntN(95))
		}
	}
	return string(b)
}

var floats = []float64{0, 1, 0.5, 1e-7, 1e-6, 1e21, 1e20, 0.1 + 0.2, 123456789.125, 5e-324, math.MaxFloat64, 2.5e-10}

var rawPosts = []string{`{"id":"1","text":"a"}`, `{ "a" : [ 1 , 2 ] }`, `"<&>"`, "{\"a\":\"\u2028\"}", `null`, `[]`, `{"x":`}

func fillRandom(rng *rand.Rand, v reflect.Value) {
	switch v.Type() {
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Unix(rng.Int64N(1<<35)-1<<34, rng.Int64N(1e9)).UTC()))
		return
	case reflect.TypeFor[json.RawMessage]():
		if rng.IntN(8) > 0 {
			v.SetBytes([]byte(rawPosts[rng.IntN(len(rawPosts))]))
		}
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(randomString(rng))
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(rng.Int64N(1<<40) - 1<<39)
	case reflect.Float64:
		f := rng.Float64()
		if rng.IntN(2) == 0 {
			f = floats[rng.IntN(len(floats))]
		}
		if rng.IntN(2) == 0 {
			f = -f
		}
		v.SetFloat(f)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillRandom(rng, v.Field(i))
			}
		}
	case reflect.Slice:
		if rng.IntN(5) == 0 {
			return // nil
		}
		n := rng.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fillRandom(rng, s.Index(i))
		}
		v.Set(s)
	default:
		panic("fillRandom: unsupported kind " + v.Kind().String())
	}
}

// echoClassifier labels nothing; it makes labeling cheap enough to fuzz the decoder's path.
type echoClassifier struct{}

func (echoClassifier) Classify(text string) classifiers.Result {
	return classifiers.Result{Text: text, Speaker: classifiers.SpeakerResult{Role: classifiers.RoleUnknown}}
}

func (echoClassifier) LexiconVersion() string { return "echo" }

// FuzzMarshalRecordDecodedPost compares the encoders on records whose post JSONDecoder
// accepted, which MarshalRecord does not validate again: whitespace, escapes and
// characters encoding/json rewrites must come out the same.
func FuzzMarshalRecordDecodedPost(f *testing.F) {
	for _, s := range []string{
		`{"id":"1","text":"a"}`, " {\t\"id\" : 1 ,\n\"text\":\"a b\" , \"x\" : [ 1 , { } ] }\r\n",
		`{"id":"<&>","text":"\u2028 \" \\ \/ é","n":"` + "\u2028\u2029\u2026\u201c" + `"}`,
		`{"id":"1","text":"a","e":"\u00e2\u0080\u00a8","z":"` + "\xe2\x80" + `"}`,
	} {
		f.Add([]byte(s))
	}
	lab := &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}, Classifier: echoClassifier{}}
	f.Fuzz(func(t *testing.T, value []byte) {
		rec, err := lab.Label(value, pipeline.Origin{Topic: "posts"})
		if err != nil {
			return
		}
		checkMarshalRecord(t, &rec)
	})
}

// TestMarshalRecordReplacedPost requires a Post replaced after decoding to be validated:
// the decoder's proof covers only the slice it checked.
func TestMarshalRecordReplacedPost(t *testing.T) {
	lab := &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}, Classifier: echoClassifier{}}
	value := []byte(`{"id":"1","text":"a","pad":"xx"}`)
	for _, post := range [][]byte{
		[]byte(`{"id":"1","text":"a","pad":"xxx"`), // equal length, invalid
		value[:len(value)-1],                       // the checked memory, cut short
		[]byte(`{ "other" : true }`),
		[]byte{},
	} {
		rec, err := lab.Label(value, pipeline.Origin{})
		if err != nil {
			t.Fatal(err)
		}
		rec.Post = post
		checkMarshalRecord(t, &rec)
	}
}
