package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/atriumhq/atrium/client"
	"github.com/spf13/cobra"
)

// remote holds the flags of commands that call a server.
type remote struct {
	server, token, output, credentials string
	// tenant is the customer a partner's user acts in; empty for their own
	tenant string
}

func (r *remote) register(c *cobra.Command) {
	c.PersistentFlags().StringVar(&r.server, "server", env("ATRIUM_SERVER", "http://localhost:8080"), "Atrium server URL (ATRIUM_SERVER)")
	c.PersistentFlags().StringVar(&r.token, "token", env("ATRIUM_TOKEN", ""), "access token; see 'atrium token create' (ATRIUM_TOKEN)")
	c.PersistentFlags().StringVarP(&r.output, "output", "o", "table", "output format: table or json")
	c.PersistentFlags().StringVar(&r.credentials, "credentials", env("ATRIUM_CREDENTIALS", ""),
		"file of the sign-in 'atrium login' keeps (ATRIUM_CREDENTIALS; default in your config directory)")
	c.PersistentFlags().StringVar(&r.tenant, "tenant", env("ATRIUM_TENANT", ""),
		"a customer tenant to act in as its partner's agent, with your delegated roles there (ATRIUM_TENANT)")
}

// client returns the API client: with --token (ATRIUM_TOKEN) when given,
// else with the sign-in 'atrium login' stored for the server.
func (r *remote) client(ctx context.Context) (*client.Client, error) {
	if r.output != "table" && r.output != "json" {
		return nil, usageError{fmt.Errorf("--output must be table or json, not %q", r.output)}
	}
	if r.token != "" {
		return client.New(r.server, r.token).ActingIn(r.tenant), nil
	}
	path, err := credentialsPath(r.credentials)
	if err != nil {
		return nil, err
	}
	tok, err := storedToken(ctx, path, r.server)
	if err != nil {
		return nil, err
	}
	return client.New(r.server, tok).ActingIn(r.tenant), nil
}

// print writes v as JSON, or as a table of the given columns taken from
// each row's JSON properties.
func (r *remote) print(w io.Writer, v any, rows []any, columns ...string) error {
	if r.output == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(columns, "\t")))
	for _, row := range rows {
		b, _ := json.Marshal(row)
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		cells := make([]string, len(columns))
		for i, c := range columns {
			cells[i] = cell(m[c])
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return "-"
	case string:
		return v
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = cell(x)
		}
		return strings.Join(parts, ",")
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}

func rowsOf[T any](items []T) []any {
	out := make([]any, len(items))
	for i := range items {
		out[i] = items[i]
	}
	return out
}

// parseSets turns key=value flags into Graph properties; a value that is
// valid JSON (true, 12, ["a"], null) is taken as JSON, anything else as a
// string.
func parseSets(sets []string) (map[string]any, error) {
	props := map[string]any{}
	for _, s := range sets {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" {
			return nil, usageError{fmt.Errorf("--set %q: use property=value", s)}
		}
		var j any
		if err := json.Unmarshal([]byte(v), &j); err == nil {
			props[k] = j
		} else {
			props[k] = v
		}
	}
	return props, nil
}

// listFlags are the query flags of list commands.
type listFlags struct {
	filter, search, orderBy string
	top                     int
	all                     bool
}

func (l *listFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&l.filter, "filter", "", "OData $filter, e.g. \"startswith(displayName,'a')\"")
	c.Flags().StringVar(&l.search, "search", "", "$search, e.g. '\"displayName:anna\"' (sends ConsistencyLevel: eventual)")
	c.Flags().StringVar(&l.orderBy, "orderby", "displayName", "$orderby, e.g. 'displayName desc'; empty for id order")
	c.Flags().IntVar(&l.top, "top", 100, "page size (1-999)")
	c.Flags().BoolVar(&l.all, "all", false, "follow @odata.nextLink and list every page")
}

func (l *listFlags) options(sel ...string) client.ListOptions {
	o := client.ListOptions{Filter: l.filter, Search: l.search, OrderBy: l.orderBy, Top: l.top, Select: sel}
	if l.search != "" || (l.filter != "" && l.orderBy != "") {
		o.Eventual, o.Count = true, true
	}
	return o
}
