// Package cli is the atrium command line: local operator commands that
// work on the database (serve, tenant, token) and remote commands that call
// a server through the public client.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the operation failed
	exitUsage = 2 // the command line is wrong
)

// usageError marks errors in how the command was called.
type usageError struct{ error }

// Main runs the CLI with args and returns the process exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := &cobra.Command{
		Use:           "atrium",
		Short:         "Atrium: a self-hosted, multi-tenant cloud directory and admin center",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetArgs(args)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(serveCmd(), tenantCmd(), tokenCmd(), keysCmd(), userCmd(), domainCmd(), groupCmd(), roleCmd(), outboxCmd(), supportCmd(), healthCmd(), catalogCmd(), licenseCmd(), subscriptionCmd(), partnerCmd(), gdapCmd())
	for _, mk := range []func(*remote) *cobra.Command{loginCmd, logoutCmd} {
		var r remote
		c := mk(&r)
		r.register(c)
		root.AddCommand(c)
	}
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "atrium:", describe(err))
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return exitUsage
	}
	return exitError
}

// describe renders an error for people: API errors by code and message.
func describe(err error) string {
	var ce *client.Error
	if errors.As(err, &ce) {
		s := ce.Message
		for _, d := range ce.Details {
			if d.Target != "" {
				s += " (property " + d.Target + ")"
				break
			}
		}
		return fmt.Sprintf("%s [%s, HTTP %d]", s, ce.Code, ce.Status)
	}
	return err.Error()
}

func isCobraUsage(err error) bool {
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires ", "required flag"} {
		if strings.Contains(err.Error(), p) {
			return true
		}
	}
	return false
}

// env returns the environment variable name's value, or def.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// parent returns a command that only groups subcommands: run bare it shows
// help, with an unknown subcommand it is a usage error.
func parent(use, short string) *cobra.Command {
	return &cobra.Command{Use: use, Short: short, Args: cobra.ArbitraryArgs, RunE: func(c *cobra.Command, args []string) error {
		if len(args) > 0 {
			return usageError{fmt.Errorf("unknown command %q for %q", args[0], c.CommandPath())}
		}
		return c.Help()
	}}
}
