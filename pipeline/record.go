package pipeline

import (
	"encoding/json"
	"time"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline/internal/validjson"
)

// SchemaVersion is the version of the output record schema (docs/record.schema.json). It is
// sent as the "schema-version" header of every labeled record.
const SchemaVersion = "1"

// ContentType is the content-type header value of labeled records.
const ContentType = "application/json"

// Origin says where an input post came from: a Kafka position, or a file and line number.
type Origin struct {
	Topic     string `json:"topic,omitempty"`
	Partition int    `json:"partition"`
	Offset    int64  `json:"offset"`
	File      string `json:"file,omitempty"`
	Line      int    `json:"line,omitempty"`
}

// Record is one labeled post: the output of allystream, in Kafka and in offline files alike.
type Record struct {
	ID                string                    `json:"id"`
	Text              string                    `json:"text"`
	Language          classifiers.Language      `json:"language"`
	Speaker           classifiers.SpeakerResult `json:"speaker"`
	Labels            classifiers.Labels        `json:"labels"`
	LexiconVersion    string                    `json:"lexicon_version"`
	ModelVersion      string                    `json:"model_version"`
	ClassifierVersion string                    `json:"classifier_version"`
	ProcessedAt       time.Time                 `json:"processed_at"`
	Source            Origin                    `json:"source"`
	Post              json.RawMessage           `json:"post"`

	// postChecked is the decoder's proof that Post is valid JSON (see LabelPost), which lets
	// MarshalRecord skip validating it. It covers Post only while Post is the checked slice.
	postChecked validjson.JSON
}

// Classifier is what the Labeler needs of a classification engine; *classifiers.Engine
// implements it.
type Classifier interface {
	Classify(text string) classifiers.Result
	LexiconVersion() string
}

// NoModel is the model_version of records labeled by the rules alone.
const NoModel = "none"

// ModelVersioner is implemented by classifiers with a learned layer (classifiers/model):
// their model's content hash goes into every record as model_version.
type ModelVersioner interface {
	ModelVersion() string
}

// modelVersion is c's model version, or NoModel for a rules-only classifier.
func modelVersion(c Classifier) string {
	if mv, ok := c.(ModelVersioner); ok {
		return mv.ModelVersion()
	}
	return NoModel
}

// Labeler is the one code path, shared by the streaming worker and the offline commands, that
// turns a raw message value into a labeled Record. It is safe for concurrent use when its
// Decoder and Classifier are.
type Labeler struct {
	Decoder    Decoder
	Classifier Classifier
	// Now returns the processing time. Default: time.Now, in UTC.
	Now func() time.Time
}

// Label decodes and classifies one message. A returned error is an *InputError: the message
// belongs in the dead-letter output.
func (l *Labeler) Label(value []byte, origin Origin) (Record, error) {
	post, err := l.Decoder.Decode(value)
	if err != nil {
		return Record{}, err
	}
	return l.LabelPost(post, origin), nil
}

// LabelPost classifies an already decoded post.
func (l *Labeler) LabelPost(post Post, origin Origin) Record {
	res := l.Classifier.Classify(post.Text)
	nonNilEvidence(&res)
	return Record{
		ID:                post.ID,
		Text:              res.Text,
		Language:          res.Language,
		Speaker:           res.Speaker,
		Labels:            res.Labels,
		LexiconVersion:    l.Classifier.LexiconVersion(),
		ModelVersion:      modelVersion(l.Classifier),
		ClassifierVersion: classifiers.Version,
		ProcessedAt:       l.now(),
		Source:            origin,
		Post:              post.Raw,
		postChecked:       post.checked,
	}
}

func (l *Labeler) now() time.Time {
	if l.Now != nil {
		return l.Now().UTC()
	}
	return time.Now().UTC()
}

// nonNilEvidence makes every evidence list an empty array rather than null in JSON, as
// docs/record.schema.json requires.
func nonNilEvidence(res *classifiers.Result) {
	if res.Speaker.Evidence == nil {
		res.Speaker.Evidence = []classifiers.Evidence{}
	}
	for _, name := range classifiers.LabelNames() {
		if l, _ := res.Labels.Get(name); l.Evidence == nil {
			l.Evidence = []classifiers.Evidence{}
		}
	}
}
