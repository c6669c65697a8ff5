package model

import (
	"embed"
	"fmt"
	"io/fs"
)

//go:embed default/manifest.json default/weights.tsv
var defaultFiles embed.FS

// Default loads the model shipped with allystream (classifiers/model/default, rebuilt by
// the training command in the README).
func Default() (*Model, error) {
	sub, err := fs.Sub(defaultFiles, "default")
	if err != nil {
		return nil, fmt.Errorf("default model: %w", err)
	}
	m, err := Load(sub)
	if err != nil {
		return nil, fmt.Errorf("default model: %w", err)
	}
	return m, nil
}
