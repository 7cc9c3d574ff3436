package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

func (a *API) odataContext(entity string) string {
	return a.publicURL + "/v1.0/$metadata#" + entity
}

func (a *API) listUsers(w http.ResponseWriter, r *http.Request) error {
	return a.listUsersOf(w, r, false)
}

func (a *API) listUsersOf(w http.ResponseWriter, r *http.Request, deleted bool) error {
	ctx, tenant := r.Context(), tenantOf(r.Context())
	rules, entity := userRules, "users"
	if deleted {
		rules, entity = deletedUserRules, "directoryObjects/microsoft.graph.user"
	}
	lp, err := a.parseList(ctx, r, rules)
	if err != nil {
		return err
	}
	lp.q.Deleted = deleted
	page, err := a.dir.ListUsers(ctx, tenant, lp.q)
	if err != nil {
		return err
	}
	if err := a.withLicenses(r, page.Items, lp.selected); err != nil {
		return err
	}
	items := make([]any, len(page.Items))
	for i := range page.Items {
		items[i] = userJSON(&page.Items[i], lp.selected)
	}
	var count func() (int, error)
	if lp.count {
		count = func() (int, error) { return a.dir.CountUsers(ctx, tenant, lp.q) }
	}
	return a.writeCollection(w, r, a.odataContext(entity), items, page.Next, lp.advanced, count)
}

// writeCollection writes a Graph collection with its count and next link;
// /api collections have no @odata.context (context "").
func (a *API) writeCollection(w http.ResponseWriter, r *http.Request, context string, items []any, next string, advanced bool, count func() (int, error)) error {
	body := map[string]any{"value": items}
	if context != "" {
		body["@odata.context"] = context
	}
	if count != nil {
		n, err := count()
		if err != nil {
			return err
		}
		body["@odata.count"] = n
	}
	if next != "" {
		link, err := a.nextLink(r.Context(), r, next, advanced)
		if err != nil {
			return err
		}
		body["@odata.nextLink"] = link
	}
	writeJSON(w, http.StatusOK, body)
	return nil
}

// countUsers serves /users/$count (text/plain), which needs the
// ConsistencyLevel header.
func (a *API) countUsers(w http.ResponseWriter, r *http.Request) error {
	if a.strict && !strings.EqualFold(strings.TrimSpace(r.Header.Get("ConsistencyLevel")), "eventual") {
		return badRequest("$count", "$count is not currently supported.")
	}
	lp, err := a.parseList(r.Context(), withCountOption(r), userRules)
	if err != nil {
		return err
	}
	n, err := a.dir.CountUsers(r.Context(), tenantOf(r.Context()), lp.q)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, err = w.Write([]byte(strconv.Itoa(n)))
	return err
}

// withCountOption marks a /$count request as advanced, as the header makes
// it.
func withCountOption(r *http.Request) *http.Request {
	r2 := r.Clone(r.Context())
	q := r2.URL.Query()
	q.Set("$count", "true")
	r2.URL.RawQuery = q.Encode()
	return r2
}

func (a *API) getUser(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	if id == "$count" {
		return a.countUsers(w, r)
	}
	lp, err := a.parseEntity(r, userRules)
	if err != nil {
		return err
	}
	u, err := a.dir.GetUser(r.Context(), tenantOf(r.Context()), id)
	if err != nil {
		return err
	}
	users := []directory.User{u}
	if err := a.withLicenses(r, users, lp); err != nil {
		return err
	}
	return a.writeUser(w, http.StatusOK, &users[0], lp)
}

func (a *API) getMe(w http.ResponseWriter, r *http.Request) error {
	lp, err := a.parseEntity(r, userRules)
	if err != nil {
		return err
	}
	u, err := a.dir.Me(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	return a.writeUser(w, http.StatusOK, &u, lp)
}

// parseEntity reads the options of a single-entity GET: only $select.
func (a *API) parseEntity(r *http.Request, rules *rules) ([]string, error) {
	opts, err := queryOptions(r)
	if err != nil {
		return nil, err
	}
	for k := range opts {
		if k != "$select" {
			return nil, badRequest(k, "Query option '%s' is not allowed on a single object.", k)
		}
	}
	return parseSelectFor(opts["$select"], rules)
}

func (a *API) writeUser(w http.ResponseWriter, status int, u *directory.User, selected []string) error {
	body := userJSON(u, selected)
	body["@odata.context"] = a.odataContext("users/$entity")
	writeJSON(w, status, body)
	return nil
}

func (a *API) createUser(w http.ResponseWriter, r *http.Request) error {
	c, pw, err := decodeUser(w, r)
	if err != nil {
		return err
	}
	u, err := a.dir.CreateUser(r.Context(), tenantOf(r.Context()), c, pw)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+"/v1.0/users/"+u.ID)
	return a.writeUser(w, http.StatusCreated, &u, userRules.defaults)
}

func (a *API) updateUser(w http.ResponseWriter, r *http.Request) error {
	c, pw, err := decodeUser(w, r)
	if err != nil {
		return err
	}
	if err := a.dir.UpdateUser(r.Context(), tenantOf(r.Context()), r.PathValue("id"), c, pw); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) deleteUser(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteUser(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// decodeUser reads a user create or PATCH body: writable properties become
// Changes, passwordProfile is taken apart, anything else is refused by
// name.
func decodeUser(w http.ResponseWriter, r *http.Request) (directory.Changes, *directory.PasswordProfile, error) {
	m, err := readObject(w, r)
	if err != nil {
		return nil, nil, err
	}
	c := directory.Changes{}
	var pw *directory.PasswordProfile
	for _, name := range sortedKeys(m) {
		raw := m[name]
		if name == "passwordProfile" {
			var p struct {
				Password                             *string `json:"password"`
				ForceChangePasswordNextSignIn        bool    `json:"forceChangePasswordNextSignIn"`
				ForceChangePasswordNextSignInWithMfa bool    `json:"forceChangePasswordNextSignInWithMfa"`
			}
			if err := decodeStrict("passwordProfile", raw, &p); err != nil {
				return nil, nil, err
			}
			if p.Password == nil {
				return nil, nil, badRequest("passwordProfile", "Property 'passwordProfile' needs a 'password'.")
			}
			pw = &directory.PasswordProfile{Password: *p.Password, ForceChangePasswordNextSignIn: p.ForceChangePasswordNextSignIn}
			continue
		}
		prop, ok := directory.LookupUserProp(name)
		switch {
		case userReadOnly[name]:
			return nil, nil, badRequest(name, "Property '%s' is read-only and can't be set.", name)
		case !ok:
			return nil, nil, badRequest(name, "Property '%s' does not exist on type 'microsoft.graph.user'.", name)
		}
		v, err := decodeValue(name, prop.Kind, raw)
		if err != nil {
			return nil, nil, err
		}
		c[name] = v
	}
	return c, pw, nil
}
