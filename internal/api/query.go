package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/api/odata"
	"github.com/atriumhq/atrium/internal/directory"
)

// listParams is a parsed and validated collection query.
type listParams struct {
	q        directory.ListQuery
	selected []string // the properties to return
	count    bool     // add @odata.count to this page
	advanced bool
}

// skipTokenTTL is how long a nextLink stays valid.
const skipTokenTTL = 24 * time.Hour

// queryOptions reads the system query options of r; names are
// case-insensitive, each may appear once.
func queryOptions(r *http.Request) (map[string]string, error) {
	opts := map[string]string{}
	values, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, badRequest("", "The query string is malformed: %v.", err)
	}
	for k, v := range values {
		name := strings.ToLower(k)
		if !strings.HasPrefix(name, "$") {
			continue
		}
		if _, dup := opts[name]; len(v) != 1 || dup {
			return nil, badRequest(k, "Query option '%s' was given more than once.", k)
		}
		switch name {
		case "$select", "$filter", "$orderby", "$search", "$count", "$top", "$skiptoken":
			opts[name] = v[0]
		case "$skip":
			return nil, badRequest(k, "$skip is not supported; follow @odata.nextLink.")
		case "$expand":
			return nil, badRequest(k, "$expand is not supported on this resource yet; read the relationship (for example /members) instead.")
		default:
			return nil, badRequest(k, "Query option '%s' is not supported.", k)
		}
	}
	return opts, nil
}

// noOptions refuses query options on collections that take none (Graph's
// small, unpaged collections such as domains).
func noOptions(r *http.Request) error {
	opts, err := queryOptions(r)
	for k := range opts {
		return badRequest(k, "Query option '%s' is not supported on this collection.", k)
	}
	return err
}

// parseList parses and validates the query of a collection request in
// tenantID against rules r.
func (a *API) parseList(ctx context.Context, req *http.Request, r *rules) (listParams, error) {
	var lp listParams
	opts, err := queryOptions(req)
	if err != nil {
		return lp, err
	}
	eventual := strings.EqualFold(strings.TrimSpace(req.Header.Get("ConsistencyLevel")), "eventual")
	wantCount := false
	if v, ok := opts["$count"]; ok {
		switch strings.ToLower(v) {
		case "true":
			wantCount = true
		case "false":
		default:
			return lp, badRequest("$count", "$count must be true or false.")
		}
	}
	lp.advanced = !a.strict || (eventual && wantCount)
	if tok, ok := opts["$skiptoken"]; ok {
		c, adv, err := a.openSkipToken(ctx, req, tok)
		if err != nil {
			return lp, err
		}
		lp.q.After, lp.advanced = c, lp.advanced || adv
	}
	lp.count = wantCount && (lp.advanced || r.noAdvanced) && lp.q.After == ""
	lp.q.Top = 100
	if v, ok := opts["$top"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 999 {
			return lp, badRequest("$top", "Invalid page size specified: '%s'. Must be between 1 and 999 inclusive.", v)
		}
		lp.q.Top = n
	}
	if lp.selected, err = parseSelectFor(opts["$select"], r); err != nil {
		return lp, err
	}
	chk := &checker{r: r, advanced: lp.advanced}
	if v, ok := opts["$filter"]; ok {
		e, err := odata.ParseFilter(v)
		if err != nil {
			return lp, badRequest("$filter", "%s", err.Error())
		}
		if lp.q.Filter, err = chk.check(e); err != nil {
			return lp, err
		}
	}
	if v, ok := opts["$search"]; ok {
		if a.strict && !eventual && lp.q.After == "" {
			return lp, unsupportedQuery("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'")
		}
		if r.search == nil {
			return lp, badRequest("$search", "$search is not supported on this collection.")
		}
		e, err := odata.ParseSearch(v)
		if err != nil {
			return lp, badRequest("$search", "%s", err.Error())
		}
		if lp.q.Search, err = checkSearch(e, r); err != nil {
			return lp, err
		}
	}
	if v, ok := opts["$orderby"]; ok {
		if lp.q.OrderBy, err = parseOrderFor(v, r, lp.advanced, lp.q.Filter != nil); err != nil {
			return lp, err
		}
	}
	return lp, nil
}

func parseSelectFor(v string, r *rules) ([]string, error) {
	if v == "" {
		return r.defaults, nil
	}
	names, err := odata.ParseSelect(v)
	if err != nil {
		return nil, badRequest("$select", "%s", err.Error())
	}
	all := map[string]bool{}
	for _, p := range r.selectable {
		all[p] = true
	}
	for i, n := range names {
		c, ok := canonical(all, n)
		if !ok {
			return nil, badRequest("$select", "Could not find a property named '%s' on type 'microsoft.graph.%s'.", n, r.typeName)
		}
		names[i] = c
	}
	return names, nil
}

