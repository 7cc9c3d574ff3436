package client_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
)

// TestTokenStaysHome checks that following an absolute link to another
// server never sends the access token there.
func TestTokenStaysHome(t *testing.T) {
	var leaked string
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked = r.Header.Get("Authorization")
		w.Write([]byte(`{"value":[]}`))
	}))
	defer evil.Close()
	home := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"value":[{"id":"1"}],"@odata.nextLink":"` + evil.URL + `/v1.0/users?$skiptoken=x"}`))
	}))
	defer home.Close()
	c := client.New(home.URL, "secret-token")
	page, err := c.ListUsers(context.Background(), client.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.All(context.Background(), c, page, false)
	if err == nil || !strings.Contains(err.Error(), "refusing to send the access token") {
		t.Fatalf("following a foreign nextLink: %v", err)
	}
	if leaked != "" {
		t.Fatalf("token sent to another server: %q", leaked)
	}
}

func TestErrorBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(404)
		w.Write([]byte(`{"error":{"code":"Request_ResourceNotFound","message":"Resource 'x' does not exist."}}`))
	}))
	defer srv.Close()
	_, err := client.New(srv.URL, "t").GetUser(context.Background(), "x")
	ce, ok := err.(*client.Error)
	if !ok || ce.Status != 404 || ce.Code != "Request_ResourceNotFound" {
		t.Fatalf("error = %#v", err)
	}
}
