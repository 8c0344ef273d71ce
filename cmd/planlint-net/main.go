// Command planlint-net holds planlint's commands that use the network, so
// that planlint itself links no HTTP client and starts in a few
// milliseconds. planlint runs it for "planlint data update"; it can also be
// run on its own:
//
//	planlint-net data update [--gitlab-url URL]
//
// Exit codes: 0 done (including "nothing newer to store"), 2 usage error
// or a failed update.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/planlint/planlint/internal/knowledge"
	"github.com/planlint/planlint/internal/update"
)

const usage = `usage:
  planlint-net data update [--gitlab-url URL]
`

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "planlint: "+err.Error())
		os.Exit(2)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) < 2 || args[0] != "data" || args[1] != "update" {
		return fmt.Errorf("data: the only subcommand is \"update\"\n%s", usage)
	}
	fs := flag.NewFlagSet("data update", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	url := fs.String("gitlab-url", update.DefaultGitLabURL, "")
	if err := fs.Parse(args[2:]); err != nil {
		return fmt.Errorf("data update: %v\n%s", err, usage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("data update: unexpected argument %q", fs.Arg(0))
	}
	res, err := update.Update(context.Background(), update.Options{GitLabURL: *url}, knowledge.Default())
	if err != nil {
		return fmt.Errorf("data update: %v", err)
	}
	fmt.Fprintln(stdout, res.Message)
	return nil
}
