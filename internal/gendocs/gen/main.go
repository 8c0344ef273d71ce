// Command gen writes docs/rules from the rule definitions. Run it with
// "go generate ./rules".
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/planlint/planlint/internal/gendocs"
	"github.com/planlint/planlint/rules"
)

func main() {
	dir := flag.String("dir", "../docs/rules", "output directory")
	flag.Parse()
	if err := gendocs.Write(rules.All(), *dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
