// Command itas runs the open ITAS system: the web platform, offline scoring and the tools
// around the yearly Integrity & Transparency Assessment. See README.md.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/openitas/itas/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
