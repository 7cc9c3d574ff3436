package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Client calls an Atrium server's API with a bearer token.
type Client struct {
	BaseURL string // e.g. http://localhost:8080
	Token   string
	HTTP    *http.Client
	// Tenant, when set, is the customer a partner's user acts in (sent as
	// the Atrium-Tenant header).
	Tenant string
}

// New returns a client for baseURL with token.
func New(baseURL, token string) *Client {
	return &Client{BaseURL: strings.TrimSuffix(baseURL, "/"), Token: token, HTTP: &http.Client{Timeout: 60 * time.Second}}
}

// Error is a failed call: the HTTP status and the Graph error body.
type Error struct {
	Status int
	ErrorDetail
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s (%d): %s", e.Code, e.Status, e.Message)
}

// Page is one page of a collection.
type Page[T any] struct {
	Value    []T    `json:"value"`
	NextLink string `json:"@odata.nextLink,omitempty"`
	Count    *int   `json:"@odata.count,omitempty"`
}

// ListOptions are the query options of a collection request.
type ListOptions struct {
	Filter  string
	Search  string
	OrderBy string
	Select  []string
	Top     int
	// Count asks for @odata.count; with Eventual it sends the
	// ConsistencyLevel: eventual header that advanced queries need.
	Count    bool
	Eventual bool
}

func (o ListOptions) query() url.Values {
	v := url.Values{}
	if o.Filter != "" {
		v.Set("$filter", o.Filter)
	}
	if o.Search != "" {
		v.Set("$search", o.Search)
	}
	if o.OrderBy != "" {
		v.Set("$orderby", o.OrderBy)
	}
	if len(o.Select) > 0 {
		v.Set("$select", strings.Join(o.Select, ","))
	}
	if o.Top > 0 {
		v.Set("$top", strconv.Itoa(o.Top))
	}
	if o.Count {
		v.Set("$count", "true")
	}
	return v
}

// Do sends a request to path (relative to BaseURL) with an optional JSON
// body and decodes a JSON response into out (if not nil).
func (c *Client) Do(ctx context.Context, method, path string, query url.Values, header http.Header, body, out any) error {
	return c.do(ctx, method, path, query, header, body, out, nil)
}

// do is Do that also hands back the response headers when respHeader is
// not nil.
func (c *Client) do(ctx context.Context, method, path string, query url.Values, header http.Header, body, out any, respHeader *http.Header) error {
	u := c.BaseURL + path
	if strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://") {
		// A nextLink is absolute; the token goes only to the server it is for.
		if !sameOrigin(path, c.BaseURL) {
			return fmt.Errorf("refusing to send the access token to %s: it is not %s", path, c.BaseURL)
		}
		u = path
	}
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	if c.Tenant != "" {
		req.Header.Set(TenantHeader, c.Tenant)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if respHeader != nil {
		*respHeader = resp.Header
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return errorOf(resp.StatusCode, data)
	}
	if out == nil || len(data) == 0 {
		return nil
	}
	if s, ok := out.(*string); ok {
		*s = string(data)
		return nil
	}
	return json.Unmarshal(data, out)
}

func eventual(o ListOptions) http.Header {
	if !o.Eventual {
		return nil
	}
	return http.Header{"Consistencylevel": {"eventual"}}
}

// list fetches the first page of a collection.
func list[T any](ctx context.Context, c *Client, path string, o ListOptions) (Page[T], error) {
	var p Page[T]
	err := c.Do(ctx, http.MethodGet, path, o.query(), eventual(o), nil, &p)
	return p, err
}

// Next fetches the page a nextLink points to; eventual resends the
// ConsistencyLevel header, as Graph clients must.
func Next[T any](ctx context.Context, c *Client, nextLink string, eventualHeader bool) (Page[T], error) {
	var p Page[T]
	err := c.Do(ctx, http.MethodGet, nextLink, nil, eventual(ListOptions{Eventual: eventualHeader}), nil, &p)
	return p, err
}

// All follows nextLinks from the first page and returns every item.
func All[T any](ctx context.Context, c *Client, first Page[T], eventualHeader bool) ([]T, error) {
	items := first.Value
	for next := first.NextLink; next != ""; {
		p, err := Next[T](ctx, c, next, eventualHeader)
		if err != nil {
			return items, err
		}
		items, next = append(items, p.Value...), p.NextLink
	}
	return items, nil
}

// sameOrigin reports whether two URLs have the same scheme and host.
func sameOrigin(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Scheme == ub.Scheme && strings.EqualFold(ua.Host, ub.Host)
}

// errorOf turns an error response into an *Error: the Graph error body,
// or the status text and the body as it is.
func errorOf(status int, data []byte) *Error {
	e := &Error{Status: status}
	var eb ErrorBody
	if json.Unmarshal(data, &eb) == nil && eb.Error.Code != "" {
		e.ErrorDetail = eb.Error
	} else {
		e.Code, e.Message = http.StatusText(status), strings.TrimSpace(string(data))
	}
	return e
}
