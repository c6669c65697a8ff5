package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/allystream/allystream/lexicons"
)

const lexiconsUsage = `usage: allystream lexicons lint DIR...
       allystream lexicons show [--lexicons DIR]

lint validates the lexicon files in each DIR (on top of the embedded set, as the classifiers
would load them) and prints every problem as file:line:col: message on stdout. It prints "ok"
and exits 0 when there is none, and exits 1 otherwise.

show prints what is loaded — files, versions and every entry with its label, rule id and
file:line — from the embedded lexicons plus the overrides in --lexicons DIR.
`

// lexiconsCommand dispatches "lexicons lint" and "lexicons show".
func lexiconsCommand(ctx context.Context, env *environment, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(env.stderr, lexiconsUsage)
		return fmt.Errorf("%w: missing subcommand: lint or show", errUsage)
	}
	switch args[0] {
	case "lint":
		return lexiconsLint(env, args[1:])
	case "show":
		return lexiconsShow(env, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprint(env.stderr, lexiconsUsage)
		return flag.ErrHelp
	}
	fmt.Fprint(env.stderr, lexiconsUsage)
	return fmt.Errorf("%w: unknown subcommand %q: want lint or show", errUsage, args[0])
}

// lexiconsLint lints every directory and fails when any has a problem.
func lexiconsLint(env *environment, args []string) error {
	fs := newLexiconsFlagSet("lint")
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: lint needs a lexicon directory", errUsage)
	}
	problems := 0
	for _, dir := range fs.Args() {
		n, err := printLintProblems(env.stdout, lexicons.Lint(dir))
		if err != nil {
			return fmt.Errorf("lint %s: %w", dir, err)
		}
		problems += n
	}
	if problems > 0 {
		return fmt.Errorf("lint: %d problems", problems)
	}
	_, err := fmt.Fprintln(env.stdout, "ok")
	return err
}

// printLintProblems writes one "file:line:col: message" line per problem in err and returns
// how many it wrote. An error that is not a lexicon problem is returned as is.
func printLintProblems(w io.Writer, err error) (int, error) {
	if err == nil {
		return 0, nil
	}
	var list lexicons.ErrorList
	var one *lexicons.Error
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = lexicons.ErrorList{one}
	default:
		return 0, err
	}
	for _, e := range list {
		if _, werr := fmt.Fprintln(w, e.Error()); werr != nil {
			return 0, werr
		}
	}
	return len(list), nil
}

// lexiconsShow prints the summary of the loaded lexicons.
func lexiconsShow(env *environment, args []string) error {
	fs := newLexiconsFlagSet("show")
	dir := fs.String("lexicons", "", "lexicon override `dir` (default: the embedded lexicons only)")
	if err := parseFlags(fs, env, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	}
	set, err := lexicons.Load(*dir)
	if err != nil {
		return fmt.Errorf("load lexicons: %w", err)
	}
	if err := set.WriteSummary(env.stdout); err != nil {
		return fmt.Errorf("write summary: %w", err)
	}
	return nil
}

func newLexiconsFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("lexicons "+name, flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprint(fs.Output(), lexiconsUsage) }
	return fs
}
