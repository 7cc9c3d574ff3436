// Command atrium runs the Atrium server and its operator and admin
// commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/atriumhq/atrium/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
