// Command allystream labels social-media posts with the communication styles of the allyship
// codebook: as a streaming Kafka worker (run), as a self-contained demo (demo), offline over
// files (classify), against hand-coded gold data (eval), and to inspect lexicons (lexicons).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// command is one subcommand. run receives the arguments after the subcommand's name.
type command struct {
	summary string
	run     func(ctx context.Context, env *environment, args []string) error
}

// environment is what a subcommand may touch of the process: streams and variables.
type environment struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

// errUsage marks an error caused by bad command-line usage (exit status 2).
var errUsage = errors.New("usage")

func commands() map[string]command {
	return map[string]command{
		"run":      {"consume posts from Kafka, label them, publish labeled records", runCommand},
		"demo":     {"run the pipeline on a bundled sample feed with an embedded broker", demoCommand},
		"classify": {"label a JSONL file offline (no Kafka) to JSONL or CSV", classifyCommand},
		"eval":     {"score the classifiers against a hand-coded gold file", evalCommand},
		"lexicons": {"lint or show lexicon files (lexicons lint DIR | lexicons show)", lexiconsCommand},
		"train":    {"train the learned layer on coded JSONL and write a model directory", trainCommand},
		"suggest":  {"list the uncoded posts that would teach the model most, as a coding batch", suggestCommand},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := &environment{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	code := dispatch(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

// dispatch runs the subcommand named by args[0] and returns the process exit status.
func dispatch(ctx context.Context, env *environment, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(env.stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "allystream: unknown command %q\n\n", args[0])
		printUsage(env.stderr, cmds)
		return 2
	}
	err := cmd.run(ctx, env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(env.stderr, "allystream %s: %v\n", args[0], err)
		return 2
	default:
		fmt.Fprintf(env.stderr, "allystream %s: %v\n", args[0], err)
		return 1
	}
}

func printUsage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for name := range cmds {
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: allystream <command> [flags]")
	fmt.Fprintln(w, "\ncommands:")
	for _, name := range names {
		fmt.Fprintf(w, "  %-9s %s\n", name, cmds[name].summary)
	}
	fmt.Fprintln(w, "\nEvery flag can also be set from the environment as ALLYSTREAM_<FLAG>,")
	fmt.Fprintln(w, "upper-cased with dashes as underscores (--input-topic -> ALLYSTREAM_INPUT_TOPIC).")
	fmt.Fprintln(w, "Run 'allystream <command> -h' for a command's flags.")
}

// parseFlags parses args into fs, then fills every flag not given on the command line from
// its ALLYSTREAM_* environment variable. Command-line flags win over the environment.
func parseFlags(fs *flag.FlagSet, env *environment, args []string) error {
	fs.SetOutput(env.stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		if set[f.Name] || envErr != nil {
			return
		}
		name := envName(f.Name)
		if v := env.getenv(name); v != "" {
			if err := fs.Set(f.Name, v); err != nil {
				envErr = fmt.Errorf("%w: %s=%q: %v", errUsage, name, v, err)
			}
		}
	})
	return envErr
}

// envName maps a flag name to its environment variable: input-topic -> ALLYSTREAM_INPUT_TOPIC.
func envName(flagName string) string {
	return "ALLYSTREAM_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}
