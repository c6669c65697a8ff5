package main

import (
	"context"
	"errors"
)

// demoCommand is implemented in its own work item; this placeholder keeps the tree building.
func demoCommand(ctx context.Context, env *environment, args []string) error {
	return errors.New("not implemented yet")
}
