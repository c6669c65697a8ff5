package main

import (
	"context"
	"errors"
)

// lexiconsCommand is implemented in its own work item; this placeholder keeps the tree building.
func lexiconsCommand(ctx context.Context, env *environment, args []string) error {
	return errors.New("not implemented yet")
}