func parseOrderFor(v string, r *rules, advanced, filtered bool) ([]directory.Order, error) {
	order, err := odata.ParseOrderBy(v)
	if err != nil {
		return nil, badRequest("$orderby", "%s", err.Error())
	}
	if len(order) > 1 {
		return nil, unsupportedQuery("Ordering by more than one property is not supported.")
	}
	name, ok := canonical(r.order, order[0].Prop)
	if !ok {
		return nil, unsupportedQuery("Sorting by property '%s' of resource '%s' is not supported.", order[0].Prop, r.resource)
	}
	order[0].Prop = name
	if !advanced && !r.noAdvanced && (r.order[name] || filtered) {
		return nil, unsupportedQuery("Sorting not supported for current query: $orderby with $filter, or on dates, needs $count=true and the ConsistencyLevel: eventual header.")
	}
	return order, nil
}

func checkSearch(e directory.Expr, r *rules) (directory.Expr, error) {
	switch e := e.(type) {
	case directory.And:
		l, err := checkSearch(e.Left, r)
		if err != nil {
			return nil, err
		}
		rt, err := checkSearch(e.Right, r)
		return directory.And{Left: l, Right: rt}, err
	case directory.Or:
		l, err := checkSearch(e.Left, r)
		if err != nil {
			return nil, err
		}
		rt, err := checkSearch(e.Right, r)
		return directory.Or{Left: l, Right: rt}, err
	case directory.Search:
		name, ok := canonical(r.search, e.Prop)
		if !ok {
			return nil, unsupportedQuery("$search is not supported on property '%s' of resource '%s'.", e.Prop, r.resource)
		}
		e.Prop = name
		return e, nil
	}
	return nil, badRequest("$search", "Unsupported $search expression.")
}

// skipToken is the signed content of a $skiptoken.
type skipToken struct {
	Cursor   string `json:"c"`
	Query    string `json:"q"` // hash of the collection and the query it pages
	Advanced bool   `json:"a,omitempty"`
	Expires  int64  `json:"x"`
}

// queryHash binds a token to the collection path and the options that
// shape the result (as parsed, whatever their spelling); $top and $select
// may change between pages.
func queryHash(req *http.Request) string {
	opts, _ := queryOptions(req) // already validated by parseList
	h := sha256.Sum256([]byte(req.URL.Path + "\n" + opts["$filter"] + "\n" + opts["$search"] + "\n" + opts["$orderby"]))
	return base64.RawURLEncoding.EncodeToString(h[:12])
}

func (a *API) secret(ctx context.Context) ([]byte, error) {
	tenant := tenantOf(ctx)
	a.secretsMu.Lock()
	s, ok := a.secrets[tenant]
	a.secretsMu.Unlock()
	if ok {
		return s, nil
	}
	s, err := a.dir.CursorSecret(ctx, tenant)
	if err != nil {
		return nil, err
	}
	a.secretsMu.Lock()
	a.secrets[tenant] = s
	a.secretsMu.Unlock()
	return s, nil
}

func (a *API) sealSkipToken(ctx context.Context, req *http.Request, cursor string, advanced bool) (string, error) {
	secret, err := a.secret(ctx)
	if err != nil {
		return "", err
	}
	payload, _ := json.Marshal(skipToken{Cursor: cursor, Query: queryHash(req), Advanced: advanced,
		Expires: time.Now().Add(skipTokenTTL).Unix()})
	mac := hmac.New(sha256.New, secret)
	mac.Write(payload)
	enc := base64.RawURLEncoding
	return enc.EncodeToString(payload) + "." + enc.EncodeToString(mac.Sum(nil)), nil
}

func (a *API) openSkipToken(ctx context.Context, req *http.Request, tok string) (string, bool, error) {
	invalid := badRequest("$skiptoken", "The $skiptoken is invalid or expired, or belongs to another query; follow @odata.nextLink as given.")
	body, sig, ok := strings.Cut(tok, ".")
	enc := base64.RawURLEncoding.Strict() // no second spelling of the same bytes
	payload, err1 := enc.DecodeString(body)
	mac, err2 := enc.DecodeString(sig)
	if !ok || err1 != nil || err2 != nil {
		return "", false, invalid
	}
	secret, err := a.secret(ctx)
	if err != nil {
		return "", false, err
	}
	h := hmac.New(sha256.New, secret)
	h.Write(payload)
	if !hmac.Equal(mac, h.Sum(nil)) {
		return "", false, invalid
	}
	var st skipToken
	if json.Unmarshal(payload, &st) != nil || st.Query != queryHash(req) || time.Now().Unix() > st.Expires {
		return "", false, invalid
	}
	return st.Cursor, st.Advanced, nil
}

// nextLink repeats the request's query with a new $skiptoken.
func (a *API) nextLink(ctx context.Context, req *http.Request, cursor string, advanced bool) (string, error) {
	tok, err := a.sealSkipToken(ctx, req, cursor, advanced)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, p := range strings.Split(req.URL.RawQuery, "&") {
		if p != "" && !strings.HasPrefix(strings.ToLower(p), "$skiptoken=") && !strings.HasPrefix(strings.ToLower(p), "%24skiptoken=") {
			parts = append(parts, p)
		}
	}
	parts = append(parts, "$skiptoken="+tok)
	return a.publicURL + req.URL.Path + "?" + strings.Join(parts, "&"), nil
}
